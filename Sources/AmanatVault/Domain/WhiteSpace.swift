/// The white space `trim` removes, as the spec defines it (Docs/format.md §8.19): a fixed table of the 25
/// code points of Unicode's White_Space property, so that any implementation, in any language, trims a
/// projection's text exactly as Amanat does, whatever its own library calls white space.
public enum WhiteSpace {
    /// U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
    public static let scalars: Set<UInt32> = Set(
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680]
            + Array(0x2000...0x200A) + [0x2028, 0x2029, 0x202F, 0x205F, 0x3000])

    /// `text` without the table's white space at its start and end.
    public static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.scalars.contains($0.value) }),
            let last = scalars.lastIndex(where: { !Self.scalars.contains($0.value) })
        else { return "" }
        return String(scalars[first...last])
    }
}
