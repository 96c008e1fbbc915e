#!/usr/bin/env python3
"""Build Amanat's codename word list: exactly 4096 common English words.

A mother who testifies anonymously is handed a codename of random words from
this list and types it later to read the lawyers' replies.  So every word must
be easy to type in Latin letters (on a Russian or English keyboard), easy to
read aloud and to write down, familiar, and gentle: nothing offensive and
nothing about death, violence, war, loss, crime, illness or family.

Sources, all Debian packages built from the same SCOWL release:
  wamerican        /usr/share/dict/american-english        SCOWL size 50: the base list
  wamerican-small  /usr/share/dict/american-english-small  SCOWL size 35: familiar words
  scowl            /usr/share/dict/scowl/{english,american}-words.{10,20,35}
                   the same words split by size (10 = most common), used to
                   drop spelling variants and to rank by commonness
All three are required, so every run on every machine reads the same input
and writes the same file.

Rules, in order (the summary prints the count after each):
  1. only lowercase ASCII a-z, length 3..7 (3..8 only if 3..7 leaves too few);
  2. familiar: in wamerican-small, and listed by SCOWL as an English or
     American word of size 35 or less, not only as a spelling variant
     ("cosy", "aeon", "altho" go; "cozy", "eon" stay);
  3. readable: has a vowel (a e i o u y), not a Roman numeral, not slang,
     archaic, odd or an interjection (INFORMAL), not starting with a silent
     letter ("knack", "wrist", "psalm", "gnaw");
  4. not blocked: an explicit, reviewed blocklist (BLOCKED_WORDS: violence,
     war, weapons, death, loss, captivity, police, crime, fear, illness, sex,
     bodily, slurs, insults, religion, family, alcohol, drugs, politics),
     matched against the word and the stems it may be inflected from (-s,
     -ed, -ing, -er, -y, -ly, ...); BLOCKED_PREFIXES matched against the
     start of any word (also Russian obscenities in Latin letters); and
     BLOCKED_KEYS, crude first 4 letters (what the user types: "button");
  5. base forms only: not a plural or "-s" form, not an "-ed"/"-ing" form,
     not a comparative ("-er" with an "-est" twin) of another dictionary word;
  6. picked greedily in rank order:
     a. unique, prefix-free keys: a word's key is its first 4 letters (a
        3-letter word is its own key); no two keys are equal and no 3-letter
        key starts a 4-letter key, so typing 4 letters picks exactly one word;
     b. no sound-alikes: one word per homophone group (HOMOPHONES: "pair",
        "pear", "pare"), so a codename heard aloud is written only one way;
     c. no look-alikes: no key differs from a kept key in exactly one position
        by a pair of letters confusable in handwriting (CONFUSABLE_PAIRS), so
        one misread letter never gives another valid word;
  7. the first 4096 kept words in rank order, written sorted alphabetically.

Rank, most wanted first: words without q or x; SCOWL size 10, then 20, then 35
(most common first); within a size, shorter words first except 3-letter words
last (each one takes a whole 3-letter prefix: "sun" would shut out "sunny" and
"sunset"); then a fixed SHA-256 order of the word, so no part of the alphabet
is favoured and the output is deterministic.

Usage:  python3 Scripts/make-wordlist.py [--output PATH] [--show-blocked]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import re
import subprocess
import sys

TARGET = 4096
DICT = "/usr/share/dict/american-english"
DICT_SMALL = "/usr/share/dict/american-english-small"
SCOWL_DIR = "/usr/share/dict/scowl"
SCOWL_SIZES = (10, 20, 35)
PACKAGES = ("wamerican", "wamerican-small", "scowl")
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(
    REPO_ROOT, "Sources", "AmanatVault", "Resources", "codename-words-en.txt"
)

# ---------------------------------------------------------------------------
# Blocklist.  Generous on purpose: this list is read by families of the
# disappeared.  Reviewed by hand against the whole output; add freely (the
# list has a surplus of words, so a false positive costs nothing).
# ---------------------------------------------------------------------------
BLOCKED_WORDS = set("""
    kill slay slain murder assassin massacre slaughter butcher genocide execute
    homicide manslaughter lynch behead maim mutilate torture torment abuse
    abusive assault attack raid strike stab slash gash shoot shot gunshot
    earshot upshot snipe sniper fire fired gunfire crossfire bonfire blast
    explode bang boom detonate shell shrapnel target hunt hunter prey trap
    snare ambush hit punch slap kick beat beaten smash crush bash whack thrash
    spank lash whip flog choke gag strangle smother suffocate drown hang
    hanging noose gallows scaffold poison venom toxic toxin cyanide arsenic
    burn burnt scorch char cinder ash ashes ashcan ashtray arson flame aflame
    ablaze blaze smoke riot rampage mayhem havoc ravage ransack hijack
    violence violent vicious brutal brutality brute cruel cruelty savage harm
    hurt injure injury wound wounded bruise scar scab welt maul cripple
    crippled bleed bled bloody blood gore gory guts gut flesh bone bones
    jawbone skull skeleton corpse carcass cadaver torso body bodies remains
    rupture afflict inflict stun swat slug smote wreak volley

    war wars warfare warlike warrior wartime army armies navy military militia
    soldier troop troops trooper battle combat fight fighter fought invade
    invasion invader occupy occupation occupier siege blockade enemy foe
    hostile hostility enmity conquer conquest defeat surrender retreat truce
    victory victor veteran hero heroic heroine medal salute regiment battalion
    brigade platoon squad corps cadet recruit conscript draft enlist deploy
    mobilize sergeant colonel captain lieutenant general major marine marines
    commando commander command officer ensign epaulet comrade patrol sentry
    guard guardsman garrison fort fortress bunker trench barracks camp front
    frontline border checkpoint captor mutiny tank tanks turret missile rocket
    torpedo drone jet bomber bomb bombing grenade mine mines minefield cannon
    artillery ammo ammunition bullet pellet pistol rifle revolver musket
    shotgun ramrod gun guns gunner gunman weapon weapons arms armed unarmed
    arsenal knife knives blade dagger sword saber sabre spear lance javelin
    arrow axe ax hatchet machete matador mace club baton truncheon armor
    armour helmet shield trigger holster barrel nuke nuclear atomic uranium
    radiation fallout napalm chemical gas gaseous siren alarm alert curfew
    martial spy spies espionage agent traitor treason rebel rebellion revolt
    revolution coup junta regime dictator tyrant tyranny despot tsar czar tzar
    empire emperor empress colony propaganda censor censorship militant
    guerrilla terror terrorist extremist radical insurgent partisan sabotage
    saboteur flag banner patriot patriotic nation nationalist fascist fascism
    nazi communist commie vote election protest senate amnesty asylum ghetto
    fanatic

    dead death deadly die died dies dying undying deceased decease demise
    perish mortal mortality fatal fatality lethal grave graves gravestone tomb
    tombs tombstone coffin casket hearse funeral burial bury buried cemetery
    morgue mortuary autopsy obituary epitaph elegy eulogy requiem wreath
    shroud urn vigil memorial memento cremate embalm mummy mourn mourner
    mourning grief grieve grieving widow widower orphan ghost ghoul spirit
    soul phantom spectre specter haunt haunted zombie zombi vampire reaper
    scythe doom doomed fate rot rotten decay decompose fester putrid fetid
    morbid macabre suicide overdose afterlife heaven hell hellish paradise
    eternal eternity angel angelic halo cross crucify martyr sacrifice
    goodbye farewell adieu depart departed bygone unborn abort

    lost lose loser loss missing miss vanish vanished disappear gone absent
    absence abandon abandoned alone lonely loneliness forlorn empty void abyss
    search seek unknown captive captivity capture hostage prisoner prison jail
    jailer cell cage chain chains shackle fetter cuff handcuff kidnap
    kidnapper abduct abduction ransom detain detention custody arrest warrant
    police policeman cop cops sheriff constable interrogate confess
    confession convict guilty guilt verdict trial judge jury juror court
    punish punishment penalty exile deport deportation refugee escape flee
    fled fugitive unjust inhuman

    sad sadness sorrow sorry misery miserable despair agony anguish pain
    painful ache earache suffer suffering tear tears weep wept cry crying
    crybaby sob scream shriek wail howl moan groan fear afraid scared scary
    fright frighten terrify horrify panic horror horrible horrid dread
    dreadful awful terrible tragic tragedy disaster catastrophe crisis chaos
    danger dangerous hazard threat threaten menace peril risk unsafe hate
    hatred abhor anger angry rage outrage fury furious evil wicked vile nasty
    heinous odious sordid lurid grisly ghastly ominous dismal abysmal hapless
    unhappy unlucky woe wretch pity curse cursed devil demon daemon fiend
    satan satanic sin sinner shame ashamed disgrace disgust insult immoral
    betray betrayal lie liar cheat cheater fraud defraud crook thief theft
    steal stolen rob robber robbery loot burgle burglar pilfer piracy bandit
    pirate gang gangster mafia mob goon thug villain criminal crime culprit
    felon larceny perjure libel illegal illicit bribe corrupt corruption
    blackmail vandal berserk bleak gloom gloomy grim glum sullen tearful
    bereft

    sick sickness ill illness unwell disease plague pox leper leprosy fever
    cancer tumor cyst lesion ulcer coma virus viral rabid infect infection
    epidemic pandemic cholera typhus tetanus herpes asthma anemic anaemia
    mumps colic nausea surgery syringe phlegm mucus mucous bowel famine
    starve starvation hunger hungry poor poverty beggar homeless ruin ruined
    wreck wreckage rubble debris collapse crash destroy destruction insane
    lunatic madness madden madly

    sex sexy sexual nude naked undress porn erotic orgasm orgy horny lust
    lustful kinky kink naughty sleazy smut virgin virile erect seduce pimp
    madam escort whore slut harlot hooker hussy floozy tart minx vixen wench
    bimbo nymph bitch bastard dick cock prick pussy puss tit tits titbit twat
    cunt cum cumming fuck shit crap damn suck lick piss pee wee urinate
    urine poop turd fart dung feces faeces latrine sewage enema vomit puke
    snot spit breast breasts bosom bust teat nipple penis peter vagina vaginal
    butt ass arse anus anal bum booty boob boobs crotch groin testicle
    scrotum sperm semen ovary ovum uterus uteri womb fetus foetal foetus
    embryo puberty condom bra panties thong hump shag screw bawdy lewd
    obscene grope molest rape rapist pervert perv incest adultery bigamy
    divorce affair

    nigger negro coon racoon chink gook spic kike wop dago kraut jap paki gyp
    gypsy redneck hick honky cracker wetback retard retarded spastic midget
    dwarf moron idiot imbecile cretin dumb dummy stupid fool foolish nitwit
    ninny daft jerk ugly fat fatten obese chubby pudgy flabby puny runt freak
    weirdo queer fag fagot faggot dyke dike homo tranny gay gayety lesbian
    sissy pansy wimp coward creep scum trash slave slavery savage barbarian
    heathen infidel bigot racist brat snob miser prude hag witch bewitch crone
    shrew nag cow sow pig swine rat vermin louse lice roach maggot leech
    parasite worm vulture snake serpent viper weasel

    god gods goddess godly godlier ungodly pray prayer bless blessed miracle
    faith pious bible church mosque temple shrine priest pope nun monk cult
    pagan idol saint holy sacred abbey abbot apostle baptism bishop deacon
    diocese friar hymn liturgy litany pilgrim psalm rosary sermon trinity
    vicar kosher ordain voodoo pagoda amir emir ameer shaykh sheikh imam
    mullah

    mother father mom mommy momma mama dad daddy papa son daughter child
    children kid kids baby babies babe boy boyhood girl cowgirl lass brother
    sister sibling husband wife parent family kinfolk kinship grandson
    granddaughter grandchild nephew niece uncle aunt cousin bride groom
    orphan widow pregnant teenage

    drug drugs drunk drunken booze alcohol liquor whiskey whisky vodka beer
    wine ale lager rum gin brandy bourbon cognac sherry saki sake tavern heroin
    cocaine crack dope junkie opium meth weed pot hemp pill pills stoned
    addict addiction hangover tobacco cigar cigaret cigarette gamble casino
    cassino

    accident atrocity amputate abortion calamity catastrophe evacuate
    oppress harass assail foray cavalry flotilla ricochet bludgeon warden
    vengeful wrath enrage ruthless sadistic sadden morose doldrums desolate
    derelict abject pitiful unwanted unlawful duress foster omen roulette
    coroner immortal monument wreathe ashen miscarry hospital leukemia
    epilepsy syphilis cardiac cervical diabetic amnesia delusion demented
    hysteria mania madhouse madman lobotomy malady nauseous rabies syndrome
    thyroid typhoon swollen deform retch saliva sewer morphine nicotine coke
    sobriety copulate erection innuendo intimate celibate fetish bikini
    knickers loin solicit frigid seedy lavatory trashcan paunch slob boor
    mongrel peon minstrel racism ugliness witless ridicule abnormal invalid
    infant teen juvenile pacifier godchild alimony ancestor attorney judgment
    judicial culpable jeopardy chase agnostic atheism almighty altar amen
    baptize biblical brethren catholic christen cloister gospel godlike
    religion savior avarice anarchy national filthy battery lone unman
    gasoline horrific anemia antidote bawl abortive anarchic atheist
    celibacy coronary deity diabetes frigate guardian hysteric inflame
    inhumane intimacy malaria manic moronic nauseate nappy orthodox pitiless
    racial sultan toilet typhoid vilify witness incident hobo embitter demean
    immobile expire manhood pall shatter abscond alibi amok anxious asbestos
    banish batter buxom chaotic crutch cull cut deject derange diaper dirge
    dissect effigy enslave eulogize evict exodus fist flak gout hemlock
    incite infamous inferior jinx jugular madame maniac mindless mummify
    mutinous phobia purge pyre quake quell slag slum slur sod spay spew
    stupor subdue sultry vagrant vice virulent vulgar waif ogle leer ecstasy
    pauper panicky orifice rump racy foxy ethnic feminist liberal urchin
    chlorine phosphor nitrate pacify blitz fibber firearm pillage fortify
    gangrene kickback lonesome papal papacy suckle tankard teardrop fearsome
    girlhood godsend hymnal jailor sicken sickle spittle
    abscess exhume inferno sodomy noxious infamy panicked scare spite
    campaign firework fleet charge absentee infancy bequest extinct ancestry
    inherit naval

    hue
