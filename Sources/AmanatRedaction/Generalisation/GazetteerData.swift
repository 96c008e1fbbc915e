/// The bundled gazetteer: towns and villages, each with the region (republic, krai, oblast or
/// country) it generalises to. Written for Amanat (see Docs/redaction.md); names in Russian
/// nominative, the region in Russian and English.
///
/// Kept as one string literal, read once by `Gazetteer` (cheap to compile; an array of struct literals
/// took 0.6 s and 600 MB to type-check). One entry a line, fields separated by `|`:
///
///     region|KEY|RUSSIAN NAME|ENGLISH NAME
///     place|RUSSIAN NAME (nominative, hyphens kept)|REGION KEY|OTHER SPELLINGS, separated by `;`
///
/// Other spellings are Latin transliterations in common use, Turkish and other spellings, and older
/// Russian names. `#` starts a comment (to the end of the line); blank lines are ignored.
// swift-format-ignore-file
enum GazetteerData {
    static let text: StaticString = #"""
# North Caucasus
region|chechnya|Чечня|Chechnya
region|ingushetia|Ингушетия|Ingushetia
region|dagestan|Дагестан|Dagestan
region|kabardino-balkaria|Кабардино-Балкария|Kabardino-Balkaria
region|north-ossetia|Северная Осетия|North Ossetia
region|karachay-cherkessia|Карачаево-Черкесия|Karachay-Cherkessia
region|adygea|Адыгея|Adygea
region|stavropol|Ставропольский край|Stavropol Krai
region|krasnodar|Краснодарский край|Krasnodar Krai
region|rostov|Ростовская область|Rostov Oblast
# Rest of Russia
region|moscow|Москва|Moscow
region|moscow-oblast|Московская область|Moscow Oblast
region|saint-petersburg|Санкт-Петербург|Saint Petersburg
# Countries
region|georgia|Грузия|Georgia
region|azerbaijan|Азербайджан|Azerbaijan
region|turkey|Турция|Turkey
region|syria|Сирия|Syria
region|iraq|Ирак|Iraq
region|ukraine|Украина|Ukraine
region|kazakhstan|Казахстан|Kazakhstan
region|germany|Германия|Germany
region|france|Франция|France
region|austria|Австрия|Austria
region|belgium|Бельгия|Belgium
region|poland|Польша|Poland
region|egypt|Египет|Egypt

# Chechnya
place|Автуры|chechnya|Avtury
place|Агишты|chechnya|Agishty
place|Аллерой|chechnya|Alleroy
place|Алпатово|chechnya|Alpatovo
place|Алхазурово|chechnya|Alkhazurovo
place|Алхан-Кала|chechnya|Alkhan-Kala
place|Алхан-Юрт|chechnya|Alkhan-Yurt
place|Аргун|chechnya|Argun  # ambiguous: also the river Argun (Chechnya; and another on the Russian–Chinese border)
place|Ассиновская|chechnya|Assinovskaya
place|Ачхой-Мартан|chechnya|Achkhoy-Martan
place|Бамут|chechnya|Bamut
place|Бачи-Юрт|chechnya|Bachi-Yurt
place|Белгатой|chechnya|Belgatoy
place|Бено-Юрт|chechnya|Beno-Yurt
place|Бороздиновская|chechnya|Borozdinovskaya
place|Брагуны|chechnya|Braguny
place|Валерик|chechnya|Valerik  # ambiguous: also a diminutive of the given name Валерий
place|Ведено|chechnya|Vedeno
place|Ведучи|chechnya|Veduchi
place|Гелдаган|chechnya|Geldagan
place|Герзель-Аул|chechnya|Gerzel-Aul
place|Герменчук|chechnya|Germenchuk
place|Гехи|chechnya|Gekhi
place|Гехи-Чу|chechnya|Gekhi-Chu
place|Гиляны|chechnya|Gilyany
place|Гойское|chechnya|Goyskoye;Гой-Чу;Goy-Chu
place|Гойты|chechnya|Goyty
place|Горагорский|chechnya|Goragorsky
place|Горячеисточненская|chechnya|Goryacheistochnenskaya
place|Гребенская|chechnya|Grebenskaya
place|Грозный|chechnya|Grozny;Groznyy  # ambiguous: also an adjective (Иван Грозный)
place|Гудермес|chechnya|Gudermes
place|Дачу-Борзой|chechnya|Dachu-Borzoy
place|Джалка|chechnya|Dzhalka;Jalka
place|Дуба-Юрт|chechnya|Duba-Yurt
place|Дышне-Ведено|chechnya|Dyshne-Vedeno
place|Ермоловка|chechnya|Yermolovka
place|Закан-Юрт|chechnya|Zakan-Yurt
place|Зандак|chechnya|Zandak
place|Знаменское|chechnya|Znamenskoye  # ambiguous: also villages of this name in many Russian regions
place|Илсхан-Юрт|chechnya|Ilskhan-Yurt
place|Итум-Кали|chechnya|Itum-Kali;Итум-Кале;Itum-Kale
place|Ищерская|chechnya|Ishcherskaya
place|Кади-Юрт|chechnya|Kadi-Yurt
place|Калиновская|chechnya|Kalinovskaya
place|Катыр-Юрт|chechnya|Katyr-Yurt
place|Кень-Юрт|chechnya|Ken-Yurt
place|Кошкельды|chechnya|Koshkeldy
place|Кулары|chechnya|Kulary
place|Курчалой|chechnya|Kurchaloy
place|Майртуп|chechnya|Mayrtup
place|Мартан-Чу|chechnya|Martan-Chu
place|Махкеты|chechnya|Makhkety
place|Мекен-Юрт|chechnya|Meken-Yurt
place|Мекенская|chechnya|Mekenskaya
place|Мелчхи|chechnya|Melchkhi
place|Мескер-Юрт|chechnya|Mesker-Yurt
place|Мескеты|chechnya|Meskety
place|Надтеречное|chechnya|Nadterechnoye
place|Наурская|chechnya|Naurskaya
place|Новые Алды|chechnya|Novye Aldy;Алды;Aldy
place|Новые Атаги|chechnya|Novye Atagi;Novyye Atagi
place|Новый Шарой|chechnya|Novy Sharoy
place|Ножай-Юрт|chechnya|Nozhay-Yurt
place|Нойбера|chechnya|Noybera
place|Ойсхара|chechnya|Oyskhara;Новогрозненский;Novogroznensky
place|Петропавловская|chechnya|Petropavlovskaya  # ambiguous: also a common street and church name
place|Побединское|chechnya|Pobedinskoye
place|Рошни-Чу|chechnya|Roshni-Chu
place|Савельевская|chechnya|Savelyevskaya
place|Самашки|chechnya|Samashki
place|Саясан|chechnya|Sayasan
place|Сельментаузен|chechnya|Selmentauzen
place|Сержень-Юрт|chechnya|Serzhen-Yurt
place|Серноводское|chechnya|Sernovodskoye;Серноводск;Sernovodsk
place|Старая Сунжа|chechnya|Staraya Sunzha
place|Старогладовская|chechnya|Starogladovskaya
place|Старые Атаги|chechnya|Starye Atagi;Stariye Atagi
place|Старый Ачхой|chechnya|Stary Achkhoy
place|Танги-Чу|chechnya|Tangi-Chu
place|Толстой-Юрт|chechnya|Tolstoy-Yurt
place|Улус-Керт|chechnya|Ulus-Kert
place|Урус-Мартан|chechnya|Urus-Martan
place|Ханкала|chechnya|Khankala
place|Харачой|chechnya|Kharachoy
place|Хаттуни|chechnya|Khattuni;Хатуни;Khatuni
place|Химой|chechnya|Khimoy
place|Центорой|chechnya|Tsentoroy;Центарой;Ахмат-Юрт;Akhmat-Yurt
place|Цоци-Юрт|chechnya|Tsotsi-Yurt;Цоцин-Юрт;Tsotsin-Yurt
place|Червлённая|chechnya|Chervlyonnaya
place|Чернокозово|chechnya|Chernokozovo
place|Чечен-Аул|chechnya|Chechen-Aul
place|Чири-Юрт|chechnya|Chiri-Yurt
place|Шаами-Юрт|chechnya|Shaami-Yurt
place|Шалажи|chechnya|Shalazhi
place|Шали|chechnya|Shali  # ambiguous: also the plural of шаль (shawls)
place|Шатой|chechnya|Shatoy
place|Шелковская|chechnya|Shelkovskaya
place|Элистанжи|chechnya|Elistanzhi
place|Энгель-Юрт|chechnya|Engel-Yurt
place|Ялхой-Мохк|chechnya|Yalkhoy-Mokhk
place|Янди|chechnya|Yandi

# Ingushetia
place|Аки-Юрт|ingushetia|Aki-Yurt
place|Али-Юрт|ingushetia|Ali-Yurt
place|Алхасты|ingushetia|Alkhasty
place|Альтиево|ingushetia|Altiyevo
place|Армхи|ingushetia|Armkhi
place|Барсуки|ingushetia|Barsuki  # ambiguous: also the Russian word for badgers
place|Верхние Ачалуки|ingushetia|Verkhniye Achaluki
place|Вознесеновская|ingushetia|Voznesenovskaya
place|Гази-Юрт|ingushetia|Gazi-Yurt
place|Галашки|ingushetia|Galashki
place|Гамурзиево|ingushetia|Gamurziyevo
place|Джейрах|ingushetia|Dzheyrakh;Jeyrakh
place|Долаково|ingushetia|Dolakovo
place|Зязиков-Юрт|ingushetia|Zyazikov-Yurt
place|Инарки|ingushetia|Inarki
place|Кантышево|ingushetia|Kantyshevo
place|Карабулак|ingushetia|Karabulak  # ambiguous: also several villages in Kazakhstan
place|Магас|ingushetia|Magas
place|Малгобек|ingushetia|Malgobek
place|Мужичи|ingushetia|Muzhichi
place|Назрань|ingushetia|Nazran
place|Насыр-Корт|ingushetia|Nasyr-Kort
place|Нестеровская|ingushetia|Nesterovskaya
place|Нижние Ачалуки|ingushetia|Nizhniye Achaluki
place|Новый Редант|ingushetia|Novy Redant
place|Плиево|ingushetia|Pliyevo
place|Пседах|ingushetia|Psedakh
place|Сагопши|ingushetia|Sagopshi
place|Средние Ачалуки|ingushetia|Sredniye Achaluki
place|Сунжа|ingushetia|Sunzha;Слепцовская;Слепцовск;Орджоникидзевская;Sleptsovskaya;Sleptsovsk  # ambiguous: also a village in Prigorodny district (North Ossetia) and the river Sunzha
place|Сурхахи|ingushetia|Surkhakhi
place|Таргим|ingushetia|Targim
place|Троицкая|ingushetia|Troitskaya  # ambiguous: also a stanitsa in Krasnodar Krai and a common street and church name
place|Экажево|ingushetia|Ekazhevo
place|Яндаре|ingushetia|Yandare

# Dagestan
place|Агвали|dagestan|Agvali
place|Акуша|dagestan|Akusha
place|Ансалта|dagestan|Ansalta
place|Ахты|dagestan|Akhty
place|Бабаюрт|dagestan|Babayurt
place|Ботлих|dagestan|Botlikh
place|Буйнакск|dagestan|Buynaksk;Темир-Хан-Шура;Temir-Khan-Shura
place|Гергебиль|dagestan|Gergebil
place|Гимры|dagestan|Gimry
place|Губден|dagestan|Gubden
place|Гуниб|dagestan|Gunib
place|Дагестанские Огни|dagestan|Dagestanskiye Ogni
place|Дербент|dagestan|Derbent
place|Дылым|dagestan|Dylym
place|Избербаш|dagestan|Izberbash
place|Ирганай|dagestan|Irganay
place|Кадар|dagestan|Kadar
place|Карабудахкент|dagestan|Karabudakhkent
place|Карамахи|dagestan|Karamakhi
place|Карланюрт|dagestan|Karlanyurt
place|Каспийск|dagestan|Kaspiysk
place|Касумкент|dagestan|Kasumkent
place|Кафыр-Кумух|dagestan|Kafyr-Kumukh
place|Кизилюрт|dagestan|Kizilyurt
place|Кизляр|dagestan|Kizlyar  # ambiguous: also a village in Mozdok district, North Ossetia
place|Костек|dagestan|Kostek
place|Кочубей|dagestan|Kochubey  # ambiguous: also a surname
place|Кумух|dagestan|Kumukh
place|Леваши|dagestan|Levashi
place|Ленинаул|dagestan|Leninaul
place|Магарамкент|dagestan|Magaramkent
place|Маджалис|dagestan|Madzhalis
place|Махачкала|dagestan|Makhachkala;Петровск-Порт;Petrovsk-Port
place|Новокаякент|dagestan|Novokayakent
place|Новолакское|dagestan|Novolakskoye
place|Рутул|dagestan|Rutul
place|Сергокала|dagestan|Sergokala
place|Султан-Янгиюрт|dagestan|Sultan-Yangiyurt
place|Тандо|dagestan|Tando
place|Тарумовка|dagestan|Tarumovka
place|Терекли-Мектеб|dagestan|Terekli-Mekteb
place|Унцукуль|dagestan|Untsukul
place|Уркарах|dagestan|Urkarakh
place|Хасавюрт|dagestan|Khasavyurt
place|Хунзах|dagestan|Khunzakh
place|Чабанмахи|dagestan|Chabanmakhi
place|Чиркей|dagestan|Chirkey
place|Шамилькала|dagestan|Shamilkala
place|Эндирей|dagestan|Endirey
place|Южно-Сухокумск|dagestan|Yuzhno-Sukhokumsk

# Kabardino-Balkaria
place|Анзорей|kabardino-balkaria|Anzorey
place|Аргудан|kabardino-balkaria|Argudan
place|Баксан|kabardino-balkaria|Baksan  # ambiguous: also the river Baksan
place|Былым|kabardino-balkaria|Bylym
place|Залукокоаже|kabardino-balkaria|Zalukokoazhe
place|Заюково|kabardino-balkaria|Zayukovo
place|Исламей|kabardino-balkaria|Islamey
place|Кашхатау|kabardino-balkaria|Kashkhatau
place|Кенже|kabardino-balkaria|Kenzhe
place|Майский|kabardino-balkaria|Mayskiy  # ambiguous: also the adjective "May" and settlements in many Russian regions
place|Нальчик|kabardino-balkaria|Nalchik
place|Нарткала|kabardino-balkaria|Nartkala;Докшукино;Dokshukino
place|Нижний Куркужин|kabardino-balkaria|Nizhny Kurkuzhin
place|Прохладный|kabardino-balkaria|Prokhladny  # ambiguous: also the adjective "cool"
place|Сармаково|kabardino-balkaria|Sarmakovo
place|Терек|kabardino-balkaria|Terek  # ambiguous: also the river Terek (Chechnya, North Ossetia, Dagestan)
place|Терскол|kabardino-balkaria|Terskol
place|Тырныауз|kabardino-balkaria|Tyrnyauz
place|Хабаз|kabardino-balkaria|Khabaz
place|Хасанья|kabardino-balkaria|Khasanya
place|Чегем|kabardino-balkaria|Chegem  # ambiguous: also the river and gorge Chegem
place|Шалушка|kabardino-balkaria|Shalushka

# North Ossetia
place|Алагир|north-ossetia|Alagir
place|Ардон|north-ossetia|Ardon  # ambiguous: also the river Ardon
place|Беслан|north-ossetia|Beslan  # ambiguous: also a common given name
place|Владикавказ|north-ossetia|Vladikavkaz;Орджоникидзе;Ordzhonikidze;Дзауджикау;Dzaudzhikau  # ambiguous: Орджоникидзе is also a surname
place|Гизель|north-ossetia|Gizel
place|Даргавс|north-ossetia|Dargavs
place|Дигора|north-ossetia|Digora
place|Камбилеевское|north-ossetia|Kambileyevskoye
place|Кармадон|north-ossetia|Karmadon
place|Мизур|north-ossetia|Mizur
place|Моздок|north-ossetia|Mozdok
place|Ногир|north-ossetia|Nogir
place|Павлодольская|north-ossetia|Pavlodolskaya
place|Садон|north-ossetia|Sadon
place|Тарское|north-ossetia|Tarskoye
place|Фиагдон|north-ossetia|Fiagdon
place|Хумалаг|north-ossetia|Khumalag
place|Чермен|north-ossetia|Chermen  # ambiguous: also an Ossetian given name
place|Чикола|north-ossetia|Chikola
place|Эльхотово|north-ossetia|Elkhotovo

# Karachay-Cherkessia
place|Адыге-Хабль|karachay-cherkessia|Adyge-Khabl
place|Архыз|karachay-cherkessia|Arkhyz
place|Домбай|karachay-cherkessia|Dombay
place|Зеленчукская|karachay-cherkessia|Zelenchukskaya
place|Инжич-Чукун|karachay-cherkessia|Inzhich-Chukun
place|Карачаевск|karachay-cherkessia|Karachayevsk;Микоян-Шахар;Mikoyan-Shakhar;Клухори;Klukhori
place|Кардоникская|karachay-cherkessia|Kardonikskaya
place|Теберда|karachay-cherkessia|Teberda  # ambiguous: also the river Teberda
place|Усть-Джегута|karachay-cherkessia|Ust-Dzheguta
place|Учкекен|karachay-cherkessia|Uchkeken
place|Учкулан|karachay-cherkessia|Uchkulan
place|Хабез|karachay-cherkessia|Khabez
place|Хурзук|karachay-cherkessia|Khurzuk
place|Черкесск|karachay-cherkessia|Cherkessk;Баталпашинск;Batalpashinsk
place|Эркен-Шахар|karachay-cherkessia|Erken-Shakhar

# Adygea
place|Адыгейск|adygea|Adygeysk
place|Гиагинская|adygea|Giaginskaya
place|Кошехабль|adygea|Koshekhabl
place|Майкоп|adygea|Maykop
place|Тахтамукай|adygea|Takhtamukay
place|Хакуринохабль|adygea|Khakurinokhabl
place|Энем|adygea|Enem
place|Яблоновский|adygea|Yablonovsky

# Stavropol Krai
place|Ачикулак|stavropol|Achikulak
place|Будённовск|stavropol|Budyonnovsk;Прикумск;Prikumsk
place|Георгиевск|stavropol|Georgiyevsk
place|Ессентуки|stavropol|Yessentuki
place|Железноводск|stavropol|Zheleznovodsk
place|Зеленокумск|stavropol|Zelenokumsk
place|Иноземцево|stavropol|Inozemtsevo
place|Кисловодск|stavropol|Kislovodsk
place|Кочубеевское|stavropol|Kochubeyevskoye
place|Минеральные Воды|stavropol|Mineralnye Vody;Mineralnyye Vody;Минводы;Minvody  # ambiguous: also the phrase "mineral waters"
place|Михайловск|stavropol|Mikhaylovsk  # ambiguous: also a town in Sverdlovsk Oblast
place|Невинномысск|stavropol|Nevinnomyssk
place|Нефтекумск|stavropol|Neftekumsk
place|Новопавловск|stavropol|Novopavlovsk
place|Пятигорск|stavropol|Pyatigorsk
place|Ставрополь|stavropol|Stavropol;Ворошиловск;Voroshilovsk

# Krasnodar Krai
place|Адлер|krasnodar|Adler  # ambiguous: also a surname
place|Анапа|krasnodar|Anapa
place|Армавир|krasnodar|Armavir  # ambiguous: also a city in Armenia
place|Белореченск|krasnodar|Belorechensk
place|Геленджик|krasnodar|Gelendzhik
place|Ейск|krasnodar|Yeysk
place|Краснодар|krasnodar|Krasnodar;Екатеринодар;Yekaterinodar
place|Новороссийск|krasnodar|Novorossiysk
place|Сочи|krasnodar|Sochi
place|Туапсе|krasnodar|Tuapse
place|Хадыженск|krasnodar|Khadyzhensk

# Rostov Oblast
place|Батайск|rostov|Bataysk
place|Волгодонск|rostov|Volgodonsk
place|Каменск-Шахтинский|rostov|Kamensk-Shakhtinsky
place|Новочеркасск|rostov|Novocherkassk
place|Ростов-на-Дону|rostov|Rostov-on-Don;Rostov-na-Donu;Ростов;Rostov  # ambiguous: Ростов alone is also Rostov Veliky (Yaroslavl Oblast)
place|Сальск|rostov|Salsk
place|Таганрог|rostov|Taganrog

# Moscow
place|Зеленоград|moscow|Zelenograd
place|Москва|moscow|Moscow;Moskva;Moskau;Moscou

# Moscow Oblast
place|Балашиха|moscow-oblast|Balashikha
place|Домодедово|moscow-oblast|Domodedovo
place|Люберцы|moscow-oblast|Lyubertsy
place|Мытищи|moscow-oblast|Mytishchi
place|Одинцово|moscow-oblast|Odintsovo
place|Подольск|moscow-oblast|Podolsk
place|Химки|moscow-oblast|Khimki

# Saint Petersburg
place|Кронштадт|saint-petersburg|Kronstadt
place|Санкт-Петербург|saint-petersburg|Saint Petersburg;St. Petersburg;Sankt-Peterburg;Петербург;Ленинград;Leningrad;Питер  # ambiguous: Питер is also the Russian spelling of the name Peter

# Georgia
place|Ахмета|georgia|Akhmeta
place|Батуми|georgia|Batumi;Батум
place|Биркиани|georgia|Birkiani
place|Джоколо|georgia|Jokolo;Dzhokolo
place|Дуиси|georgia|Duisi
place|Кутаиси|georgia|Kutaisi
place|Омало|georgia|Omalo  # ambiguous: also Omalo in Tusheti (Georgia as well)
place|Панкиси|georgia|Pankisi
place|Рустави|georgia|Rustavi
place|Степанцминда|georgia|Stepantsminda;Казбеги;Kazbegi
place|Тбилиси|georgia|Tbilisi;Тифлис;Tiflis
place|Телави|georgia|Telavi
place|Халацани|georgia|Khalatsani

# Azerbaijan
place|Баку|azerbaijan|Baku;Bakı
place|Белоканы|azerbaijan|Belokany;Balakən
place|Гянджа|azerbaijan|Ganja;Gəncə;Кировабад;Kirovabad
place|Закаталы|azerbaijan|Zakataly;Zaqatala
place|Сумгаит|azerbaijan|Sumgait;Sumqayıt
place|Шеки|azerbaijan|Sheki;Şəki;Нуха;Nukha

# Turkey
place|Адапазары|turkey|Adapazarı;Сакарья;Sakarya
place|Анкара|turkey|Ankara
place|Антакья|turkey|Antakya;Хатай;Hatay
place|Анталья|turkey|Antalya;Анталия
place|Бурса|turkey|Bursa
place|Газиантеп|turkey|Gaziantep;Антеп;Antep
place|Дюздже|turkey|Düzce
place|Измир|turkey|İzmir
place|Измит|turkey|İzmit;Коджаэли;Kocaeli
place|Кайсери|turkey|Kayseri
place|Рейханлы|turkey|Reyhanlı
place|Стамбул|turkey|İstanbul;Stambul
place|Шанлыурфа|turkey|Şanlıurfa;Урфа;Urfa
place|Ялова|turkey|Yalova

# Syria
place|Алеппо|syria|Aleppo;Халеб;Halab
place|Аль-Хол|syria|Эль-Хол;Al-Hol;Al-Hawl
place|Багуз|syria|Baghuz;Аль-Багуз
place|Дамаск|syria|Damascus;Dimashq
place|Дейр-эз-Зор|syria|Deir ez-Zor;Дейр-эз-Зур
place|Идлиб|syria|Idlib
place|Кобани|syria|Kobani;Айн-эль-Араб;Ayn al-Arab
place|Латакия|syria|Latakia
place|Манбидж|syria|Manbij
place|Ракка|syria|Raqqa;Rakka;Эр-Ракка;ar-Raqqa
place|Табка|syria|Tabqa;Ат-Табка
place|Хомс|syria|Homs
place|Эль-Хасака|syria|Хасака;Al-Hasakah;Hasakah

# Iraq
place|Багдад|iraq|Baghdad
place|Киркук|iraq|Kirkuk
place|Мосул|iraq|Mosul
place|Сулеймания|iraq|Sulaymaniyah
place|Телль-Афар|iraq|Тель-Афар;Tal Afar
place|Тикрит|iraq|Tikrit
place|Фаллуджа|iraq|Fallujah
place|Эрбиль|iraq|Erbil;Irbil;Arbil

# Ukraine
place|Днепр|ukraine|Dnipro;Днепропетровск;Dnipropetrovsk  # ambiguous: also the river Dnieper
place|Запорожье|ukraine|Zaporizhzhia;Zaporozhye
place|Киев|ukraine|Kyiv;Kiev;Київ
place|Львов|ukraine|Lviv;Lvov;Львів
place|Одесса|ukraine|Odesa;Odessa
place|Харьков|ukraine|Kharkiv;Kharkov;Харків

# Kazakhstan
place|Актобе|kazakhstan|Aktobe;Актюбинск;Aktyubinsk
place|Алматы|kazakhstan|Almaty;Алма-Ата;Alma-Ata
place|Астана|kazakhstan|Astana;Нур-Султан;Nur-Sultan;Целиноград;Акмола
place|Караганда|kazakhstan|Karaganda;Qaraghandy
place|Павлодар|kazakhstan|Pavlodar
place|Семей|kazakhstan|Semey;Семипалатинск;Semipalatinsk
place|Шымкент|kazakhstan|Shymkent;Чимкент;Chimkent

# Germany
place|Берлин|germany|Berlin
place|Гамбург|germany|Hamburg
place|Дюссельдорф|germany|Düsseldorf
place|Кёльн|germany|Köln;Cologne
place|Мюнхен|germany|München;Munich
place|Франкфурт-на-Майне|germany|Frankfurt am Main;Франкфурт;Frankfurt  # ambiguous: Франкфурт alone is also Frankfurt (Oder), Germany as well
place|Штутгарт|germany|Stuttgart

# France
place|Ле-Ман|france|Le Mans
place|Марсель|france|Marseille  # ambiguous: also the given name Марсель
place|Мюлуз|france|Mulhouse
place|Нант|france|Nantes
place|Ницца|france|Nizza  # "Nice" left out on purpose: it is an English word
place|Париж|france|Paris
place|Страсбург|france|Strasbourg
place|Тулуза|france|Toulouse

# Austria
place|Вена|austria|Vienna;Wien  # ambiguous: also the Russian word for vein
place|Грац|austria|Graz
place|Зальцбург|austria|Salzburg
place|Линц|austria|Linz
place|Трайскирхен|austria|Traiskirchen

# Belgium
place|Антверпен|belgium|Antwerpen;Antwerp
place|Брюссель|belgium|Brussels;Bruxelles;Brussel
place|Вервье|belgium|Verviers
place|Гент|belgium|Gent;Ghent
place|Льеж|belgium|Liège

# Poland
place|Белосток|poland|Białystok;Bialystok
place|Бяла-Подляска|poland|Biała Podlaska;Biala Podlaska
place|Варшава|poland|Warszawa;Warsaw
place|Краков|poland|Kraków
place|Лодзь|poland|Łódź;Lodz
place|Люблин|poland|Lublin
place|Тересполь|poland|Terespol

# Egypt
place|Александрия|egypt|Alexandria  # ambiguous: also Oleksandriia (Александрия) in Ukraine
place|Каир|egypt|Cairo
place|Хургада|egypt|Hurghada
place|Шарм-эш-Шейх|egypt|Шарм-эль-Шейх;Sharm el-Sheikh
"""#
}
