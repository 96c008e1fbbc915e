#!/usr/bin/env python3
"""Build Amanat's common vocabulary: Snowball stems of ordinary lower-case Russian and English words.

The redaction module flags capitalised words as review candidates (likely names of people or
villages that are not on the case's list).  A capitalised word whose stem is in this vocabulary
is an ordinary word written with a capital (Потом, Когда, After, Street) and is not a candidate;
a word whose stem is unknown, or is also the stem of a proper name (Магомед, Вера/вера), is.

Install the inputs first (Debian bookworm):

    sudo apt-get update && sudo apt-get install -y hunspell-ru wamerican libstemmer0d

Run from the repository root:

    python3 Scripts/make-vocabulary.py                     # writes both Swift files
    python3 Scripts/make-vocabulary.py --show-collisions   # also lists every stem dropped for a proper name

Inputs:
  hunspell-ru    /usr/share/hunspell/ru_RU.dic  Russian dictionary headwords (encoding from the SET
                                                line of ru_RU.aff); affix flags are ignored
  wamerican      /usr/share/dict/american-english  English words, one a line, inflected forms included
  libstemmer0d   the Snowball stemmers, loaded with ctypes: the same C library Amanat links at run
                 time, so the stems here are the stems Amanat computes

Rules, for each language (the summary prints how many words or stems each rule keeps and drops):
  1. skip entries that are not plain words: Russian entries with digits, dots or Latin letters,
     English possessives ("'s") and lines with anything but ASCII letters;
  2. skip abbreviations (the first two letters are capitals: ВВС, ЧПУ, ВАКу, NASA, BASICs) and
     units and brands with a capital inside (кВт, мГц, iPad, pH);
  3. an entry written all lower-case is a common word, a capitalised one is a proper name;
     EXTRA_PROPER_NAMES adds given names that the dictionaries cannot list as names because they
     are spelled like common words (Вера, Роза, Ислам, Sultan);
  4. stem every word as Amanat does (lower-cased, ё written е, Snowball "russian"/"english",
     UTF-8); drop stems shorter than 2 letters;
  5. common stems = stems of common words minus stems of proper names, except the few stems in
     KEEP_COMMON: frequent words (потом, без, well, good) whose only proper-name collisions are
     foreign places or people (Поти, Безье, Welles, Good) that a testimony will hardly name.

Output: Sources/AmanatRedaction/Vocabulary/CommonVocabulary+{Russian,English}.swift, each one
sorted, unique, newline-separated list of stems in a raw multi-line string literal, and
CommonVocabulary+NameWords.swift, the stems rule 5 dropped (both languages in one list): a word
written in lower case whose stem is there is the ordinary word, not the name (вера, роза, ислам).  The same
package versions give byte-identical files.
"""
import argparse
import ctypes
import ctypes.util
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUTPUT_DIR = ROOT / "Sources/AmanatRedaction/Vocabulary"
RU_DIC = pathlib.Path("/usr/share/hunspell/ru_RU.dic")
RU_AFF = pathlib.Path("/usr/share/hunspell/ru_RU.aff")
EN_WORDS = pathlib.Path("/usr/share/dict/american-english")
INSTALL_HINT = "sudo apt-get update && sudo apt-get install -y hunspell-ru wamerican libstemmer0d"
MIN_STEM = 2

# Given names spelled like common words.  Hunspell accepts a capitalised form of any lower-case
# headword, so ru_RU.dic never lists Вера next to вера; wamerican lists few non-English names.
# Their stems must stay candidates, at a price: Вера's stem вер is also the stem of верить, so
# "Верил" at a sentence start is flagged, and Дени (Chechen) costs "День", Имам costs "Имя".
EXTRA_PROPER_NAMES = {
    "russian": [
        # Russian names
        "Вера", "Виктория", "Дина", "Злата", "Лада", "Лев", "Лилия", "Любовь", "Максим", "Мила",
        "Надежда", "Роза", "Роман", "Слава",
        # Chechen, Dagestani and other Muslim names of the North Caucasus
        "Абу", "Аза", "Алмаз", "Али", "Арби", "Асият", "Булат", "Дени", "Зарина", "Имам", "Ислам",
        "Лечи", "Лиана", "Марьям", "Омар", "Осман", "Рамазан", "Рустам", "Седа", "Султан", "Эмир",
    ],
    "english": ["Amir", "Emir", "Imam", "Said", "Sultan"],
}