""".split())

# A word starting with any of these is blocked whatever follows ("killer",
# "bombard", "deadline", "gunk" all go; the few innocent casualties are fine).
# The last row is Russian obscenities written in Latin letters.
BLOCKED_PREFIXES = tuple("""
    kill murd massac slaught tortur suicid genocid execut assassin terror
    rape corpse fuck shit cunt nigg fagg whor slut porn sexu nazi bomb
    dead death dying blood bleed weapon milit soldier missil grenad bullet
    pistol rifl explod explos poison prison kidnap hostag abduct victim
    funer coffin cemeter skull skelet drown strangl suffoc mutil dismember
    behead decapit warrior warfare warhead warlord warship
    gun tomb grave orphan widow
    pizd blya huy xuy suka mudak zhop govn gavn pidor pidar
""".split())

# Crude first 4 letters: the user types a word's first 4 letters, so no word
# may start with these even when the whole word is innocent ("button").
BLOCKED_KEYS = set("""
    anal anus butt cock cunt damn dick dies dung fart fuck hell homo nigg perv
    pimp piss poop porn rape shit slut spic suck tits turd whor
""".split())

# Slang, archaic or odd forms, interjections: hard to spell from memory.
INFORMAL = set("""
    gonna wanna gotta gimme lemme dunno betcha kinda sorta outta aint
    thee thy thou thine wot wist hither thither whence ere ergo nay aye yea
    lieu mien sic hes sades reis ohs ifs noes bani crofts larynges mesdames
    upping unsay calk feting gee
    ahoy ouch whew gosh yuck ugh huh hah hmm oho aha ooh yep nope whoa hooray
