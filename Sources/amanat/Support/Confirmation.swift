import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Asking the person at the terminal to confirm a step she may regret, such as exporting a case to a lawyer
/// whose grant was revoked. Only when standard input is a terminal: a script must say `--yes` instead.
enum Confirmation {
    /// Whether standard input is a terminal (so a question can be asked at all).
    static var canAsk: Bool { isatty(0) == 1 }

    /// Asks `question` on the terminal (it should end with ": ") and returns whether the answer was yes
    /// ("yes" or "y", any case; "да" or "д" too). Anything else, or no answer, is no.
    static func ask(_ question: String) -> Bool {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return false }
        defer { close(tty) }
        _ = question.withCString { write(tty, $0, strlen($0)) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 64, Glibc.read(tty, &byte, 1) == 1, byte != 10, byte != 13 { line.append(byte) }
        let answer = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
        return ["yes", "y", "да", "д"].contains(answer)
    }
}
