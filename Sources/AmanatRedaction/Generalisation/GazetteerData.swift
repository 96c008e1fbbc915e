/// The bundled gazetteer: towns and villages, each with the region (republic, krai, oblast or
/// country) it generalises to. Written for Amanat (see Docs/redaction.md); names in Russian
/// nominative, the region in Russian and English.
// swift-format-ignore-file
enum GazetteerData {
    /// A region places generalise to: a short key, its Russian name (nominative) and its English name.
    struct Region { let key: String; let russian: String; let english: String }
    /// A place: its Russian name (nominative, as usually written, hyphens kept), other spellings (Latin transliterations in common use, Turkish/other spellings, older Russian names) and its region key.
    struct Place { let name: String; let spellings: [String]; let region: String }

    static let regions: [Region] = [
        // North Caucasus
        Region(key: "chechnya", russian: "Чечня", english: "Chechnya"),
        Region(key: "ingushetia", russian: "Ингушетия", english: "Ingushetia"),
        Region(key: "dagestan", russian: "Дагестан", english: "Dagestan"),
        Region(key: "kabardino-balkaria", russian: "Кабардино-Балкария", english: "Kabardino-Balkaria"),
        Region(key: "north-ossetia", russian: "Северная Осетия", english: "North Ossetia"),
        Region(key: "karachay-cherkessia", russian: "Карачаево-Черкесия", english: "Karachay-Cherkessia"),
        Region(key: "adygea", russian: "Адыгея", english: "Adygea"),
        Region(key: "stavropol", russian: "Ставропольский край", english: "Stavropol Krai"),
        Region(key: "krasnodar", russian: "Краснодарский край", english: "Krasnodar Krai"),
        Region(key: "rostov", russian: "Ростовская область", english: "Rostov Oblast"),
        // Rest of Russia
        Region(key: "moscow", russian: "Москва", english: "Moscow"),
        Region(key: "moscow-oblast", russian: "Московская область", english: "Moscow Oblast"),
        Region(key: "saint-petersburg", russian: "Санкт-Петербург", english: "Saint Petersburg"),
        // Countries
        Region(key: "georgia", russian: "Грузия", english: "Georgia"),
        Region(key: "azerbaijan", russian: "Азербайджан", english: "Azerbaijan"),
        Region(key: "turkey", russian: "Турция", english: "Turkey"),
        Region(key: "syria", russian: "Сирия", english: "Syria"),
        Region(key: "iraq", russian: "Ирак", english: "Iraq"),
        Region(key: "ukraine", russian: "Украина", english: "Ukraine"),
        Region(key: "kazakhstan", russian: "Казахстан", english: "Kazakhstan"),
        Region(key: "germany", russian: "Германия", english: "Germany"),
        Region(key: "france", russian: "Франция", english: "France"),
        Region(key: "austria", russian: "Австрия", english: "Austria"),
        Region(key: "belgium", russian: "Бельгия", english: "Belgium"),
        Region(key: "poland", russian: "Польша", english: "Poland"),
        Region(key: "egypt", russian: "Египет", english: "Egypt"),
    ]

