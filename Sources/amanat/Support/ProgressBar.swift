import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A progress bar on standard error for large files (over 8 MiB), shown only when standard error is
/// a terminal; quiet otherwise, so scripts and logs get nothing.
final class ProgressBar: @unchecked Sendable {
    /// Files at least this large get a bar.
    static let threshold = 8 << 20

    private let label: String
    private var shownPercent = -1
    private let lock = NSLock()

    /// The label names a source's attachment: escaped like testimony, since the bar goes to a terminal.
    private init(label: String) { self.label = TerminalText.escaped(label) }

    /// A reporting closure for a file of `size` bytes, or nil when no bar should be shown.
    static func reporter(for label: String, size: Int) -> (@Sendable (Int, Int) -> Void)? {
        guard size >= threshold, isatty(2) == 1 else { return nil }
        let bar = ProgressBar(label: label)
        return { done, total in bar.update(done: done, total: total) }
    }

    private func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        guard percent != shownPercent else { return }
        shownPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var line = "\r\(label) \(bar) \(percent)% (\(done >> 20) of \(total >> 20) MiB)"
        if percent == 100 { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