# Stems kept common although a proper name in the dictionary has the same stem.  Only frequent
# words at the start of a sentence whose colliding names are far from the testimonies Amanat
# handles; the script checks each collision still exists and prints the names it lets through.
KEEP_COMMON = {
    "russian": {
        "без": "без (Безье)",
        "дал": "далее (Даль)",
        "итак": "итак (Итака)",
        "отт": "оттого (Отто)",
        "пол": "поле, пол (Поль)",
        "пот": "потом, потому (Поти)",
        "сел": "село (Селена)",
        "стоя": "стоять (Стоян)",
        "тел": "тело (Тель)",
        "тро": "трое, троих (Троя)",
        "якоб": "якобы (Якоби, Якоб)",
    },
    "english": {
        "are": "are (Ares)",
        "day": "day (Day)",
        "down": "down (Downs)",
        "good": "good (Good)",
        "high": "high (Highness)",
        "hous": "house (House)",
        "left": "left (Left)",
        "more": "more (More)",
        "well": "well (Welles)",
    },
}

CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+(?:-[а-яёА-ЯЁ]+)*")
LATIN_WORD = re.compile(r"[A-Za-z]+")


class Stemmer:
    """One Snowball stemmer from Debian's libstemmer, called through ctypes."""

    _library = None

    @classmethod
    def library(cls):
        if cls._library is None:
            names = ["libstemmer.so.0d", "libstemmer.so.0", ctypes.util.find_library("stemmer")]
            for name in filter(None, names):
                try:
                    cls._library = ctypes.CDLL(name)
                    break
                except OSError:
                    continue
            else:
                sys.exit(f"make-vocabulary: libstemmer not found; run: {INSTALL_HINT}")
            lib = cls._library
            lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
            lib.sb_stemmer_new.restype = ctypes.c_void_p
            lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
            lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
            lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
            lib.sb_stemmer_length.restype = ctypes.c_int
            lib.sb_stemmer_delete.argtypes = [ctypes.c_void_p]
            lib.sb_stemmer_delete.restype = None
        return cls._library

    def __init__(self, algorithm):
        self.lib = self.library()
        self.handle = self.lib.sb_stemmer_new(algorithm.encode("ascii"), b"UTF_8")
        if not self.handle:
            sys.exit(f"make-vocabulary: libstemmer has no {algorithm!r} stemmer")

    def stem(self, word):
        """The stem of a word, prepared as Amanat prepares it: lower case, ё written е."""
        data = word.lower().replace("ё", "е").encode("utf-8")
        result = self.lib.sb_stemmer_stem(self.handle, data, len(data))
        if not result:
            sys.exit(f"make-vocabulary: libstemmer failed on {word!r}")
        return ctypes.string_at(result, self.lib.sb_stemmer_length(self.handle)).decode("utf-8")

    def close(self):
        self.lib.sb_stemmer_delete(self.handle)


def package_version(package):
    try:
        result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                capture_output=True, text=True, check=False)
    except FileNotFoundError:
        sys.exit("make-vocabulary: dpkg-query not found; this script reads Debian packages")
    if result.returncode != 0 or not result.stdout.strip():
        sys.exit(f"make-vocabulary: package {package} is not installed; run: {INSTALL_HINT}")
    return result.stdout.strip()


def hunspell_encoding(aff):
    """Python's name for the encoding in the SET line of a Hunspell .aff file."""
    with open(aff, "rb") as handle:
        for raw in handle:
            line = raw.decode("ascii", errors="replace").strip()
            if line.startswith("SET "):
                name = line.split()[1].lower()
                return {"microsoft-cp1251": "cp1251", "koi8-r": "koi8_r"}.get(name, name)
    return "iso8859-1"  # Hunspell's default


