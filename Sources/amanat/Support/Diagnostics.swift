import Foundation

/// Messages to the person that are not errors, on standard error (standard output stays for data).
enum Diagnostics {
    /// "amanat: note: …": something she should know, such as the first use of a vault.
    static func note(_ message: String) { write("note", message) }

    /// "amanat: warning: …": something that weakens a protection she relies on.
    static func warning(_ message: String) { write("warning", message) }

    private static func write(_ level: String, _ message: String) {
        FileHandle.standardError.write(Data("amanat: \(level): \(message)\n".utf8))
    }
}
