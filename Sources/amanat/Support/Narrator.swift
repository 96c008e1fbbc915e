import Foundation

/// Prints a narrated story to standard output: numbered steps, indented details.
struct Narrator {
    private var step = 0

    /// Starts a new numbered step.
    mutating func step(_ title: String) {
        step += 1
        print("\n\(step). \(title)")
    }

    /// An indented detail line under the current step.
    func detail(_ text: String) {
        print("   \(text)")
    }

    /// A detail marked as a check that passed.
    func ok(_ text: String) {
        print("   ✓ \(text)")
    }
}

/// Writes `amanat: error: MESSAGE` to standard error.
func reportError(_ message: String) {
    FileHandle.standardError.write(Data("amanat: error: \(message)\n".utf8))
}
