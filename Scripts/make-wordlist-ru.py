#!/usr/bin/env python3
"""Build Amanat's Russian codename word list: exactly 4096 common, gentle Russian words.

A mother who testifies anonymously is handed a codename of 8 random words from
this list (12 bits a word, 96 bits), writes it down and types it later to read
the lawyers' replies.  So every word must be a plain, familiar Russian word, easy
to read aloud and to write by hand, and gentle: nothing about death, war,
violence, captivity, police, illness, loss, religion, politics, ethnicity or
family, nothing crude.  The first four letters of a word are enough to type it.

Sources, all Debian packages (the script stops and says what to install):
  hunspell-ru  /usr/share/hunspell/ru_RU.{dic,aff}  the words and their affix flags: the
               flags tell nouns from verbs and adjectives, and the suffix rules give every
               inflected form of a word (to count it in the corpus)
  fortunes-ru  /usr/share/games/fortunes/ru/*         Russian aphorisms, quotations and jokes,
               about 217,000 lower-case words: the frequency signal
  mythes-ru    /usr/share/mythes/th_ru_RU_v2.dat      the LibreOffice thesaurus: a word it lists
               is a familiar word (second signal)
hunspell-ru and mythes-ru are built from the same source package (libreoffice-dictionaries).
Rule 5 also reads the English list, Sources/AmanatVault/Resources/codename-words-en.txt.

Hunspell has no frequency data.  The proxies that need only a dictionary were
measured and are too weak (numbers in Scripts/README.md): aspell-ru is the same
dictionary (99.8 % of its entries are in hunspell-ru), and "many entries start with
the word's stem" ranks перо, поле, пола, высь and просо first.  So the script counts
how often each word occurs in fortunes-ru, in any inflected form, and uses the
thesaurus for the words the small corpus does not have.

Rules, in order (the summary prints the count after each):
  1. plain words: lower-case Cyrillic only (a capital means a proper name or an
     abbreviation; no hyphen, digit or Latin letter); ё is written е; length 4..8;
  2. dictionary forms, by the affix flags: a noun has a noun flag (E F G H I J K N O)
     and no entry of the same spelling has a verb flag (B D L M P Q R T U V W Y) or an
     adjective flag (A S X Z); an adjective has an adjective flag and ends in -ый/-ий/-ой
     (not a participle: -вший, -ющий, -емый ...); a verb has a verb flag and is an
     infinitive (-ть, -ти, -чь, -ться ...).  Dropped: forms of another noun listed as
     entries (звезды, сёла, кожей, зайцы, львы), comparatives (чернее), possessive
     adjectives (волчий), adjectives used as nouns (-ая, -ое).  Nouns are split into
     nouns (in the nominative singular), plural-only nouns (сани, брюки) and abstract
     or verbal nouns (-ность, -ство, -ние, -тие, -изм, -ация ...; -ость and -есть only
     from 7 letters: гость, кость, шесть are not abstract);
  3. not odd: ODD lists dictionary oddities (pronoun forms flagged as nouns: мной,
     моей), pronoun-like words (какой, который) and words a reader may not know or
     may misspell: archaic, church, dialect, slang, jargon;
  4. not blocked: an explicit, generous blocklist, read against the whole output:
     BLOCKED_STEMS is matched against the start of the word ("смерт" takes
     "смертник"), BLOCKED_ROOTS anywhere in it ("убий" takes "самоубийца"),
     BLOCKED_WORDS exactly ("мина" goes, "минута" stays), BLOCKED_KEYS against the
     first four letters, which is what the user types;
  5. not an English word in disguise: a word written only with Cyrillic letters that
     look like Latin ones (а в е к м н о р с т у х), read as Latin, must not be a word
     of the English list ("море" reads "mope"): a paranoid check, since a codename
     written by hand may be typed in the wrong alphabet;
  6. picked greedily in rank order:
     a. unique keys: a word's key is its first four letters with й written и and
        ъ written ь (ё is already е); no two keys are equal.  Every word has at least
        four letters, so no word is a prefix of another and four letters always name
        one word, whichever of е/ё, и/й, ь/ъ was written;
     b. no two 4-letter words differ only in the last letter (лиса, лист).  Longer
        words that differ only at the end share a key, so 6a already keeps them apart;
     c. no look-alikes: no two keys differ in exactly one position by a pair of
        letters confusable in handwriting (CONFUSABLE_PAIRS: и/ш, ш/щ, ц/щ, л/м, е/с,
        ь/ы, з/э, и/п, т/ш, г/ч), so one misread letter gives no word, not another;
  7. the first 4096 kept words in rank order, written sorted (code point order, which
     is alphabetical for а..я without ё).

Rank, most wanted first:
  - tier: seen in the corpus; else a noun the thesaurus lists; else any word the
    thesaurus has an entry for; else the rest;
  - corpus frequency in powers of two (1, 2-3, 4-7, ...), counted as 2 times lower
    for plural-only and abstract nouns and 4 times lower for adjectives and verbs
    (DEMOTION: nouns in the nominative singular are preferred);
  - a thesaurus headword; a noun with a plural (стол, not азот: countable things);
    more dictionary entries that start with the word's stem (кедр: кедровый,
    кедровник); shorter;
  - finally a fixed SHA-256 order of the word (UTF-8), never chance, so the output is
    deterministic and no part of the alphabet is favoured.

Usage:  python3 Scripts/make-wordlist-ru.py [--output PATH] [--show-blocked] [--show-ranked N]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import hashlib
import math
import os
import re
import subprocess
import sys

TARGET = 4096
MIN_LEN, MAX_LEN = 4, 8
DIC = "/usr/share/hunspell/ru_RU.dic"
AFF = "/usr/share/hunspell/ru_RU.aff"
THESAURUS = "/usr/share/mythes/th_ru_RU_v2.dat"
FORTUNES_DIR = "/usr/share/games/fortunes/ru"
PACKAGES = ("hunspell-ru", "fortunes-ru", "mythes-ru")
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(
    REPO_ROOT, "Sources", "AmanatVault", "Resources", "codename-words-ru.txt"
)
ENGLISH_LIST = os.path.join(
    REPO_ROOT, "Sources", "AmanatVault", "Resources", "codename-words-en.txt"
)

# Affix flags of ru_RU.aff (read from its SFX rules: H/I decline like "река",
# J/K like "стол"/"окно", F/N like "ночь", O/E/G hold irregular and mixed
# patterns; the verb flags give "-ешь", "-ет", "-л"; A/S/X/Z give "-ого",
# "-ому" and short forms).
NOUN_FLAGS = set("EFGHIJKNO")
PLURAL_FLAGS = set("EGIKNO")  # noun flags whose rules include plural endings
VERB_FLAGS = set("BDLMPQRTUVWY")
ADJ_FLAGS = set("ASXZ")

# ---------------------------------------------------------------------------
# Rule 2: dictionary forms and their classes.
# ---------------------------------------------------------------------------

# Abstract and verbal nouns (радость, чтение): harder to picture than things,
# so they rank lower.  "-ость"/"-есть" only from 7 letters on: гость, кость,
# трость, шесть are not abstract.
ABSTRACT_ENDINGS = ("ность", "ство", "ние", "тие", "изм", "ация", "яция", "енция")

# Endings of a plural or an oblique case (rule 2: "звезды", "кожей").
PLURAL_OR_OBLIQUE = ("ы", "и", "а", "я", "ей", "ой", "ою", "ею", "ью", "ом", "ем",
                     "ам", "ям", "ах", "ях")

# Participles look like adjectives in the dictionary (читавший, несущий).
PARTICIPLE_ENDINGS = ("вший", "дший", "гший", "кший", "ущий", "ющий", "ащий", "ящий",
                      "емый", "имый", "омый")

# Lower rank for the less wanted classes: a word counts as if it were 2**n
# times rarer.  Nouns in the nominative singular are preferred.
DEMOTION = {"noun": 0, "plural": 1, "abstract": 1, "adjective": 2, "verb": 2}

# ---------------------------------------------------------------------------
# Rule 3: dictionary oddities (pronoun forms flagged as nouns: "мной", "моей";
# rare senses: "миро", "быль"), pronoun-like words that name nothing ("какой",
# "который"), and words a reader may not know or may misspell: archaic, church,
# dialect, slang, jargon.  Read from the output, like the blocklist.
ODD = set("""
    мной своей моей твоей чьей деньга миро быль оный любый прячь некий иной
    какой такой который весь всякий каждый никакой многий немногий прочий
    самый немалый здешний нынешний данный
    авгур адонис аквилон аматер анафора анахорет ареопаг аршин ахеец аханье
    алтынник алчба бахтарма баханье баул бивак бивуак бонтон бонвиван буцефал
    бряканье звяканье баюканье чавканье чмоканье фырканье хлюпанье оханье
    вервие влачить вотчина гемма голик голяк дина драгоман драхма дранка
    ектенья жуир заушница зерцало зеница змий кафизма келейник книксен кобзарь
    лабаз маклак мездра мурава мутовка начетчик одонье опояска очинка пиит
    пиастр пентаэдр пошиб пращур пясть ромбоид риза рига селадон сколок стезя
    талер тамга тать тачать толмач утирка фиксаж фофан фармазон хабар
    хавронья хаживать цокотуха чумичка шатия шпажник юница эпистола эскапада
    ямина урочище шмат тавро торжище треба сень десница длань воркотня
    аэронавт китаист вивер взгорок выплавок выездить двучлен данаец баталист
    кавун жнея жница вилок лажа глюк админ коннект фотка фигня софт трафик
    онлайн оффлайн юзер хедер ситце телик шизик сквид кенар цевка медея
    аорта ионол аллил борид борат дунит эолит пирит аплит холин циста сорус
    триер титло дрога ареал рында ситар сонар бакен ляпис агнец инвар опока
    басма бювар рампа цехин юнкер солка относ триас шатун галун гарус
    ванта рапид выпот батик садок онуча чалка рачок яхонт ботва руина
    лобзик лузга лыко мямля нюня пичуга птаха псарь садок сбавка сбагрить
    сипай сиверко стежка сучка суглинок тамбур тать тачать тетерев
    тычина тюфяк узилище утлый ухнуть ушица хайло хлябь хорист цербер
    чекушка чинуша шкет шалопут шушера юдоль ябеда ямщик ящер
    пароль логин
    ажитация алкать бакс балдеть батог бахвал бобыль бодяга брех брыкание
    бурчание бычатина вага ватерпас вероятие вещун висюлька вретище вдевание
    вбивание верчение гаер гарсон гешефт глия дикторша дифтонг диатриба
    жгучесть заушение злато злоречие кила китаевед кожник кутюр монада морф
    натр недолив незлобие неимение мамзель нянченье обеление овевание
    одоление отупение прение радение реяние рыкание свивание сдувание
    слипание сличение смыкание утирание урезание сращение сродство уханье
    ухарство тщание уймища филистер халявный шандал шлях яство ячея слега
    смарагд хота ферт флер шора теза фазис падуб рундук самум синекура
    синолог сиплость смоква софист сума таковой троякий удильщик уезд хладный
    целковый чаяние чета чреватый чреда шлея пигалица питие пущенный отрок
    бытность карболка бусурман квашение лягание байбак диез бузотер буза
    испивать кутерьма сибарит
    абаз амия арча аура ацетил бутил берилл аммоний висмут германий гликоль
    порей октан олифа оксид окись биота буна бурун вгиб взвизг высвист высев
    гага гамба глосса гофр жига ильм квинта купля набавка начес нейтрал
    нивелир откуп отсев очес бахвалка бобылка бона боярышня вежа вика вона
    вылаз выпь гинея глей дебай дерма диоптр драга дрань друза духан енол
    заброс зачес златой золь зубодер инфант карбон кваканье керн кибер кода
    кока комма копра краля крин кука кутенок кюрий линк литера луда младость
    мобила мюон набла наворот нагул нанка нашест нона нудь обдир обкат одурь
    отжиг пава пажить пампа панна патла паша пермь пирен плаун плис подгиб
    полба попона порфир посвист претор пучить рапа рафия рута сажень сапа
    сард сгон сизиф слобода сурьма сусло тавр таллий твин теллур терн тетеря
    тетрада теша титр тога токай трипс трояк тунг тюря урез утиль фасция
    фертик фикс фиск фита фифа фриз фукс хина хитин хрущ цаца чаровать
    швартов шейк шихта шкода шпат шпунт штифт шуан шуга эмпирия этил экскурс
    батожье апологет
    тютя яйцеклад фолликул ганглий везикула гамета аддукт алкил амил анион
    ахромат амфибол акмеист адъюнкт апология аппрет блюм брудер брыкун букля
    выкормок гаусс гелертер глобула грюндер гульбище дупель децима изомер
    ильмень инфанта киновед кокцида кубист литер мезон монотип муфель
    мифолог онколь олигомер пептид пикуль пупырь радетель рачитель ремнец
    репер ригорист розваль свиль скип схоласт терция фений фасет фрондер
    шлиц шпона этимолог юнкерс эспада чаевод чаровник сульфид флюид феррит
    натек плюмаж алтын сантим сеньор синьор донна энзим леер англоман
    амин ангидрид анаэроб карбонат сульфат кибуц донкихот диоптрия грейдер
    репетир нард унион кошма литавра виктория абак собес гламур всхрап
    амид рифт румб шток диен кокк чуня форд жбан жупел неуд бедокур
    ушкуй триод эпюра шнек шпур пуант отточие фанфарон апрош аттик битюг
    бозон зипун кобза сарыч фидер фонон фуляр чебот шибер штрек усище
    апорт видик десть донка кегль лемма нория офсет пиния тапер цанга юнкор
    йодид мирра офшор цапфа цацка юнион русист форзац писулька битл оголец
    афелий цеолит аралия ксилол мануал нитрат паупер плевел элерон шеврон
    диафон нитрил тензор кокиль оффшор тахина адрон алкан кетон мегом наяда
    зенкер ванька креатура лесхоз мирт халдей тархан аффикс геттер диполь
    изотоп карбид кубарь псарня ситник чинара николь нуклон герольд миолог
    флавон ацетат бекеша дульце тимпан отруб