    static let places: [Place] = [
        // Chechnya
        Place(name: "Автуры", spellings: ["Avtury"], region: "chechnya"),
        Place(name: "Агишты", spellings: ["Agishty"], region: "chechnya"),
        Place(name: "Аллерой", spellings: ["Alleroy"], region: "chechnya"),
        Place(name: "Алпатово", spellings: ["Alpatovo"], region: "chechnya"),
        Place(name: "Алхазурово", spellings: ["Alkhazurovo"], region: "chechnya"),
        Place(name: "Алхан-Кала", spellings: ["Alkhan-Kala"], region: "chechnya"),
        Place(name: "Алхан-Юрт", spellings: ["Alkhan-Yurt"], region: "chechnya"),
        Place(name: "Аргун", spellings: ["Argun"], region: "chechnya"), // ambiguous: also the river Argun (Chechnya; and another on the Russian–Chinese border)
        Place(name: "Ассиновская", spellings: ["Assinovskaya"], region: "chechnya"),
        Place(name: "Ачхой-Мартан", spellings: ["Achkhoy-Martan"], region: "chechnya"),
        Place(name: "Бамут", spellings: ["Bamut"], region: "chechnya"),
        Place(name: "Бачи-Юрт", spellings: ["Bachi-Yurt"], region: "chechnya"),
        Place(name: "Белгатой", spellings: ["Belgatoy"], region: "chechnya"),
        Place(name: "Бено-Юрт", spellings: ["Beno-Yurt"], region: "chechnya"),
        Place(name: "Бороздиновская", spellings: ["Borozdinovskaya"], region: "chechnya"),
        Place(name: "Брагуны", spellings: ["Braguny"], region: "chechnya"),
        Place(name: "Валерик", spellings: ["Valerik"], region: "chechnya"), // ambiguous: also a diminutive of the given name Валерий
        Place(name: "Ведено", spellings: ["Vedeno"], region: "chechnya"),
        Place(name: "Ведучи", spellings: ["Veduchi"], region: "chechnya"),
        Place(name: "Гелдаган", spellings: ["Geldagan"], region: "chechnya"),
        Place(name: "Герзель-Аул", spellings: ["Gerzel-Aul"], region: "chechnya"),
        Place(name: "Герменчук", spellings: ["Germenchuk"], region: "chechnya"),
        Place(name: "Гехи", spellings: ["Gekhi"], region: "chechnya"),
        Place(name: "Гехи-Чу", spellings: ["Gekhi-Chu"], region: "chechnya"),
        Place(name: "Гиляны", spellings: ["Gilyany"], region: "chechnya"),
        Place(name: "Гойское", spellings: ["Goyskoye", "Гой-Чу", "Goy-Chu"], region: "chechnya"),
        Place(name: "Гойты", spellings: ["Goyty"], region: "chechnya"),
        Place(name: "Горагорский", spellings: ["Goragorsky"], region: "chechnya"),
        Place(name: "Горячеисточненская", spellings: ["Goryacheistochnenskaya"], region: "chechnya"),
        Place(name: "Гребенская", spellings: ["Grebenskaya"], region: "chechnya"),
        Place(name: "Грозный", spellings: ["Grozny", "Groznyy"], region: "chechnya"), // ambiguous: also an adjective (Иван Грозный)
        Place(name: "Гудермес", spellings: ["Gudermes"], region: "chechnya"),
        Place(name: "Дачу-Борзой", spellings: ["Dachu-Borzoy"], region: "chechnya"),
        Place(name: "Джалка", spellings: ["Dzhalka", "Jalka"], region: "chechnya"),
        Place(name: "Дуба-Юрт", spellings: ["Duba-Yurt"], region: "chechnya"),
        Place(name: "Дышне-Ведено", spellings: ["Dyshne-Vedeno"], region: "chechnya"),
        Place(name: "Ермоловка", spellings: ["Yermolovka"], region: "chechnya"),
        Place(name: "Закан-Юрт", spellings: ["Zakan-Yurt"], region: "chechnya"),
        Place(name: "Зандак", spellings: ["Zandak"], region: "chechnya"),
        Place(name: "Знаменское", spellings: ["Znamenskoye"], region: "chechnya"), // ambiguous: also villages of this name in many Russian regions
        Place(name: "Илсхан-Юрт", spellings: ["Ilskhan-Yurt"], region: "chechnya"),
        Place(name: "Итум-Кали", spellings: ["Itum-Kali", "Итум-Кале", "Itum-Kale"], region: "chechnya"),
        Place(name: "Ищерская", spellings: ["Ishcherskaya"], region: "chechnya"),
        Place(name: "Кади-Юрт", spellings: ["Kadi-Yurt"], region: "chechnya"),
        Place(name: "Калиновская", spellings: ["Kalinovskaya"], region: "chechnya"),
        Place(name: "Катыр-Юрт", spellings: ["Katyr-Yurt"], region: "chechnya"),
        Place(name: "Кень-Юрт", spellings: ["Ken-Yurt"], region: "chechnya"),
        Place(name: "Кошкельды", spellings: ["Koshkeldy"], region: "chechnya"),
        Place(name: "Кулары", spellings: ["Kulary"], region: "chechnya"),
        Place(name: "Курчалой", spellings: ["Kurchaloy"], region: "chechnya"),
        Place(name: "Майртуп", spellings: ["Mayrtup"], region: "chechnya"),
        Place(name: "Мартан-Чу", spellings: ["Martan-Chu"], region: "chechnya"),
        Place(name: "Махкеты", spellings: ["Makhkety"], region: "chechnya"),
        Place(name: "Мекен-Юрт", spellings: ["Meken-Yurt"], region: "chechnya"),
        Place(name: "Мекенская", spellings: ["Mekenskaya"], region: "chechnya"),
        Place(name: "Мелчхи", spellings: ["Melchkhi"], region: "chechnya"),
        Place(name: "Мескер-Юрт", spellings: ["Mesker-Yurt"], region: "chechnya"),
        Place(name: "Мескеты", spellings: ["Meskety"], region: "chechnya"),
        Place(name: "Надтеречное", spellings: ["Nadterechnoye"], region: "chechnya"),
        Place(name: "Наурская", spellings: ["Naurskaya"], region: "chechnya"),
        Place(name: "Новые Алды", spellings: ["Novye Aldy", "Алды", "Aldy"], region: "chechnya"),
        Place(name: "Новые Атаги", spellings: ["Novye Atagi", "Novyye Atagi"], region: "chechnya"),
        Place(name: "Новый Шарой", spellings: ["Novy Sharoy"], region: "chechnya"),
        Place(name: "Ножай-Юрт", spellings: ["Nozhay-Yurt"], region: "chechnya"),
        Place(name: "Нойбера", spellings: ["Noybera"], region: "chechnya"),
        Place(name: "Ойсхара", spellings: ["Oyskhara", "Новогрозненский", "Novogroznensky"], region: "chechnya"),
        Place(name: "Петропавловская", spellings: ["Petropavlovskaya"], region: "chechnya"), // ambiguous: also a common street and church name
        Place(name: "Побединское", spellings: ["Pobedinskoye"], region: "chechnya"),
        Place(name: "Рошни-Чу", spellings: ["Roshni-Chu"], region: "chechnya"),
        Place(name: "Савельевская", spellings: ["Savelyevskaya"], region: "chechnya"),
        Place(name: "Самашки", spellings: ["Samashki"], region: "chechnya"),
        Place(name: "Саясан", spellings: ["Sayasan"], region: "chechnya"),
        Place(name: "Сельментаузен", spellings: ["Selmentauzen"], region: "chechnya"),
        Place(name: "Сержень-Юрт", spellings: ["Serzhen-Yurt"], region: "chechnya"),
        Place(name: "Серноводское", spellings: ["Sernovodskoye", "Серноводск", "Sernovodsk"], region: "chechnya"),
        Place(name: "Старая Сунжа", spellings: ["Staraya Sunzha"], region: "chechnya"),
        Place(name: "Старогладовская", spellings: ["Starogladovskaya"], region: "chechnya"),
        Place(name: "Старые Атаги", spellings: ["Starye Atagi", "Stariye Atagi"], region: "chechnya"),
        Place(name: "Старый Ачхой", spellings: ["Stary Achkhoy"], region: "chechnya"),
        Place(name: "Танги-Чу", spellings: ["Tangi-Chu"], region: "chechnya"),
        Place(name: "Толстой-Юрт", spellings: ["Tolstoy-Yurt"], region: "chechnya"),
        Place(name: "Улус-Керт", spellings: ["Ulus-Kert"], region: "chechnya"),
        Place(name: "Урус-Мартан", spellings: ["Urus-Martan"], region: "chechnya"),
        Place(name: "Ханкала", spellings: ["Khankala"], region: "chechnya"),
        Place(name: "Харачой", spellings: ["Kharachoy"], region: "chechnya"),
        Place(name: "Хаттуни", spellings: ["Khattuni", "Хатуни", "Khatuni"], region: "chechnya"),
        Place(name: "Химой", spellings: ["Khimoy"], region: "chechnya"),
        Place(name: "Центорой", spellings: ["Tsentoroy", "Центарой", "Ахмат-Юрт", "Akhmat-Yurt"], region: "chechnya"),
        Place(name: "Цоци-Юрт", spellings: ["Tsotsi-Yurt", "Цоцин-Юрт", "Tsotsin-Yurt"], region: "chechnya"),
        Place(name: "Червлённая", spellings: ["Chervlyonnaya"], region: "chechnya"),
        Place(name: "Чернокозово", spellings: ["Chernokozovo"], region: "chechnya"),
        Place(name: "Чечен-Аул", spellings: ["Chechen-Aul"], region: "chechnya"),
        Place(name: "Чири-Юрт", spellings: ["Chiri-Yurt"], region: "chechnya"),
        Place(name: "Шаами-Юрт", spellings: ["Shaami-Yurt"], region: "chechnya"),
        Place(name: "Шалажи", spellings: ["Shalazhi"], region: "chechnya"),
        Place(name: "Шали", spellings: ["Shali"], region: "chechnya"), // ambiguous: also the plural of шаль (shawls)
        Place(name: "Шатой", spellings: ["Shatoy"], region: "chechnya"),
        Place(name: "Шелковская", spellings: ["Shelkovskaya"], region: "chechnya"),
        Place(name: "Элистанжи", spellings: ["Elistanzhi"], region: "chechnya"),
        Place(name: "Энгель-Юрт", spellings: ["Engel-Yurt"], region: "chechnya"),
        Place(name: "Ялхой-Мохк", spellings: ["Yalkhoy-Mokhk"], region: "chechnya"),
        Place(name: "Янди", spellings: ["Yandi"], region: "chechnya"),

        // Ingushetia
        Place(name: "Аки-Юрт", spellings: ["Aki-Yurt"], region: "ingushetia"),
        Place(name: "Али-Юрт", spellings: ["Ali-Yurt"], region: "ingushetia"),
        Place(name: "Алхасты", spellings: ["Alkhasty"], region: "ingushetia"),
        Place(name: "Альтиево", spellings: ["Altiyevo"], region: "ingushetia"),
        Place(name: "Армхи", spellings: ["Armkhi"], region: "ingushetia"),
        Place(name: "Барсуки", spellings: ["Barsuki"], region: "ingushetia"), // ambiguous: also the Russian word for badgers
        Place(name: "Верхние Ачалуки", spellings: ["Verkhniye Achaluki"], region: "ingushetia"),
        Place(name: "Вознесеновская", spellings: ["Voznesenovskaya"], region: "ingushetia"),
        Place(name: "Гази-Юрт", spellings: ["Gazi-Yurt"], region: "ingushetia"),
        Place(name: "Галашки", spellings: ["Galashki"], region: "ingushetia"),
        Place(name: "Гамурзиево", spellings: ["Gamurziyevo"], region: "ingushetia"),
        Place(name: "Джейрах", spellings: ["Dzheyrakh", "Jeyrakh"], region: "ingushetia"),
        Place(name: "Долаково", spellings: ["Dolakovo"], region: "ingushetia"),
        Place(name: "Зязиков-Юрт", spellings: ["Zyazikov-Yurt"], region: "ingushetia"),
        Place(name: "Инарки", spellings: ["Inarki"], region: "ingushetia"),
        Place(name: "Кантышево", spellings: ["Kantyshevo"], region: "ingushetia"),
        Place(name: "Карабулак", spellings: ["Karabulak"], region: "ingushetia"), // ambiguous: also several villages in Kazakhstan
        Place(name: "Магас", spellings: ["Magas"], region: "ingushetia"),
        Place(name: "Малгобек", spellings: ["Malgobek"], region: "ingushetia"),
        Place(name: "Мужичи", spellings: ["Muzhichi"], region: "ingushetia"),
        Place(name: "Назрань", spellings: ["Nazran"], region: "ingushetia"),
        Place(name: "Насыр-Корт", spellings: ["Nasyr-Kort"], region: "ingushetia"),
        Place(name: "Нестеровская", spellings: ["Nesterovskaya"], region: "ingushetia"),
        Place(name: "Нижние Ачалуки", spellings: ["Nizhniye Achaluki"], region: "ingushetia"),
        Place(name: "Новый Редант", spellings: ["Novy Redant"], region: "ingushetia"),
        Place(name: "Плиево", spellings: ["Pliyevo"], region: "ingushetia"),
        Place(name: "Пседах", spellings: ["Psedakh"], region: "ingushetia"),
        Place(name: "Сагопши", spellings: ["Sagopshi"], region: "ingushetia"),
        Place(name: "Средние Ачалуки", spellings: ["Sredniye Achaluki"], region: "ingushetia"),
        Place(name: "Сунжа", spellings: ["Sunzha", "Слепцовская", "Слепцовск", "Орджоникидзевская", "Sleptsovskaya", "Sleptsovsk"], region: "ingushetia"), // ambiguous: also a village in Prigorodny district (North Ossetia) and the river Sunzha
        Place(name: "Сурхахи", spellings: ["Surkhakhi"], region: "ingushetia"),
        Place(name: "Таргим", spellings: ["Targim"], region: "ingushetia"),
        Place(name: "Троицкая", spellings: ["Troitskaya"], region: "ingushetia"), // ambiguous: also a stanitsa in Krasnodar Krai and a common street and church name
        Place(name: "Экажево", spellings: ["Ekazhevo"], region: "ingushetia"),
        Place(name: "Яндаре", spellings: ["Yandare"], region: "ingushetia"),

        // Dagestan
        Place(name: "Агвали", spellings: ["Agvali"], region: "dagestan"),
        Place(name: "Акуша", spellings: ["Akusha"], region: "dagestan"),
        Place(name: "Ансалта", spellings: ["Ansalta"], region: "dagestan"),
        Place(name: "Ахты", spellings: ["Akhty"], region: "dagestan"),
        Place(name: "Бабаюрт", spellings: ["Babayurt"], region: "dagestan"),
        Place(name: "Ботлих", spellings: ["Botlikh"], region: "dagestan"),
        Place(name: "Буйнакск", spellings: ["Buynaksk", "Темир-Хан-Шура", "Temir-Khan-Shura"], region: "dagestan"),
        Place(name: "Гергебиль", spellings: ["Gergebil"], region: "dagestan"),
        Place(name: "Гимры", spellings: ["Gimry"], region: "dagestan"),
        Place(name: "Губден", spellings: ["Gubden"], region: "dagestan"),
        Place(name: "Гуниб", spellings: ["Gunib"], region: "dagestan"),
        Place(name: "Дагестанские Огни", spellings: ["Dagestanskiye Ogni"], region: "dagestan"),
        Place(name: "Дербент", spellings: ["Derbent"], region: "dagestan"),
        Place(name: "Дылым", spellings: ["Dylym"], region: "dagestan"),
        Place(name: "Избербаш", spellings: ["Izberbash"], region: "dagestan"),
        Place(name: "Ирганай", spellings: ["Irganay"], region: "dagestan"),
        Place(name: "Кадар", spellings: ["Kadar"], region: "dagestan"),
        Place(name: "Карабудахкент", spellings: ["Karabudakhkent"], region: "dagestan"),
        Place(name: "Карамахи", spellings: ["Karamakhi"], region: "dagestan"),
        Place(name: "Карланюрт", spellings: ["Karlanyurt"], region: "dagestan"),
        Place(name: "Каспийск", spellings: ["Kaspiysk"], region: "dagestan"),
        Place(name: "Касумкент", spellings: ["Kasumkent"], region: "dagestan"),
        Place(name: "Кафыр-Кумух", spellings: ["Kafyr-Kumukh"], region: "dagestan"),
        Place(name: "Кизилюрт", spellings: ["Kizilyurt"], region: "dagestan"),
        Place(name: "Кизляр", spellings: ["Kizlyar"], region: "dagestan"), // ambiguous: also a village in Mozdok district, North Ossetia
        Place(name: "Костек", spellings: ["Kostek"], region: "dagestan"),
        Place(name: "Кочубей", spellings: ["Kochubey"], region: "dagestan"), // ambiguous: also a surname
        Place(name: "Кумух", spellings: ["Kumukh"], region: "dagestan"),
        Place(name: "Леваши", spellings: ["Levashi"], region: "dagestan"),
        Place(name: "Ленинаул", spellings: ["Leninaul"], region: "dagestan"),
        Place(name: "Магарамкент", spellings: ["Magaramkent"], region: "dagestan"),
        Place(name: "Маджалис", spellings: ["Madzhalis"], region: "dagestan"),
        Place(name: "Махачкала", spellings: ["Makhachkala", "Петровск-Порт", "Petrovsk-Port"], region: "dagestan"),
        Place(name: "Новокаякент", spellings: ["Novokayakent"], region: "dagestan"),
        Place(name: "Новолакское", spellings: ["Novolakskoye"], region: "dagestan"),
        Place(name: "Рутул", spellings: ["Rutul"], region: "dagestan"),
        Place(name: "Сергокала", spellings: ["Sergokala"], region: "dagestan"),
        Place(name: "Султан-Янгиюрт", spellings: ["Sultan-Yangiyurt"], region: "dagestan"),
        Place(name: "Тандо", spellings: ["Tando"], region: "dagestan"),
        Place(name: "Тарумовка", spellings: ["Tarumovka"], region: "dagestan"),
        Place(name: "Терекли-Мектеб", spellings: ["Terekli-Mekteb"], region: "dagestan"),
        Place(name: "Унцукуль", spellings: ["Untsukul"], region: "dagestan"),
        Place(name: "Уркарах", spellings: ["Urkarakh"], region: "dagestan"),
        Place(name: "Хасавюрт", spellings: ["Khasavyurt"], region: "dagestan"),
        Place(name: "Хунзах", spellings: ["Khunzakh"], region: "dagestan"),
        Place(name: "Чабанмахи", spellings: ["Chabanmakhi"], region: "dagestan"),
        Place(name: "Чиркей", spellings: ["Chirkey"], region: "dagestan"),
        Place(name: "Шамилькала", spellings: ["Shamilkala"], region: "dagestan"),
        Place(name: "Эндирей", spellings: ["Endirey"], region: "dagestan"),
        Place(name: "Южно-Сухокумск", spellings: ["Yuzhno-Sukhokumsk"], region: "dagestan"),

        // Kabardino-Balkaria
        Place(name: "Анзорей", spellings: ["Anzorey"], region: "kabardino-balkaria"),
        Place(name: "Аргудан", spellings: ["Argudan"], region: "kabardino-balkaria"),
        Place(name: "Баксан", spellings: ["Baksan"], region: "kabardino-balkaria"), // ambiguous: also the river Baksan
        Place(name: "Былым", spellings: ["Bylym"], region: "kabardino-balkaria"),
        Place(name: "Залукокоаже", spellings: ["Zalukokoazhe"], region: "kabardino-balkaria"),
        Place(name: "Заюково", spellings: ["Zayukovo"], region: "kabardino-balkaria"),
        Place(name: "Исламей", spellings: ["Islamey"], region: "kabardino-balkaria"),
        Place(name: "Кашхатау", spellings: ["Kashkhatau"], region: "kabardino-balkaria"),
        Place(name: "Кенже", spellings: ["Kenzhe"], region: "kabardino-balkaria"),
        Place(name: "Майский", spellings: ["Mayskiy"], region: "kabardino-balkaria"), // ambiguous: also the adjective "May" and settlements in many Russian regions
        Place(name: "Нальчик", spellings: ["Nalchik"], region: "kabardino-balkaria"),
        Place(name: "Нарткала", spellings: ["Nartkala", "Докшукино", "Dokshukino"], region: "kabardino-balkaria"),
        Place(name: "Нижний Куркужин", spellings: ["Nizhny Kurkuzhin"], region: "kabardino-balkaria"),
        Place(name: "Прохладный", spellings: ["Prokhladny"], region: "kabardino-balkaria"), // ambiguous: also the adjective "cool"
        Place(name: "Сармаково", spellings: ["Sarmakovo"], region: "kabardino-balkaria"),
        Place(name: "Терек", spellings: ["Terek"], region: "kabardino-balkaria"), // ambiguous: also the river Terek (Chechnya, North Ossetia, Dagestan)
        Place(name: "Терскол", spellings: ["Terskol"], region: "kabardino-balkaria"),
        Place(name: "Тырныауз", spellings: ["Tyrnyauz"], region: "kabardino-balkaria"),
        Place(name: "Хабаз", spellings: ["Khabaz"], region: "kabardino-balkaria"),
        Place(name: "Хасанья", spellings: ["Khasanya"], region: "kabardino-balkaria"),
        Place(name: "Чегем", spellings: ["Chegem"], region: "kabardino-balkaria"), // ambiguous: also the river and gorge Chegem
        Place(name: "Шалушка", spellings: ["Shalushka"], region: "kabardino-balkaria"),

        // North Ossetia
        Place(name: "Алагир", spellings: ["Alagir"], region: "north-ossetia"),
        Place(name: "Ардон", spellings: ["Ardon"], region: "north-ossetia"), // ambiguous: also the river Ardon
        Place(name: "Беслан", spellings: ["Beslan"], region: "north-ossetia"), // ambiguous: also a common given name
        Place(name: "Владикавказ", spellings: ["Vladikavkaz", "Орджоникидзе", "Ordzhonikidze", "Дзауджикау", "Dzaudzhikau"], region: "north-ossetia"), // ambiguous: Орджоникидзе is also a surname
        Place(name: "Гизель", spellings: ["Gizel"], region: "north-ossetia"),
        Place(name: "Даргавс", spellings: ["Dargavs"], region: "north-ossetia"),
        Place(name: "Дигора", spellings: ["Digora"], region: "north-ossetia"),
        Place(name: "Камбилеевское", spellings: ["Kambileyevskoye"], region: "north-ossetia"),
        Place(name: "Кармадон", spellings: ["Karmadon"], region: "north-ossetia"),
        Place(name: "Мизур", spellings: ["Mizur"], region: "north-ossetia"),
        Place(name: "Моздок", spellings: ["Mozdok"], region: "north-ossetia"),
        Place(name: "Ногир", spellings: ["Nogir"], region: "north-ossetia"),
        Place(name: "Павлодольская", spellings: ["Pavlodolskaya"], region: "north-ossetia"),
        Place(name: "Садон", spellings: ["Sadon"], region: "north-ossetia"),
        Place(name: "Тарское", spellings: ["Tarskoye"], region: "north-ossetia"),
        Place(name: "Фиагдон", spellings: ["Fiagdon"], region: "north-ossetia"),
        Place(name: "Хумалаг", spellings: ["Khumalag"], region: "north-ossetia"),
        Place(name: "Чермен", spellings: ["Chermen"], region: "north-ossetia"), // ambiguous: also an Ossetian given name
        Place(name: "Чикола", spellings: ["Chikola"], region: "north-ossetia"),
        Place(name: "Эльхотово", spellings: ["Elkhotovo"], region: "north-ossetia"),

        // Karachay-Cherkessia
        Place(name: "Адыге-Хабль", spellings: ["Adyge-Khabl"], region: "karachay-cherkessia"),
        Place(name: "Архыз", spellings: ["Arkhyz"], region: "karachay-cherkessia"),
        Place(name: "Домбай", spellings: ["Dombay"], region: "karachay-cherkessia"),
        Place(name: "Зеленчукская", spellings: ["Zelenchukskaya"], region: "karachay-cherkessia"),
        Place(name: "Инжич-Чукун", spellings: ["Inzhich-Chukun"], region: "karachay-cherkessia"),
        Place(name: "Карачаевск", spellings: ["Karachayevsk", "Микоян-Шахар", "Mikoyan-Shakhar", "Клухори", "Klukhori"], region: "karachay-cherkessia"),
        Place(name: "Кардоникская", spellings: ["Kardonikskaya"], region: "karachay-cherkessia"),
        Place(name: "Теберда", spellings: ["Teberda"], region: "karachay-cherkessia"), // ambiguous: also the river Teberda
        Place(name: "Усть-Джегута", spellings: ["Ust-Dzheguta"], region: "karachay-cherkessia"),
        Place(name: "Учкекен", spellings: ["Uchkeken"], region: "karachay-cherkessia"),
        Place(name: "Учкулан", spellings: ["Uchkulan"], region: "karachay-cherkessia"),
        Place(name: "Хабез", spellings: ["Khabez"], region: "karachay-cherkessia"),
        Place(name: "Хурзук", spellings: ["Khurzuk"], region: "karachay-cherkessia"),
        Place(name: "Черкесск", spellings: ["Cherkessk", "Баталпашинск", "Batalpashinsk"], region: "karachay-cherkessia"),
        Place(name: "Эркен-Шахар", spellings: ["Erken-Shakhar"], region: "karachay-cherkessia"),

        // Adygea
        Place(name: "Адыгейск", spellings: ["Adygeysk"], region: "adygea"),
        Place(name: "Гиагинская", spellings: ["Giaginskaya"], region: "adygea"),
        Place(name: "Кошехабль", spellings: ["Koshekhabl"], region: "adygea"),
        Place(name: "Майкоп", spellings: ["Maykop"], region: "adygea"),
        Place(name: "Тахтамукай", spellings: ["Takhtamukay"], region: "adygea"),
        Place(name: "Хакуринохабль", spellings: ["Khakurinokhabl"], region: "adygea"),
        Place(name: "Энем", spellings: ["Enem"], region: "adygea"),
        Place(name: "Яблоновский", spellings: ["Yablonovsky"], region: "adygea"),

        // Stavropol Krai
        Place(name: "Ачикулак", spellings: ["Achikulak"], region: "stavropol"),
        Place(name: "Будённовск", spellings: ["Budyonnovsk", "Прикумск", "Prikumsk"], region: "stavropol"),
        Place(name: "Георгиевск", spellings: ["Georgiyevsk"], region: "stavropol"),
        Place(name: "Ессентуки", spellings: ["Yessentuki"], region: "stavropol"),
        Place(name: "Железноводск", spellings: ["Zheleznovodsk"], region: "stavropol"),
        Place(name: "Зеленокумск", spellings: ["Zelenokumsk"], region: "stavropol"),
        Place(name: "Иноземцево", spellings: ["Inozemtsevo"], region: "stavropol"),
        Place(name: "Кисловодск", spellings: ["Kislovodsk"], region: "stavropol"),
        Place(name: "Кочубеевское", spellings: ["Kochubeyevskoye"], region: "stavropol"),
        Place(name: "Минеральные Воды", spellings: ["Mineralnye Vody", "Mineralnyye Vody", "Минводы", "Minvody"], region: "stavropol"), // ambiguous: also the phrase "mineral waters"
        Place(name: "Михайловск", spellings: ["Mikhaylovsk"], region: "stavropol"), // ambiguous: also a town in Sverdlovsk Oblast
        Place(name: "Невинномысск", spellings: ["Nevinnomyssk"], region: "stavropol"),
        Place(name: "Нефтекумск", spellings: ["Neftekumsk"], region: "stavropol"),
        Place(name: "Новопавловск", spellings: ["Novopavlovsk"], region: "stavropol"),
        Place(name: "Пятигорск", spellings: ["Pyatigorsk"], region: "stavropol"),
        Place(name: "Ставрополь", spellings: ["Stavropol", "Ворошиловск", "Voroshilovsk"], region: "stavropol"),

        // Krasnodar Krai
        Place(name: "Адлер", spellings: ["Adler"], region: "krasnodar"), // ambiguous: also a surname
        Place(name: "Анапа", spellings: ["Anapa"], region: "krasnodar"),
        Place(name: "Армавир", spellings: ["Armavir"], region: "krasnodar"), // ambiguous: also a city in Armenia
        Place(name: "Белореченск", spellings: ["Belorechensk"], region: "krasnodar"),
        Place(name: "Геленджик", spellings: ["Gelendzhik"], region: "krasnodar"),
        Place(name: "Ейск", spellings: ["Yeysk"], region: "krasnodar"),
        Place(name: "Краснодар", spellings: ["Krasnodar", "Екатеринодар", "Yekaterinodar"], region: "krasnodar"),
        Place(name: "Новороссийск", spellings: ["Novorossiysk"], region: "krasnodar"),
        Place(name: "Сочи", spellings: ["Sochi"], region: "krasnodar"),
        Place(name: "Туапсе", spellings: ["Tuapse"], region: "krasnodar"),
        Place(name: "Хадыженск", spellings: ["Khadyzhensk"], region: "krasnodar"),

        // Rostov Oblast
        Place(name: "Батайск", spellings: ["Bataysk"], region: "rostov"),
        Place(name: "Волгодонск", spellings: ["Volgodonsk"], region: "rostov"),
        Place(name: "Каменск-Шахтинский", spellings: ["Kamensk-Shakhtinsky"], region: "rostov"),
        Place(name: "Новочеркасск", spellings: ["Novocherkassk"], region: "rostov"),
        Place(name: "Ростов-на-Дону", spellings: ["Rostov-on-Don", "Rostov-na-Donu", "Ростов", "Rostov"], region: "rostov"), // ambiguous: Ростов alone is also Rostov Veliky (Yaroslavl Oblast)
        Place(name: "Сальск", spellings: ["Salsk"], region: "rostov"),
        Place(name: "Таганрог", spellings: ["Taganrog"], region: "rostov"),

        // Moscow
        Place(name: "Зеленоград", spellings: ["Zelenograd"], region: "moscow"),
        Place(name: "Москва", spellings: ["Moscow", "Moskva", "Moskau", "Moscou"], region: "moscow"),

        // Moscow Oblast
        Place(name: "Балашиха", spellings: ["Balashikha"], region: "moscow-oblast"),
        Place(name: "Домодедово", spellings: ["Domodedovo"], region: "moscow-oblast"),
        Place(name: "Люберцы", spellings: ["Lyubertsy"], region: "moscow-oblast"),
        Place(name: "Мытищи", spellings: ["Mytishchi"], region: "moscow-oblast"),
        Place(name: "Одинцово", spellings: ["Odintsovo"], region: "moscow-oblast"),
        Place(name: "Подольск", spellings: ["Podolsk"], region: "moscow-oblast"),
        Place(name: "Химки", spellings: ["Khimki"], region: "moscow-oblast"),

        // Saint Petersburg
        Place(name: "Кронштадт", spellings: ["Kronstadt"], region: "saint-petersburg"),
        Place(name: "Санкт-Петербург", spellings: ["Saint Petersburg", "St. Petersburg", "Sankt-Peterburg", "Петербург", "Ленинград", "Leningrad", "Питер"], region: "saint-petersburg"), // ambiguous: Питер is also the Russian spelling of the name Peter

        // Georgia
        Place(name: "Ахмета", spellings: ["Akhmeta"], region: "georgia"),
        Place(name: "Батуми", spellings: ["Batumi", "Батум"], region: "georgia"),
        Place(name: "Биркиани", spellings: ["Birkiani"], region: "georgia"),
        Place(name: "Джоколо", spellings: ["Jokolo", "Dzhokolo"], region: "georgia"),
        Place(name: "Дуиси", spellings: ["Duisi"], region: "georgia"),
        Place(name: "Кутаиси", spellings: ["Kutaisi"], region: "georgia"),
        Place(name: "Омало", spellings: ["Omalo"], region: "georgia"), // ambiguous: also Omalo in Tusheti (Georgia as well)
        Place(name: "Панкиси", spellings: ["Pankisi"], region: "georgia"),
        Place(name: "Рустави", spellings: ["Rustavi"], region: "georgia"),
        Place(name: "Степанцминда", spellings: ["Stepantsminda", "Казбеги", "Kazbegi"], region: "georgia"),
        Place(name: "Тбилиси", spellings: ["Tbilisi", "Тифлис", "Tiflis"], region: "georgia"),
        Place(name: "Телави", spellings: ["Telavi"], region: "georgia"),
        Place(name: "Халацани", spellings: ["Khalatsani"], region: "georgia"),

        // Azerbaijan
        Place(name: "Баку", spellings: ["Baku", "Bakı"], region: "azerbaijan"),
        Place(name: "Белоканы", spellings: ["Belokany", "Balakən"], region: "azerbaijan"),
        Place(name: "Гянджа", spellings: ["Ganja", "Gəncə", "Кировабад", "Kirovabad"], region: "azerbaijan"),
        Place(name: "Закаталы", spellings: ["Zakataly", "Zaqatala"], region: "azerbaijan"),
        Place(name: "Сумгаит", spellings: ["Sumgait", "Sumqayıt"], region: "azerbaijan"),
        Place(name: "Шеки", spellings: ["Sheki", "Şəki", "Нуха", "Nukha"], region: "azerbaijan"),

        // Turkey
        Place(name: "Адапазары", spellings: ["Adapazarı", "Сакарья", "Sakarya"], region: "turkey"),
        Place(name: "Анкара", spellings: ["Ankara"], region: "turkey"),
        Place(name: "Антакья", spellings: ["Antakya", "Хатай", "Hatay"], region: "turkey"),
        Place(name: "Анталья", spellings: ["Antalya", "Анталия"], region: "turkey"),
        Place(name: "Бурса", spellings: ["Bursa"], region: "turkey"),
        Place(name: "Газиантеп", spellings: ["Gaziantep", "Антеп", "Antep"], region: "turkey"),
        Place(name: "Дюздже", spellings: ["Düzce"], region: "turkey"),
        Place(name: "Измир", spellings: ["İzmir"], region: "turkey"),
        Place(name: "Измит", spellings: ["İzmit", "Коджаэли", "Kocaeli"], region: "turkey"),
        Place(name: "Кайсери", spellings: ["Kayseri"], region: "turkey"),
        Place(name: "Рейханлы", spellings: ["Reyhanlı"], region: "turkey"),
        Place(name: "Стамбул", spellings: ["İstanbul", "Stambul"], region: "turkey"),
        Place(name: "Шанлыурфа", spellings: ["Şanlıurfa", "Урфа", "Urfa"], region: "turkey"),
        Place(name: "Ялова", spellings: ["Yalova"], region: "turkey"),

        // Syria
        Place(name: "Алеппо", spellings: ["Aleppo", "Халеб", "Halab"], region: "syria"),
        Place(name: "Аль-Хол", spellings: ["Эль-Хол", "Al-Hol", "Al-Hawl"], region: "syria"),
        Place(name: "Багуз", spellings: ["Baghuz", "Аль-Багуз"], region: "syria"),
        Place(name: "Дамаск", spellings: ["Damascus", "Dimashq"], region: "syria"),
        Place(name: "Дейр-эз-Зор", spellings: ["Deir ez-Zor", "Дейр-эз-Зур"], region: "syria"),
        Place(name: "Идлиб", spellings: ["Idlib"], region: "syria"),
        Place(name: "Кобани", spellings: ["Kobani", "Айн-эль-Араб", "Ayn al-Arab"], region: "syria"),
        Place(name: "Латакия", spellings: ["Latakia"], region: "syria"),
        Place(name: "Манбидж", spellings: ["Manbij"], region: "syria"),
        Place(name: "Ракка", spellings: ["Raqqa", "Rakka", "Эр-Ракка", "ar-Raqqa"], region: "syria"),
        Place(name: "Табка", spellings: ["Tabqa", "Ат-Табка"], region: "syria"),
        Place(name: "Хомс", spellings: ["Homs"], region: "syria"),
        Place(name: "Эль-Хасака", spellings: ["Хасака", "Al-Hasakah", "Hasakah"], region: "syria"),

        // Iraq
        Place(name: "Багдад", spellings: ["Baghdad"], region: "iraq"),
        Place(name: "Киркук", spellings: ["Kirkuk"], region: "iraq"),
        Place(name: "Мосул", spellings: ["Mosul"], region: "iraq"),
        Place(name: "Сулеймания", spellings: ["Sulaymaniyah"], region: "iraq"),
        Place(name: "Телль-Афар", spellings: ["Тель-Афар", "Tal Afar"], region: "iraq"),
        Place(name: "Тикрит", spellings: ["Tikrit"], region: "iraq"),
        Place(name: "Фаллуджа", spellings: ["Fallujah"], region: "iraq"),
        Place(name: "Эрбиль", spellings: ["Erbil", "Irbil", "Arbil"], region: "iraq"),

        // Ukraine
        Place(name: "Днепр", spellings: ["Dnipro", "Днепропетровск", "Dnipropetrovsk"], region: "ukraine"), // ambiguous: also the river Dnieper
        Place(name: "Запорожье", spellings: ["Zaporizhzhia", "Zaporozhye"], region: "ukraine"),
        Place(name: "Киев", spellings: ["Kyiv", "Kiev", "Київ"], region: "ukraine"),
        Place(name: "Львов", spellings: ["Lviv", "Lvov", "Львів"], region: "ukraine"),
        Place(name: "Одесса", spellings: ["Odesa", "Odessa"], region: "ukraine"),
        Place(name: "Харьков", spellings: ["Kharkiv", "Kharkov", "Харків"], region: "ukraine"),

        // Kazakhstan
        Place(name: "Актобе", spellings: ["Aktobe", "Актюбинск", "Aktyubinsk"], region: "kazakhstan"),
        Place(name: "Алматы", spellings: ["Almaty", "Алма-Ата", "Alma-Ata"], region: "kazakhstan"),
        Place(name: "Астана", spellings: ["Astana", "Нур-Султан", "Nur-Sultan", "Целиноград", "Акмола"], region: "kazakhstan"),
        Place(name: "Караганда", spellings: ["Karaganda", "Qaraghandy"], region: "kazakhstan"),
        Place(name: "Павлодар", spellings: ["Pavlodar"], region: "kazakhstan"),
        Place(name: "Семей", spellings: ["Semey", "Семипалатинск", "Semipalatinsk"], region: "kazakhstan"),
        Place(name: "Шымкент", spellings: ["Shymkent", "Чимкент", "Chimkent"], region: "kazakhstan"),

        // Germany
        Place(name: "Берлин", spellings: ["Berlin"], region: "germany"),
        Place(name: "Гамбург", spellings: ["Hamburg"], region: "germany"),
        Place(name: "Дюссельдорф", spellings: ["Düsseldorf"], region: "germany"),
        Place(name: "Кёльн", spellings: ["Köln", "Cologne"], region: "germany"),
        Place(name: "Мюнхен", spellings: ["München", "Munich"], region: "germany"),
        Place(name: "Франкфурт-на-Майне", spellings: ["Frankfurt am Main", "Франкфурт", "Frankfurt"], region: "germany"), // ambiguous: Франкфурт alone is also Frankfurt (Oder), Germany as well
        Place(name: "Штутгарт", spellings: ["Stuttgart"], region: "germany"),

        // France
        Place(name: "Ле-Ман", spellings: ["Le Mans"], region: "france"),
        Place(name: "Марсель", spellings: ["Marseille"], region: "france"), // ambiguous: also the given name Марсель
        Place(name: "Мюлуз", spellings: ["Mulhouse"], region: "france"),
        Place(name: "Нант", spellings: ["Nantes"], region: "france"),
        Place(name: "Ницца", spellings: ["Nizza"], region: "france"), // "Nice" left out on purpose: it is an English word
        Place(name: "Париж", spellings: ["Paris"], region: "france"),
        Place(name: "Страсбург", spellings: ["Strasbourg"], region: "france"),
        Place(name: "Тулуза", spellings: ["Toulouse"], region: "france"),

        // Austria
        Place(name: "Вена", spellings: ["Vienna", "Wien"], region: "austria"), // ambiguous: also the Russian word for vein
        Place(name: "Грац", spellings: ["Graz"], region: "austria"),
        Place(name: "Зальцбург", spellings: ["Salzburg"], region: "austria"),
        Place(name: "Линц", spellings: ["Linz"], region: "austria"),
        Place(name: "Трайскирхен", spellings: ["Traiskirchen"], region: "austria"),

        // Belgium
        Place(name: "Антверпен", spellings: ["Antwerpen", "Antwerp"], region: "belgium"),
        Place(name: "Брюссель", spellings: ["Brussels", "Bruxelles", "Brussel"], region: "belgium"),
        Place(name: "Вервье", spellings: ["Verviers"], region: "belgium"),
        Place(name: "Гент", spellings: ["Gent", "Ghent"], region: "belgium"),
        Place(name: "Льеж", spellings: ["Liège"], region: "belgium"),

        // Poland
        Place(name: "Белосток", spellings: ["Białystok", "Bialystok"], region: "poland"),
        Place(name: "Бяла-Подляска", spellings: ["Biała Podlaska", "Biala Podlaska"], region: "poland"),
        Place(name: "Варшава", spellings: ["Warszawa", "Warsaw"], region: "poland"),
        Place(name: "Краков", spellings: ["Kraków"], region: "poland"),
        Place(name: "Лодзь", spellings: ["Łódź", "Lodz"], region: "poland"),
        Place(name: "Люблин", spellings: ["Lublin"], region: "poland"),
        Place(name: "Тересполь", spellings: ["Terespol"], region: "poland"),

        // Egypt
        Place(name: "Александрия", spellings: ["Alexandria"], region: "egypt"), // ambiguous: also Oleksandriia (Александрия) in Ukraine
        Place(name: "Каир", spellings: ["Cairo"], region: "egypt"),
        Place(name: "Хургада", spellings: ["Hurghada"], region: "egypt"),
        Place(name: "Шарм-эш-Шейх", spellings: ["Шарм-эль-Шейх", "Sharm el-Sheikh"], region: "egypt"),
    ]
}
