/// The words codenames are made of. `english` is generated from
/// Sources/AmanatVault/Resources/codename-words-en.txt (see Scripts/README.md).
public enum CodenameWordList {
    /// 4,096 short, common English words with unique four-letter prefixes (12 bits each).
    public static let english: [String] = englishWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