""".split())

# ---------------------------------------------------------------------------
# Rule 4: the blocklist.  Generous on purpose: this list is read by families
# of the disappeared.  A false positive costs nothing (there are about twice
# as many candidates as needed).  Words are written with е for ё.  Every word
# of the output was read, and what hurt, shamed or frightened was added here.
# ---------------------------------------------------------------------------

# Matched against the start of the word.
BLOCKED_STEMS = tuple("""
    смерт мертв мерт умер умир покойн усопш ушедш гибел гибн погиб гроб могил
    похорон кладбищ поминк помин траур скорб некролог саван склеп кремац прах
    пепел труп останк скелет череп призрак привиден загроб панихид эпитаф
    элеги мумия мумиф эшафот плаха виселиц петля гильотин палач
    агони бренн неживой падш сгину саркофаг туша цикут усыпит уцеле
    убий убив убит убиен казн расстрел пытк пыточ истяза насил изнасил избие
    избит побои побить драк драчун драться удар ранен ранит рана увеч калек
    инвалид шрам синяк ссадин ожог кровь кровав кровоп кровот кровоизл
    резня резать зарезать рубить душить задушить удуш утоп утонуть тонуть
    топить сжечь сжига сожже сгоре сгнив сгуб погуб уморить сдох подох
    лупить колотить пнуть пинок лягать пощечин оплеух взбучк бить
    избива вскрыт выколот высечь сечь выдрат втопта забит замуч давить давк
    дебош задрат порк розг хлеста плюх побит подбит обух сдира геноцид
    людоед каннибал киллер мазохист агрессор гонител изувер злоде супостат
    враг вражд недруг погром резани рухнут рушит
    расправ побива забива абордаж гарпун выкормыш отродье
    вонза воткнут нацел ушиб влепит доконат изжит
    гангстер басмач вывих путы
    пощад щад сразит содрат сгора оскал угар ядовит эскорт приступ проучит
    мамба бердыш маузер прапор шомпол есаул доспех дубье добыч доблест
    герой героиз гнет янычар турел корнет драгун каптер
    бахат бахнут битый бита эфес бичева жертв выкидыш вырват
    губител забияк огнемет праща таран распят карбин кираса порез ланцет
    войн воен воин вояк воев солдат армия армей армеец офицер генерал полковн
    майор капитан сержант лейтенант ефрейтор прапорщ рядовой боец бойц бойн
    боев битв сражен схватк атак штурм обстрел взрыв бомб мина минный
    миномет снаряд гранат ракет пуля пулев патрон оружи ружье ружья винтовк
    автомат пистолет пулемет кинжал нож сабл шашк шпаг копье стрел выстрел
    лучник колчан щит шлем танк танкист пушк пушеч орудие окоп блиндаж фронт
    пленн заложн террор боевик бандит банд мятеж восстан бунт бунтар
    революц партиз диверс спецназ зачистк фильтр блокпост шлагбаум кордон
    комендант комендатур федерал силовик штык приклад затвор курок кобур каск
    наручн дубин конвой караул часов охран страж дозор засад ловушк капкан
    броня бронеж бронетр мишень прицел снайпер сапер торпед крейсер линкор
    фрегат лафет легион рать рота взвод отряд полк пехот кавалер улан
    кирасир гвард медал орден мундир погон кокард трофей оккупант набег
    наймит мародер дезертир ветеран поедин дуэл самурай витязь рыцар
    атаман ядерн атомн шрапнел форпост фаланг тылов оборон
    батальон гусар кадет гренадер денщик жандарм рекрут ратник воител
    эскадрон штаб шинел амуниц арсенал залп калибр динамит дуло дробь
    дротик забрал вылазк захват изловит осколок целит стычк стяг орда
    соратник эмиссар силок рогатк набат
    баталия сеча бункер эскадр уран циан морфий
    адмирал батаре десант солдафон мичман мутаген адъютант
    цепь цепоч клетк решетк подвал яма погреб карцер ошейник кандал оков
    плеть кнут хлыст ярмо раб рабын рабств батрак холоп челяд
    тюрьм тюрем заключ арест задерж допрос следств следовател прокурор
    приговор срок колони лагер зона этап камер надзир надзор полици полицей
    милиц мент полицай гаишник урядник операц оперуп дознан обыск досмотр
    облав розыск сыщик сыск ищейк филер шпион доносчик донос пропаж исчез
    пропа похищ похитит угна угон выкуп побег беглец беглянк бежен изгна
    изгон ссылк ссыльн депорт эвакуац судь судебн судим суди осуд осужд
    адвокат свидетел улик показан истец тяжб вердикт арбитр наказ кара
    отсидет узник отнят отнима увест увод увез увоз забрать забира схват
    искать ыскать поиск
    каторг кутузк отсидк узниц опек ордер обвин отбира лиша лишит лишен
    лишени одиночк скитал убежищ эмигрант сбежат беглый урка
    нары роба хаза феня шантаж саботаж запер
    сообщник фискал чекист патолог
    сосла ссыла божит
    сирен донор жнец курган
    аутопс алимент
    обком путч шовин шпик ризниц теист вожд границ прописк пропуск декрет
    булла гурия атеи кайзер княж шахин
    хунхуз
    потер теря утрат утер горе горест горьк печал грусть тоск скорб слез плач
    плак рыда стон вопл вопит вой выть завыть скулит крик крич страх ужас
    кошмар паник тревог пуга испуг боязн боят запуг беда бедств несчаст
    катастроф авари круш пожар пламя пепелищ дым гарь одиночеств разлук
    прощ сирот вдов мрак тьма бездн пустот мучен мука мучит страдан терза
    томлен томит отчаян уныни унылы хандр сплин тщет тужит кручин юдол
    невзгод незадач неудач неуспех неурожа немощ нужда угроз опасн риск
    смут ропот стыд срам позор укор упрек обид унижа униж руга ругн ссор
    склок скандал клевет сплетн ябед кляуз жалоб жалк жале жалост
    злой злоб злост злюк злюч злыд злит злейш гнев ярост ярый свиреп
    угрюм мрачн скверн гнусн подл пакост мерзост
    бедняжк убог пустой пуст пучин пекл трагеди трущоб жуть жутк зловещ
    мерзк козни крамол сговор сокрыт ревност рознь расплат реванш отмщен
    алчност корыст зависть апати безвол безуми дикост дурост засил
    бесчин порок порча порица опала огласк осмеян обижа угрожа угнета
    пугл ренегат рубищ скрежет вру враль враки невежд неуч неряха
    лентя тугодум тунеяд губошлеп зубоскал плебе шельм фури
    одинок бедняг беситься брехун рвач рева ревнив неверн недобр хрыч обвал
    беднот брехн невеж
    бесит дразн дурит дурет корч обзыва обозва обира осерча язв чахн чахл
    всхлип загул
    агресси адск алчн безум блуд божок брань веревк верзил винит глохн
    покида опасен ропт смятен сожале тупост усмир утешен хныка чужбин побед
    свеч пагуб покин утеш тупоум тушка бедолаг бранит вскрик окрик карга
    дикар надрез бранн гиена заика низост собак
    забвен заговор зачинщик клят клясть кукиш мясник нагл нелюд дрянь
    зенки надрыв неверие невинн нимф беднет плюн обнажа заорат заткнут
    уныва удруча ярит выгна устыд урват якша отсуд
    болезн больн болен боль боле недуг инфекц вирус микроб бактери бацилл
    эпидем чума холер тиф оспа туберк чахот диабет инсульт инфаркт лихорад
    грипп простуд кашл насморк опухол язва рак раков гангрен паралич обморок
    понос рвот тошн лекарств таблетк шприц укол инъекц хирург морг госпитал
    аптек врач клиник лазарет санитар носилк палата фельдшер лекар лечен
    лечит терапи пациент диагноз синдром рецидив склероз маразм невроз
    анеми атрофи абсцесс гематом геморро грыж кариес лейкеми лепр сифилис
    триппер цинг чесотк цианоз фистул судорог озноб ожирен икот испарин
    снадоб микстур касторк пилюл препарат рентген окулист эскулап
    глух слеп хром немой немота псих маньяк безуми бешен бред дурман гни
    гнил тухн вонь воня смрад тлен тлет
    вонищ вонюч болячк волдыр нарыв зараз клизм клоак клозет запор навоз
    опухани свищ фурункул целлюлит прыщ урин фекали исцел вена
    гумма коклюш корь отек трахея тромб цепень глист гнус клещ заража жгут
    ангина аскарид вакцин невропат ампул соскоб спазм медицин
    сгни зловон жирет усыпл
    бог божеств божь божб божк боже вера верующ веров верит повери молитв
    молит мечет церков церкв храм икон ислам аллах коран библи свят святын
    грех греш ангел дьявол чертов чертенок чертовщ бесов шайтан джинн
    пророк имам мулла священ батюшк монах монастыр крест намаз хадж паломн
    муфти шейх шариат мусульм христ апостол ладан алтар проповед миссионер
    сектант секта идол жрец демон сатан дервиш иерей иерарх иезуит инок
    келья ксендз кирха ковчег месса мирск миряни нимб обител обряд оракул
    пагод пасха пономар псалт раввин райск синагог синод смирен содом
    суевери херувим хоругв фарисе фимиам схимник теолог пифи геенн эдем
    завет заповед ересь еретик безбож безвер атеист акафист диакон дьячок
    викари кардинал католик игумен владык каяться раская ведьм колдун
    кикимор леший нечист окаян вампир вурдалак упыр исчади
    аполлон архангел волхв житие литурги лавра знамени небесн анафем дева
    амулет аскет неофит масон квакер омовени ритуал религ серафим сутра
    тартар терни упова хул юродств шабаш шаман чародей сглаз
    мессия патриарх потир ряса скит сура схима тотем уния юрод маца манна
    дьяк
    аббат брахман буддист гугенот кадил клерикал левит мытар теософ униат
    хасид халиф хиромант шиит мормон
    власт политик парти президент министр депутат правительств государ госдум
    режим диктат митинг протест оппозиц санкц референдум парламент царь
    цариц царев царит корол королев император импери колони наци патриот
    родин отечеств отчизн флаг гимн герб знамя выбор закон налог таможн
    фашист фюрер шовинист сионист расист расов нигилизм либерал радикал
    олигарх бюрократ фракци коалици петици хартия реформ сейм риксдаг синклит
    монарх престол скипетр тиран деспот кесар цезар фараон султан раджа
    князь княжн вельмож боярин барин сословие плебс буржу товарищ съезд
    агитатор анархи амнист губерни госзаказ идеолог идейн кандидат кампани
    альянс вассал варвар вандал господин лорд пакт пацифизм сенатор
    стачк рейхстаг патриций сановник фанатизм ватник
    аннекси комсомол нарком пикет сенат эсер фронда госпож
    гегемон гетман коммуна нэпман пацифист русофоб феодал феминист майдан
    колхоз
    чечен ингуш осетин авар даргин кумык лезгин кабард балкар карача
    черкес адыг ногай татар башкир калмык еврей жид иудей иуда юдофоб армян
    грузин азер турок турчан цыган негр хохол москал кацап русак русск
    славян украин белорус казах узбек таджик киргиз туркм чукч якут бурят
    немец немк француз англич американ китаец китаянк япон кореец кореянк
    араб арап курд мавр монгол поляк прусск римлян грек эллин индеец бедуин
    папуас пигме туземец троянец лилипут кагал одесск горец горцы кавказ
    азиат европеец народ племя раса тейп кровник месть мщен мстит вендетт
    джигит абрек шахид джихад ваххаб моджахед эмир амир
    абориген литовец иноземк одессит табор
    абхаз балт баск венд галл индус инка иноземец семит тевтон чуваш
    абазин алеут басурман бербер бушмен валлон гунн гуцул креол мегрел
    туземн скиф русин хакас уйгур ацтек кхмер вогул ненец вятич зулус ламут
    мулат румын сармат сван тунгус удмурт хорват эфиоп югослав фриц
    мать матерь матуш мама мамоч мамул мамаш мамк отец отчим папа папоч
    папаш сын сынок сыноч дочь доч брат братиш сестр муж мужа мужик жена
    женитьб женат жени ребен ребят дитя дети детк детств детсад детдом детиш
    малыш малютк младен мальч девоч девушк девчонк девиц девк парень пацан
    юнош юнец отпрыск чадо бабушк дедушк дед прадед внук внучк внучон
    семья семей родител родн родит родил роддом родств тетя тетк дядя дядьк
    дядюшк тятя свекр теща тест сноха свояк кузин кузен невестк зять жених
    невест свадьб сват свах кум кума пасынок падчериц мачех племянн супруг
    вдовец бабк бабул баба брак венчан замужн сужен
    детвор детск потомок тетеньк бабник брачн
    фата
    соска бабус
    задниц жопа попа попк грудь груд сиськ титьк член пенис вагин клитор
    матка сперм мошонк яичк пися писю пописа писсуар какать какашк моча
    мочев понос сопл слюн пердеж пукн сортир унитаз туалет лифчик бюстгальт
    бюст трус презерват секс эрот порн голый нагой нагот бордел шлюх
    проститут любовник любовниц измен развод аборт беремен зачат зародыш
    эмбрион родов родильн лобок сосок ягодиц ляжк ширинк седалищ пазух лоно
    туловищ брюх брюшк пузо бедро копчик челюст ребро печень кишк
    оргазм оргия оральн онанизм минет коитус петтинг трахать сношен эрекц
    импотент нудист одалиск сераль гарем гетер хахал ловелас альфонс донжуан
    женолюб гулен вибратор течк телк телочк
    бигами бесполый адюльтер альков интимн влечени фетишизм евнух
    сутенер сожител кальсон пощупа толст тучн жирн
    интим фетиш чрево сися отсос дуля
    кобель
    двупол
    дурак дура идиот дебил кретин тупиц тупой тупет глуп урод козел свинья
    свин корова баран осел овц крыса змея змей гад гадин паразит червь вошь
    вши клоп таракан падаль стерв сука тварь мразь сволоч подонок негодя
    мерзав ублюд выродок гнида шакал ишак балбес балда болван брюзг быдло
    вахлак выскочк дармоед дурень дурочк дылд жадин жадюг жадн жлоб жмот
    жулик жулье ворюг зануд лизоблюд лодыр лгун лжец льстец мымр недоумок
    нахал наглост нытик нытье обжор олух орав остолоп орясин охальник
    прохвост раззяв рохл скряг скупец ханж хамк хамств хулиган хлыщ
    чурбан шваль шавк свора скотин кобыл кляч рыло рожа морда ряшк мурло
    харя хрен говно дерьм курва фигл тунеядец упрямец циник фанатик
    бестия гарпи ехидн аспид кобр анаконд удав псина скот хряк фига фигов
    мерин
    блев плева сплюн рыга харка сморка сосать лизать лизнуть вранье врать
    соврать наврать лгать солгать лганье лжив ложь обман лицемер
    водк пиво пивн вино винн спирт коньяк самогон сивух шнапс бурбон херес
    алкогол пьян похмел бодун рюмк рюмаш рюмоч кабак корчм кутеж кутил пить
    выпить испить опиться упиться спиться запить наркот наркоман героин
    гашиш опиум травк анаш косяк доза табак сигарет сигар цигарк никотин
    кальян курени курит казино отходняк димедрол вмазать
    бражк выпивк винцо попойк чарк шинок опий опьян дурь
    бражник табач
    абсент пропит пропойц алкаш
    хмель
    воришк воровк воровств кража краж красть украсть граб мафи преступ
    криминал взятк коррупц мошен афер долг штраф нищ бедност бедняк бедный
    голод бомж бездомн
    мзд мздоим хищени взлом
    землетряс наводнен потоп ураган смерч цунами лавин оползн камнепад тайфун
    фатал судьб рок фатум жребий участь