""".split())

# Words that start with a silent letter are hard to spell from memory.
SILENT_STARTS = ("gn", "kn", "wr", "ps", "pn", "mn", "pt")

# Sound-alikes: of each group only the best-ranked word may be kept, so a
# codename read aloud can be written down only one way.
HOMOPHONES = """
    air heir, aisle isle, allowed aloud, ate eight, bail bale, bare bear,
    beach beech, beat beet, berry bury, berth birth, blew blue, boar bore,
    board bored, boy buoy, brake break, bread bred, brews bruise, buy by bye,
    cache cash, ceiling sealing, cell sell, cellar seller, cent scent sent,
    cereal serial, cheap cheep, chili chilly, chews choose, chord cord,
    cite sight site, coarse course, colonel kernel, creak creek, crews cruise,
    cue queue, currant current, cymbal symbol, dear deer, dew due, die dye,
    doe dough, dual duel, earn urn, ewe yew you, eye aye, faint feint,
    fair fare, feat feet, fir fur, flair flare, flea flee, flew flu flue,
    flour flower, for fore four, foul fowl, gait gate, gnaw nor, grate great,
    groan grown, guessed guest, hail hale, hair hare, hall haul, hart heart,
    hay hey, heal heel, hear here, heard herd, hi high, him hymn, hoard horde,
    hole whole, holy wholly, hour our, idle idol, in inn, jam jamb,
    karat carat carrot, key quay, knead need, knew new gnu, knight night,
    knit nit, knot not, know no, lead led, leak leek, lessen lesson, lie lye,
    loan lone, made maid, mail male, main mane, manner manor, mantel mantle,
    maize maze, meat meet mete, medal meddle, metal mettle, might mite,
    miner minor, missed mist, moat mote, moose mousse, morn mourn,
    muscle mussel, naval navel, none nun, oar or ore, one won, pail pale,
    pain pane, pair pare pear, passed past, pause paws, peace piece,
    peak peek pique, peal peel, pedal peddle, peer pier, plain plane,
    plait plate, plum plumb, pole poll, pore pour, pray prey, rain reign rein,
    raise raze, rap wrap, read reed, real reel, right rite write wright,
    ring wring, road rode, roe row, role roll, root route, rote wrote,
    rough ruff, rude rued, rung wrung, rye wry, sail sale, scene seen,
    sea see, seam seem, serf surf, sew so sow, shear sheer, shoe shoo,
    sign sine, slay sleigh, sleight slight, soar sore, sole soul, some sum,
    son sun, stair stare, stake steak, steal steel, storey story,
    straight strait, suite sweet, tail tale, taught taut, tea tee, team teem,
    tear tier, tern turn, their there, threw through, throne thrown,
    tide tied, thyme time, toe tow, troop troupe, vain vane vein, vale veil,
    vial vile, vice vise, wail whale, waist waste, wait weight, waive wave,
    war wore, ware wear where, way weigh whey, weak week, weather whether,
    which witch, whine wine, wood would, yoke yolk, yore your, bite byte,
    chute shoot, hangar hanger, heroin heroine, liar lyre, loot lute,
    mall maul, reek wreak, rest wrest, sac sack, tic tick, whit wit,
    wile while, lo low, ode owed, naught nought, pi pie, we wee, wet whet,
    jewel joule, lean lien, morning mourning, knows nose, links lynx,
    lax lacks, tacks tax, mince mints, borough burrow, cannon canon,
    carol carrel, census senses, council counsel, faze phase, find fined,
    gorilla guerrilla, lapse laps, marshal martial, muse mews, patience
    patients, pleas please, presence presents, principal principle,
    profit prophet, rack wrack, sighed side, stationary stationery,
    suede swayed, tense tents, toad towed, told tolled, trussed trust,
    wade weighed, whirled world, gilt guilt, band banned, bald bawled,
    baron barren, bold bowled, bolder boulder, bridal bridle, broach brooch