def russian_entries():
    """Headwords of ru_RU.dic, without their /FLAGS and morphological fields."""
    encoding = hunspell_encoding(RU_AFF)
    lines = RU_DIC.read_text(encoding=encoding).splitlines()
    words = []
    for line in lines[1:]:  # the first line is the entry count
        field = line.split(maxsplit=1)[0] if line.strip() else ""
        word = field.split("/", 1)[0]
        if word:
            words.append(word)
    return encoding, words


def english_entries():
    return [line.strip() for line in EN_WORDS.read_text(encoding="utf-8").splitlines() if line.strip()]


def classify(words, language, counts):
    """Splits dictionary entries into common (lower-case) and proper (capitalised) words."""
    common, proper = [], []
    for word in words:
        if language == "russian":
            if re.search(r"[0-9.A-Za-z]", word):
                counts["skipped: digits, dots or Latin letters"] += 1
                continue
            if not CYRILLIC_WORD.fullmatch(word):
                counts["skipped: other characters"] += 1
                continue
        else:
            if word.endswith("'s"):
                counts["skipped: possessives ('s)"] += 1
                continue
            if not LATIN_WORD.fullmatch(word):
                counts["skipped: not ASCII letters only"] += 1
                continue
        if word == word.lower():
            common.append(word)
        elif len(word) >= 2 and word[0].isupper() and word[1].isupper():
            counts["skipped: abbreviations"] += 1
        elif word[0].isupper():
            proper.append(word)
        else:
            counts["skipped: units and brands (кВт, iPad)"] += 1
    return common, proper


def build(language, words, stemmer, show_collisions):
    """The sorted common stems of one language, printing a count after each rule."""
    counts = {}
    for key in ["skipped: digits, dots or Latin letters", "skipped: possessives ('s)",
                "skipped: not ASCII letters only", "skipped: other characters", "skipped: abbreviations",
                "skipped: units and brands (кВт, iPad)"]:
        counts[key] = 0
    common_words, proper_words = classify(words, language, counts)
    extra = EXTRA_PROPER_NAMES[language]
    keep = KEEP_COMMON[language]

    print(f"\n{language}:")
    print(f"  {len(words):7d} dictionary entries")
    for key, value in counts.items():
        if value:
            print(f"  {value:7d} {key}")
    print(f"  {len(common_words):7d} common (lower-case) words kept")
    print(f"  {len(proper_words):7d} proper (capitalised) words, plus {len(extra)} from EXTRA_PROPER_NAMES")

    common_by_stem, proper_by_stem = {}, {}
    for word in common_words:
        common_by_stem.setdefault(stemmer.stem(word), []).append(word)
    for word in proper_words + extra:
        proper_by_stem.setdefault(stemmer.stem(word), []).append(word)
    print(f"  {len(common_by_stem):7d} distinct stems of common words")

    short = {stem for stem in common_by_stem if len(stem) < MIN_STEM}
    print(f"  {len(short):7d} stems shorter than {MIN_STEM} letters dropped ({' '.join(sorted(short))})")

    collisions = sorted(stem for stem in common_by_stem if stem in proper_by_stem and stem not in short)
    kept = [stem for stem in collisions if stem in keep]
    dropped = [stem for stem in collisions if stem not in keep]
    for stem in sorted(keep):
        if stem not in collisions:
            print(f"  warning: KEEP_COMMON stem {stem!r} ({keep[stem]}) no longer collides; remove it")
    by_extra = [stem for stem in dropped if not set(proper_by_stem[stem]) - set(extra)]
    print(f"  {len(dropped):7d} stems dropped because a proper name has the same stem "
          f"({len(by_extra)} only because of EXTRA_PROPER_NAMES)")
    print(f"  {len(kept):7d} stems kept by KEEP_COMMON, letting through: "
          + ", ".join(f"{stem} ({' '.join(proper_by_stem[stem])})" for stem in kept))
    for name in extra:
        stem = stemmer.stem(name)
        if stem in common_by_stem and stem not in short:
            print(f"           EXTRA {name} -> {stem}: drops {' '.join(sorted(common_by_stem[stem])[:6])}")
    if show_collisions:
        for stem in dropped:
            print(f"    dropped {stem}: {' '.join(proper_by_stem[stem])} / {' '.join(sorted(common_by_stem[stem])[:8])}")

    stems = sorted(stem for stem in common_by_stem if stem not in short and (stem not in proper_by_stem or stem in keep))
    for stem in stems:
        if not stem.isalpha() or stem != stem.lower():
            sys.exit(f"make-vocabulary: unexpected stem {stem!r}")
    print(f"  {len(stems):7d} common stems written")
    print(f"  {len(dropped):7d} name-word stems written (the dropped ones)")
    return stems, dropped