""".split())

# Matched anywhere in the word (roots that keep their sense behind a prefix).
BLOCKED_ROOTS = tuple("""
    смерт мертв убий убийц убить казн насил пытк пытат гроб могил похорон
    хорон кладбищ оруж бомб взрыв тюрьм арест пленн войн террор избит
    тонут душит стрел жрат мучит моч курит язв
    блят бляд пизд хуй хуе хуя ебат ебан ебл ебу муда пидор пидар
    ссак ссат срак сран залуп
""".split())

# Matched exactly (innocent words with the same start stay: "минута" survives "мина").
BLOCKED_WORDS = set("""
    дух душа душка душонка тело кость мощи плоть пост перс опер плен манда
    зад кал пах меч бес черт суд рай вор гной сука пропасть дохнуть отнять
    забить урна нерв мозг песец огни огонь огонек
    мерседес бардак
""".split())

# Crude or painful first four letters: the user types a word's first four letters.
BLOCKED_KEYS = set("""
    жопа сись член пизд блят бляд хуйн сука муда пидо срак ссак залу писю
    гной гнид гроб морг труп дерь говн
""".split())

# Letter pairs confusable in handwriting (Russian cursive): и and ш differ in one
# stroke, ш and щ in the tail, л and м in one hump, е and с in the loop.
CONFUSABLE_PAIRS = "и-ш ш-щ ц-щ л-м е-с ь-ы з-э и-п т-ш г-ч".split()

# Cyrillic letters that look like Latin ones (rule 5).
LATIN_LOOKALIKE = str.maketrans("авекмнорстух", "abekmhopctyx")


def die(msg: str) -> None:
    print(f"make-wordlist-ru: error: {msg}", file=sys.stderr)
    sys.exit(1)


def need(path: str, package: str) -> None:
    if not os.path.exists(path):
        die(
            f"{path} is missing: install the Debian package '{package}'.\n"
            f"    sudo apt-get update && sudo apt-get install -y {' '.join(PACKAGES)}"
        )


def package_versions() -> dict[str, str]:
    versions = {}
    for pkg in PACKAGES:
        try:
            out = subprocess.run(
                ["dpkg-query", "-W", "-f=${Version}", pkg],
                capture_output=True, text=True, check=False,
            )
            versions[pkg] = out.stdout.strip() if out.returncode == 0 else "unknown"
        except FileNotFoundError:
            versions[pkg] = "unknown (no dpkg-query)"
    return versions


def fold_yo(word: str) -> str:
    return word.replace("ё", "е")


def read_affixes() -> tuple[str, dict[str, list[tuple[str, str, re.Pattern]]]]:
    """The encoding (SET line) and the suffix rules of ru_RU.aff, by flag."""
    need(AFF, "hunspell-ru")
    with open(AFF, "rb") as f:
        raw = f.read()
    encoding = "utf-8"
    m = re.search(rb"^SET\s+(\S+)", raw, re.M)
    if m:
        encoding = m.group(1).decode("ascii").lower()
    rules: dict[str, list[tuple[str, str, re.Pattern]]] = collections.defaultdict(list)
    for line in raw.decode(encoding).splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "SFX":
            flag, strip, add, cond = parts[1:5]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add.split("/")[0]
            rules[flag].append((strip, add, re.compile("(?:" + cond + ")$")))
        elif len(parts) >= 2 and parts[0] == "PFX":
            die("ru_RU.aff has prefix rules; this script only expands suffixes")
    return encoding, rules


def read_dictionary(encoding: str) -> list[tuple[str, str]]:
    """(word, flags) for every entry of ru_RU.dic, in file order."""
    need(DIC, "hunspell-ru")
    with open(DIC, encoding=encoding) as f:
        lines = f.read().splitlines()
    entries = []
    for line in lines[1:]:
        line = line.strip()
        if line:
            word, _, flags = line.partition("/")
            entries.append((word, flags))
    return entries


def forms(word: str, flags: str, rules) -> set[str]:
    """The word and every form its suffix flags generate."""
    out = {word}
    for flag in flags:
        for strip, add, cond in rules.get(flag, ()):
            if word.endswith(strip) and cond.search(word):
                out.add(word[: len(word) - len(strip)] + add)
    return out


def read_corpus() -> tuple[collections.Counter, int]:
    """Counts of lower-case Cyrillic words in fortunes-ru (ё written е).

    Only the fortune files themselves are read (not the .dat indexes or the
    .u8 links to the same files).  Attribution lines ("-- Author") are skipped,
    and so is any word with a capital letter, so names and sentence starts do
    not count."""
    need(FORTUNES_DIR, "fortunes-ru")
    counts: collections.Counter = collections.Counter()
    files = 0
    for name in sorted(os.listdir(FORTUNES_DIR)):
        path = os.path.join(FORTUNES_DIR, name)
        if name.endswith(".dat") or os.path.islink(path) or not os.path.isfile(path):
            continue
        files += 1
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                if re.match(r"\s*(--|—|–)", line):
                    continue
                for token in re.findall(r"\w+", line):
                    if re.fullmatch(r"[а-яё]+", token):
                        counts[fold_yo(token)] += 1
    if not counts:
        die(f"no Russian text found in {FORTUNES_DIR}")
    return counts, files


def read_thesaurus() -> tuple[set[str], set[str]]:
    """The one-word headwords of the mythes-ru thesaurus, and every one-word
    headword or synonym in it (lower-case, ё written е)."""
    need(THESAURUS, "mythes-ru")
    heads: set[str] = set()
    words: set[str] = set()
    with open(THESAURUS, encoding="utf-8-sig") as f:
        next(f)  # the encoding line
        for line in f:
            fields = line.rstrip("\n").split("|")
            if line.startswith("("):
                fields = fields[1:]     # "(синоним)|word|word"
            else:
                fields = fields[:1]     # "headword|count"
            for w in fields:
                w = fold_yo(w.strip().lower())
                if re.fullmatch(r"[а-я]+", w):
                    words.add(w)
                    if not line.startswith("("):
                        heads.add(w)
    return heads, words


def family_sizes(entries, words) -> dict[str, int]:
    """For each word, how many other lower-case headwords of at most 6 more
    letters start with its stem (the word less a final vowel, ь or й, at
    least 3 letters): кедр has кедровый, кедровник, кедрач.  A weak sign of
    an everyday word, used only to break ties."""
    heads = sorted({fold_yo(w) for w, _ in entries if re.fullmatch(r"[а-яё]+", w)})
    sizes = {}
    for word in words:
        stem = word[:-1] if word[-1] in "аяоеьйиы" else word
        n = 0
        if len(stem) >= 3:
            i = bisect.bisect_left(heads, stem)
            while i < len(heads) and heads[i].startswith(stem):
                if heads[i] != word and len(heads[i]) <= len(stem) + 6:
                    n += 1
                i += 1
        sizes[word] = n
    return sizes


def lemma_frequencies(entries, rules, corpus) -> dict[str, int]:
    """How often each lower-case headword occurs in the corpus, in any of its
    forms.  A form that two different headwords share ("были": быть, быль;
    "мира": мир, миро) is counted for neither, so a rare word never borrows the
    frequency of a common one."""
    owner: dict[str, str] = {}
    shared: set[str] = set()
    for word, flags in entries:
        if not re.fullmatch(r"[а-яё]+", word):
            continue
        lemma = fold_yo(word)
        for form in forms(word, flags, rules):
            form = fold_yo(form)
            if form in corpus:
                prev = owner.setdefault(form, lemma)
                if prev != lemma:
                    shared.add(form)
    freq: collections.Counter = collections.Counter()
    for form, lemma in owner.items():
        if form not in shared:
            freq[lemma] += corpus[form]
    return freq


def classify(entries, rules) -> tuple[dict[str, str], set[str], dict[str, int]]:
    """Rules 1 and 2: {word: class} for the plain words that are dictionary
    forms of a noun, adjective or verb; the nouns that have a plural (their
    flags decline them in both numbers: стол, река, but not азот, нефть);
    and the counts."""
    counts: dict[str, int] = {}
    plain: dict[str, set[str]] = {}
    for word, flags in entries:
        if re.fullmatch(r"[а-яё]+", word) and MIN_LEN <= len(word) <= MAX_LEN:
            plain.setdefault(fold_yo(word), set()).update(flags)
    counts["plain"] = len(plain)

    def is_noun(flags: set[str]) -> bool:
        return bool(flags & NOUN_FLAGS) and not flags & (VERB_FLAGS | ADJ_FLAGS)

    # Forms of nouns that replace the noun's last letter: "звезды" (звезда),
    # "сёла" (село), "кожей" (кожа).  Some such forms are dictionary entries.
    headwords = {fold_yo(w) for w, _ in entries if re.fullmatch(r"[а-яё]+", w)}
    noun_forms: set[str] = set()
    all_noun_forms: set[str] = set()  # every form of a noun but its headword
    for word, flags in entries:
        if re.fullmatch(r"[а-яё]+", word) and is_noun(set(flags)):
            lemma = fold_yo(word)
            for form in forms(word, flags, rules):
                form = fold_yo(form)
                if form != lemma:
                    all_noun_forms.add(form)
                    if lemma[-1] in "аяоеьй" and form.startswith(lemma[:-1]):
                        noun_forms.add(form)

    classes: dict[str, str] = {}
    for word, flags in sorted(plain.items()):
        if is_noun(flags):
            only_o = (flags & NOUN_FLAGS) == {"O"}
            if word in noun_forms and word.endswith(PLURAL_OR_OBLIQUE):
                continue  # звезды, сёла: a form of another noun
            if re.search("[жчшщц](ей|ой)$", word) and word[:-2] + "а" in plain:
                continue  # кожей, мочой: a form the affix rules spell otherwise
            if only_o and word.endswith(("а", "я", "ий")):
                continue  # перья (irregular plural), волчий (possessive adjective)
            if word.endswith(("ее", "ый", "ая", "ое")):
                continue  # чернее (comparative), adjectives used as nouns
            if word.endswith(("ы", "и")):
                if word in all_noun_forms or fleeting_singular(word, headwords):
                    continue  # зайцы, львы, огни, пути: the plural of another noun
                classes[word] = "plural"      # сани, часы, брюки
            elif is_abstract(word):
                classes[word] = "abstract"    # радость, чтение
            else:
                classes[word] = "noun"
        elif flags & ADJ_FLAGS and not flags & (VERB_FLAGS | NOUN_FLAGS - {"E"}):
            if word.endswith(("ый", "ий", "ой")) and not word.endswith(PARTICIPLE_ENDINGS):
                classes[word] = "adjective"   # белый, тихий, родной (not читавший)
        elif flags & VERB_FLAGS and not flags & (ADJ_FLAGS | NOUN_FLAGS):
            if word.endswith(("ть", "ти", "чь", "ться", "тись", "чься")):
                classes[word] = "verb"        # читать, нести, беречь
    counts.update(collections.Counter(classes.values()))
    countable = {w for w in classes if plain[w] & PLURAL_FLAGS}
    return classes, countable, counts


def fleeting_singular(plural: str, words) -> bool:
    """Whether a plural in -ы/-и is listed apart from its singular because a
    vowel comes and goes (львы: лев, огни: огонь, зайцы: заяц) or ь does
    (пути: путь).  The dictionary lists such singulars without flags."""
    stem = plural[:-1]
    if len(stem) < 2 or stem.endswith("к"):
        return False  # санки, сутки: "санок", "суток" are listed too, as genitives
    cands = [stem[:-1] + v + stem[-1] + soft for v in "еоя" for soft in ("", "ь")]
    if stem[-2] == "й":
        cands.append(stem[:-2] + "я" + stem[-1])   # зайцы: заяц
    if plural.endswith("и"):
        cands.append(stem + "ь")                   # пути: путь
    return any(c in words for c in cands)


def is_abstract(word: str) -> bool:
    return word.endswith(ABSTRACT_ENDINGS) or (
        len(word) >= 7 and word.endswith(("ость", "есть"))
    )


def blocked(word: str) -> bool:
    return (
        word.startswith(BLOCKED_STEMS)
        or any(root in word for root in BLOCKED_ROOTS)
        or word in BLOCKED_WORDS
        or word[:4] in BLOCKED_KEYS
    )


def looks_english(word: str, english: set[str]) -> bool:
    if not re.fullmatch("[авекмнорстух]+", word):
        return False
    return word.translate(LATIN_LOOKALIKE) in english


def sha_key(word: str) -> str:
    return hashlib.sha256(word.encode("utf-8")).hexdigest()


def rank(word: str, cls: str, freq: dict[str, int], heads: set[str],
         familiar: set[str], countable: set[str], family: dict[str, int]):
    """Sort key, most wanted first (see the module docstring)."""
    n = freq.get(word, 0)
    if n:
        tier = 0          # seen in the corpus
    elif word in familiar and cls in ("noun", "plural"):
        tier = 1          # a noun the thesaurus knows
    elif word in heads:
        tier = 2          # another word the thesaurus has an entry for
    else:
        tier = 3          # anything else
    return (
        tier,
        DEMOTION[cls] - n.bit_length(),
        word not in heads,
        word not in countable,
        -min(family.get(word, 0), 15).bit_length(),
        len(word),
        sha_key(word),
    )


def key_of(word: str) -> str:
    return word[:4].replace("й", "и").replace("ъ", "ь")


def unique_keys(ranked: list[str]) -> list[str]:
    """Rule 6a: keep a word only if its key is free."""
    keys: set[str] = set()
    kept = []
    for word in ranked:
        key = key_of(word)
        if key not in keys:
            keys.add(key)
            kept.append(word)
    return kept


def no_short_endings(ranked: list[str]) -> list[str]:
    """Rule 6b: two 4-letter words may not differ only in their last letter."""
    owned: set[str] = set()  # first 3 letters of kept 4-letter words
    kept = []
    for word in ranked:
        if len(word) == 4:
            start = key_of(word)[:3]
            if start in owned:
                continue
            owned.add(start)
        kept.append(word)
    return kept


def no_lookalikes(ranked: list[str]) -> list[str]:
    """Rule 6c: drop a word whose key is one confusable letter away from a kept key."""
    table: dict[str, set[str]] = {}
    for pair in CONFUSABLE_PAIRS:
        a, b = pair.split("-")
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    keys: set[str] = set()
    kept = []
    for word in ranked:
        key = key_of(word)
        if any(
            key[:i] + alt + key[i + 1:] in keys
            for i, ch in enumerate(key)
            for alt in table.get(ch, ())
        ):
            continue
        keys.add(key)
        kept.append(word)
    return kept


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--show-blocked", action="store_true",
                    help="print the words removed by the blocklist (for review)")
    ap.add_argument("--show-ranked", type=int, default=0, metavar="N",
                    help="print the last N words kept, with their frequency (for review)")
    args = ap.parse_args()

    encoding, rules = read_affixes()
    entries = read_dictionary(encoding)
    corpus, files = read_corpus()
    heads, familiar = read_thesaurus()
    if not os.path.isfile(ENGLISH_LIST):
        die(f"{ENGLISH_LIST} is missing (run Scripts/make-wordlist.py first)")
    with open(ENGLISH_LIST, encoding="ascii") as f:
        english = set(f.read().split())
    versions = package_versions()

    print("Amanat codename word list (Russian)")
    print(f"  words:     {DIC} ({encoding})  (hunspell-ru {versions['hunspell-ru']})")
    print(f"  frequency: {FORTUNES_DIR}, {files} files, {sum(corpus.values())} lower-case words"
          f"  (fortunes-ru {versions['fortunes-ru']})")
    print(f"  familiar:  {THESAURUS}, {len(heads)} headwords, {len(familiar)} headwords and synonyms"
          f"  (mythes-ru {versions['mythes-ru']})")
    print(f"  English:   {os.path.relpath(ENGLISH_LIST, REPO_ROOT)}, {len(english)} words")

    freq = lemma_frequencies(entries, rules, corpus)
    classes, countable, counts = classify(entries, rules)
    print()
    print(f"  {len(entries):6d}  entries in ru_RU.dic")
    print(f"  {counts['plain']:6d}  1. lower-case Cyrillic, no hyphen, length {MIN_LEN}..{MAX_LEN} (ё written е)")
    print(f"  {len(classes):6d}  2. dictionary forms: {counts['noun']} nouns, {counts['plural']} plural-only "
          f"nouns, {counts['abstract']} abstract nouns, {counts['adjective']} adjectives, {counts['verb']} verbs")
    step = [w for w in classes if w not in ODD]
    print(f"  {len(step):6d}  3. not a dictionary oddity, rare or hard to spell ({len(ODD)} in ODD)")
    removed = [w for w in step if blocked(w)]
    step = [w for w in step if not blocked(w)]
    sizes = [len(set(x)) for x in (BLOCKED_STEMS, BLOCKED_ROOTS, BLOCKED_WORDS, BLOCKED_KEYS)]
    print(f"  {len(step):6d}  4. not blocklisted ({len(removed)} removed, "
          f"{sum(1 for w in removed if freq.get(w, 0))} of them in the corpus, by {sum(sizes)} entries: "
          f"{sizes[0]} stems, {sizes[1]} roots, {sizes[2]} words, {sizes[3]} keys)")
    if args.show_blocked:
        print("        blocked: " + " ".join(removed))
    disguised = [w for w in step if looks_english(w, english)]
    step = [w for w in step if w not in disguised]
    print(f"  {len(step):6d}  5. not an English list word in Latin look-alike letters "
          f"({len(disguised)} removed{': ' + ' '.join(disguised) if disguised else ''})")
    seen = collections.Counter(classes[w] for w in step if freq.get(w, 0) > 0)
    print(f"          of these, {sum(seen.values())} occur in the corpus ({dict(seen)}), "
          f"{sum(1 for w in step if w in familiar)} in the thesaurus")

    family = family_sizes(entries, step)
    step = sorted(step, key=lambda w: rank(w, classes[w], freq, heads, familiar, countable, family))
    step = unique_keys(step)
    print(f"  {len(step):6d}  6a. unique keys (first 4 letters, й = и, ъ = ь)")
    step = no_short_endings(step)
    print(f"  {len(step):6d}  6b. no two 4-letter words that differ only in the last letter")
    step = no_lookalikes(step)
    print(f"  {len(step):6d}  6c. no key one confusable letter ({' '.join(CONFUSABLE_PAIRS)}) from another")
    if len(step) < TARGET:
        die(f"only {len(step)} words survive the rules; need exactly {TARGET}")
    if args.show_ranked:
        tail = step[max(0, TARGET - args.show_ranked):TARGET]
        print("        last kept: " + " ".join(f"{w}:{freq.get(w, 0)}" for w in tail))
        print("        first cut: " + " ".join(f"{w}:{freq.get(w, 0)}" for w in step[TARGET:TARGET + 40]))

    kept = sorted(step[:TARGET])
    print(f"  {len(kept):6d}  7. final: the top {TARGET} by rank")

    # Check the promises the Swift side relies on.
    keys = [key_of(w) for w in kept]
    if len(kept) != TARGET or len(set(kept)) != TARGET or len(set(keys)) != TARGET:
        die("the output would not be 4096 words with distinct keys")
    if any(not re.fullmatch(r"[а-яё]{4,}", w) or "ё" in w for w in kept):
        die("a word is not lower-case Cyrillic of 4 letters or more without ё")
    if any(a != b and b.startswith(a) for a, b in zip(kept, kept[1:])):
        die("a word is a prefix of another")
    starts = [key_of(w)[:3] for w in kept if len(w) == 4]
    if len(set(starts)) != len(starts):
        die("two 4-letter words differ only in the last letter")
    if len(no_lookalikes(kept)) != TARGET:
        die("two keys differ by one confusable letter")
    if any(looks_english(w, english) for w in kept):
        die("a word reads as an English list word")

    in_corpus = sum(1 for w in kept if freq.get(w, 0) > 0)
    in_thesaurus = sum(1 for w in kept if w in familiar and not freq.get(w, 0))
    buckets = collections.Counter(min(freq.get(w, 0).bit_length(), 5) for w in kept)
    print(f"  in the corpus: {in_corpus}; only in the thesaurus: {in_thesaurus}; "
          f"neither: {sum(1 for w in kept if not freq.get(w, 0) and w not in familiar)}")
    print(f"  classes in the list: {dict(collections.Counter(classes[w] for w in kept))}")
    print("  corpus frequency in the list: "
          + ", ".join(f"{label}: {buckets[b]}" for b, label in
                      ((5, ">=16"), (4, "8-15"), (3, "4-7"), (2, "2-3"), (1, "1"), (0, "0"))))
    lengths = collections.Counter(len(w) for w in kept)
    print(f"  word lengths in the list: {dict(sorted(lengths.items()))}")
    bits = math.log2(len(kept))
    print(f"  bits per word: {bits:.1f}; 8 words = {8 * bits:.0f} bits")

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(kept) + "\n")
    print(f"  wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
