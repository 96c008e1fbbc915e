/// A word list compiled into the binary as one string literal of sorted, unique, newline-separated
/// lines, searched in place: nothing is built at start-up (a `Set` of the 86,089 Russian stems cost more
/// than the rest of a one-line `amanat redact`), and nothing is allocated per lookup.
struct SortedLines: Sendable {
    private let text: StaticString

    /// `text` must be sorted by bytes (UTF-8 order, as Python's `sorted` orders `str`), one entry a line,
    /// without duplicates or an empty line; `CommonVocabularyTests` checks that the generated lists are.
    init(_ text: StaticString) { self.text = text }

    /// Whether `word` is one of the lines.
    func contains(_ word: some StringProtocol) -> Bool {
        var key = String(word)
        return key.withUTF8 { key in contains(key) }
    }

    /// Whether the UTF-8 bytes `key` are one of the lines.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let base = text.utf8Start
        let count = text.utf8CodeUnitCount
        let newline = UInt8(ascii: "\n")
        // `low` and `high` are always the start of a line (or the end); each step drops at least one line.
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            var start = middle
            while start > low && base[start - 1] != newline { start -= 1 }
            var end = middle
            while end < high && base[end] != newline { end += 1 }
            switch compare(UnsafeBufferPointer(start: base + start, count: end - start), key) {
            case 0: return true
            case ..<0: low = end + 1
            default: high = start
            }
        }
        return false
    }

    /// Every line, in order (for tests and tools).
    var lines: [Substring] {
        String(decoding: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Byte-wise comparison: negative, zero or positive.
    private func compare(_ line: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        for index in 0..<min(line.count, key.count) where line[index] != key[index] {
            return Int(line[index]) - Int(key[index])
        }
        return line.count - key.count
    }
}