def wrapped(prefix, text, limit=120):
    """`text` as comment lines that start with `prefix`, each at most `limit` UTF-8 bytes."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and len((prefix + candidate).encode("utf-8")) > limit:
            lines.append(prefix + line)
            line = word
        else:
            line = candidate
    return "".join(f"{l}\n" for l in lines + [prefix + line])


def swift_source(header, doc, name, stems):
    return (
        wrapped("// ", header)
        + "// swift-format-ignore-file\n"
        "extension CommonVocabulary {\n"
        + wrapped("    /// ", doc) +
        f'    static let {name}: StaticString = #"""\n'
        + "\n".join(stems) + "\n"
        '"""#\n'
        "}\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-collisions", action="store_true",
                        help="list every stem dropped because a proper name shares it")
    args = parser.parse_args()

    for path in (RU_DIC, RU_AFF, EN_WORDS):
        if not path.exists():
            sys.exit(f"make-vocabulary: {path} is missing; run: {INSTALL_HINT}")
    versions = {package: package_version(package) for package in ("hunspell-ru", "wamerican", "libstemmer0d")}
    stemmer_note = f"libstemmer0d {versions['libstemmer0d']}"

    encoding, russian_words = russian_entries()
    print(f"make-vocabulary: {RU_DIC} is {encoding}; " + ", ".join(f"{p} {v}" for p, v in versions.items()))
    ru = Stemmer("russian")
    en = Stemmer("english")
    try:
        russian, russian_names = build("russian", russian_words, ru, args.show_collisions)
        english, english_names = build("english", english_entries(), en, args.show_collisions)
    finally:
        ru.close()
        en.close()

    outputs = [
        ("CommonVocabulary+Russian.swift",
         f"Generated by Scripts/make-vocabulary.py from Debian's hunspell-ru {versions['hunspell-ru']} "
         f"and {stemmer_note} (do not edit by hand).",
         "Snowball stems of common lower-case Russian words that are not also stems of proper names.",
         "russianStems", russian),
        ("CommonVocabulary+English.swift",
         f"Generated by Scripts/make-vocabulary.py from Debian's wamerican {versions['wamerican']} "
         f"and {stemmer_note} (do not edit by hand).",
         "Snowball stems of common lower-case English words that are not also stems of proper names.",
         "englishStems", english),
        ("CommonVocabulary+NameWords.swift",
         f"Generated by Scripts/make-vocabulary.py from Debian's hunspell-ru {versions['hunspell-ru']}, "
         f"wamerican {versions['wamerican']} and {stemmer_note} (do not edit by hand).",
         "Snowball stems of common lower-case words that are also stems of proper names (вер: вера, Вера), "
         "both languages.",
         "nameWordStems", sorted(set(russian_names) | set(english_names))),
    ]
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    print()
    for filename, header, doc, name, stems in outputs:
        target = OUTPUT_DIR / filename
        data = swift_source(header, doc, name, stems).encode("utf-8")
        target.write_bytes(data)
        print(f"make-vocabulary: wrote {len(stems)} stems, {len(data)} bytes, to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