""".replace("\n", " ")

# Letter pairs confusable in handwriting: the codename is written down on
# paper and read back.  m/n/u/v are the worst cluster (more so for a hand
# trained on Cyrillic cursive, where "и", "п" and "т" look like Latin u, n
# and m), then c/e.  Also tried, and left out because with them fewer than
# 4096 words survive even at length 3..8: i/l, h/n, g/q, a/o, and sound-alike
# pairs (b/p, d/t, f/v).
CONFUSABLE_PAIRS = "m-n n-u u-v c-e".split()


INFLECTIONS = (
    "s", "es", "ed", "d", "ing", "er", "ers", "est", "y", "ly", "ily",
    "ies", "ied", "ier", "iest", "ish", "ness", "ful", "less", "able", "ous",
    "ism", "ist", "ity", "ment", "age", "ery", "ry", "ion",
)

IRREGULAR_PLURALS = set("feet teeth geese mice lice oxen women men".split())

ROMAN = re.compile(r"^m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


def stems(word: str):
    """The word itself and the stems it could be an inflection of."""
    yield word
    for suf in INFLECTIONS:
        if len(word) > len(suf) + 1 and word.endswith(suf):
            base = word[: -len(suf)]
            yield base
            if suf[0] in "aeiouy":
                yield base + "e"  # hoped -> hope, raging -> rage (not wind -> wine)
            if suf.startswith("i"):
                yield base + "y"
            if len(base) >= 2 and base[-1] == base[-2]:
                yield base[:-1]  # running -> run, gunner -> gun


def blocked(word: str) -> bool:
    if word.startswith(BLOCKED_PREFIXES):
        return True
    if word[:4] in BLOCKED_KEYS:
        return True
    return any(s in BLOCKED_WORDS for s in stems(word))


def plural_form(word: str, dictionary: set[str]) -> bool:
    """Plurals and third-person "-s" forms, regular, Latin and irregular."""
    if word in IRREGULAR_PLURALS:
        return True
    bases: list[str] = []
    if word.endswith("s") and not word.endswith("ss"):
        bases.append(word[:-1])
        if word.endswith("es"):
            bases += [word[:-2], word[:-2] + "is"]      # boxes; oases <- oasis
            if len(word) > 4 and word[-3] == word[-4]:
                bases.append(word[:-3])                  # fezzes <- fez
        if word.endswith("ies"):
            bases.append(word[:-3] + "y")
        if word.endswith("ves"):
            bases += [word[:-3] + "f", word[:-3] + "fe"]
        if word.endswith("ices"):
            bases += [word[:-4] + "ex", word[:-4] + "ix"]  # apices <- apex
    if word.endswith("i"):
        bases.append(word[:-1] + "us")                   # fungi <- fungus
    if word.endswith("a"):
        bases += [word[:-1] + "um", word[:-1] + "on"]   # data <- datum
    if word.endswith("ae"):
        bases.append(word[:-1])                          # larvae <- larva
    if word.endswith("men"):
        bases.append(word[:-3] + "man")
    return any(len(b) >= 2 and b != word and b in dictionary for b in bases)


def verb_form(word: str, dictionary: set[str]) -> bool:
    """"-ed" and "-ing" forms of another dictionary word."""
    bases: list[str] = []
    for suf in ("ed", "ing"):
        if word.endswith(suf):
            base = word[: -len(suf)]
            bases += [base, base + "e"]
            if len(base) >= 2 and base[-1] == base[-2]:
                bases.append(base[:-1])                  # hugged <- hug
    if word.endswith("d"):
        bases.append(word[:-1])                          # tied <- tie
    if word.endswith("ied"):
        bases.append(word[:-3] + "y")                    # dried <- dry
    if word.endswith("ying"):
        bases.append(word[:-4] + "ie")                   # vying <- vie
    return any(len(b) >= 3 and b in dictionary for b in bases)


def comparative(word: str, dictionary: set[str]) -> bool:
    """"-er"/"-est" adjective forms: "bigger" goes because "biggest" exists
    ("letter" stays: there is no "lettest")."""
    if word.endswith("er") and word[:-2] + "est" in dictionary:
        return True
    if word.endswith("est") and word[:-3] + "er" in dictionary:
        return True
    return False


def readable(word: str, size: dict[str, int]) -> bool:
    return (
        bool(re.search(r"[aeiouy]", word))
        and not (ROMAN.match(word) and word not in size)  # "xiv" goes, "mix" stays
        and word not in INFORMAL
        and not word.startswith(SILENT_STARTS)
    )


def die(msg: str) -> None:
    print(f"make-wordlist: error: {msg}", file=sys.stderr)
    sys.exit(1)


def read_words(path: str, package: str) -> list[str]:
    if not os.path.isfile(path):
        die(
            f"{path} is missing: install the Debian package '{package}'.\n"
            f"    sudo apt-get update && sudo apt-get install -y {' '.join(PACKAGES)}"
        )
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


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


def sha_key(word: str) -> str:
    return hashlib.sha256(word.encode("ascii")).hexdigest()


def rank(word: str, size: dict[str, int]):
    """Sort key, most wanted first (see the module docstring)."""
    return (
        bool(re.search("[qx]", word)),
        size[word],
        len(word) == 3,
        len(word),
        sha_key(word),
    )


def key_of(word: str) -> str:
    return word[:4]


def unique_keys(ranked: list[str]) -> list[str]:
    """Rule 6a: in rank order, keep a word only if its key is free and the
    keys stay prefix-free ("cat" and "catch" cannot both be kept)."""
    keys: set[str] = set()
    three_prefixes: set[str] = set()  # first 3 letters of kept 4-letter keys
    kept: list[str] = []
    for word in ranked:
        key = key_of(word)
        if len(key) == 3:
            if key in keys or key in three_prefixes:
                continue
        elif key in keys or key[:3] in keys:
            continue
        keys.add(key)
        if len(key) == 4:
            three_prefixes.add(key[:3])
        kept.append(word)
    return kept


def no_soundalikes(ranked: list[str]) -> list[str]:
    """Rule 6b: in rank order, drop a word that sounds like a kept one."""
    group: dict[str, int] = {}
    for i, words in enumerate(HOMOPHONES.split(",")):
        for w in words.split():
            group[w] = i
    taken: set[int] = set()
    kept: list[str] = []
    for word in ranked:
        g = group.get(word)
        if g is not None:
            if g in taken:
                continue
            taken.add(g)
        kept.append(word)
    return kept


def build_confusables() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for pair in CONFUSABLE_PAIRS:
        a, b = pair.split("-")
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return table


def no_lookalikes(ranked: list[str]) -> list[str]:
    """Rule 6c: in rank order, drop a word whose key differs from an already
    kept key in exactly one position, by a confusable pair."""
    confusables = build_confusables()
    keys: set[str] = set()
    kept: list[str] = []
    for word in ranked:
        key = key_of(word)
        if any(
            key[:i] + alt + key[i + 1:] in keys
            for i, ch in enumerate(key)
            for alt in confusables.get(ch, ())
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
    args = ap.parse_args()

    base = read_words(DICT, "wamerican")
    small = set(read_words(DICT_SMALL, "wamerican-small"))
    size: dict[str, int] = {}  # smallest SCOWL size listing the word
    for n in sorted(SCOWL_SIZES, reverse=True):
        for kind in ("english", "american"):
            for w in read_words(os.path.join(SCOWL_DIR, f"{kind}-words.{n}"), "scowl"):
                size[w] = n
    versions = package_versions()
    dictionary = {w for w in base if re.fullmatch(r"[a-z]+", w)}

    print("Amanat codename word list")
    print(f"  source:   {DICT}  (wamerican {versions['wamerican']})")
    print(f"  familiar: {DICT_SMALL}  (wamerican-small {versions['wamerican-small']})")
    print(f"  sizes:    {SCOWL_DIR}/{{english,american}}-words.{{10,20,35}}"
          f"  (scowl {versions['scowl']})")
    if len(set(versions.values())) != 1:
        print("  warning: the three packages have different versions", file=sys.stderr)

    for max_len in (7, 8):
        print(f"\n  rules with length 3..{max_len}:")
        print(f"  {len(base):6d}  words in wamerican")
        step = [w for w in base if re.fullmatch(rf"[a-z]{{3,{max_len}}}", w)]
        print(f"  {len(step):6d}  1. lowercase a-z, length 3..{max_len}")
        step = [w for w in step if w in small and w in size]
        print(f"  {len(step):6d}  2. familiar: in wamerican-small and SCOWL english/american <= 35")
        step = [w for w in step if readable(w, size)]
        print(f"  {len(step):6d}  3. readable (a vowel; no Roman numeral, slang, archaic, silent first letter)")
        removed = [w for w in step if blocked(w)]
        step = [w for w in step if not blocked(w)]
        print(f"  {len(step):6d}  4. not blocklisted ({len(removed)} removed)")
        if args.show_blocked:
            print("        blocked: " + " ".join(removed))
        step = [w for w in step if not plural_form(w, dictionary)]
        print(f"  {len(step):6d}  5a. not a plural / -s form of another word")
        step = [w for w in step if not verb_form(w, dictionary)]
        print(f"  {len(step):6d}  5b. not an -ed / -ing form of another word")
        step = [w for w in step if not comparative(w, dictionary)]
        print(f"  {len(step):6d}  5c. not a comparative / superlative")
        qx = sum(1 for w in step if re.search("[qx]", w))
        step = unique_keys(sorted(step, key=lambda w: rank(w, size)))
        print(f"  {len(step):6d}  6a. unique, prefix-free 4-letter keys")
        step = no_soundalikes(step)
        print(f"  {len(step):6d}  6b. no sound-alikes (one word per HOMOPHONES group)")
        step = no_lookalikes(step)
        print(f"  {len(step):6d}  6c. no key one confusable letter ({' '.join(CONFUSABLE_PAIRS)}) from another")
        if len(step) >= TARGET:
            break
        print(f"  only {len(step)} words survive with length 3..{max_len}: "
              f"relaxing the length to 3..{max_len + 1}")
    else:
        die(f"only {len(step)} words survive the rules; need exactly {TARGET}")

    kept = sorted(step[:TARGET])
    kept_qx = sum(1 for w in kept if re.search("[qx]", w))
    print(f"  {len(kept):6d}  7. final: the top {TARGET} by rank "
          f"(words with q/x ranked last: {qx} candidates, {kept_qx} kept)")
    sizes = {n: sum(1 for w in kept if size[w] == n) for n in SCOWL_SIZES}
    lengths = {n: sum(1 for w in kept if len(w) == n) for n in range(3, max_len + 1)}
    print(f"  SCOWL sizes in the list: {sizes}")
    print(f"  word lengths in the list: {lengths} (length rule used: 3..{max_len})")

    if len(kept) != TARGET or len(set(kept)) != TARGET:
        die(f"the output would have {len(set(kept))} words, not {TARGET}")
    bits = math.log2(len(kept))
    print(f"  bits per word: {bits:.1f}; 8 words = {8 * bits:.0f} bits")

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(kept) + "\n")
    print(f"  wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
