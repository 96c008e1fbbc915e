import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import AmanatVault
import Foundation

/// Reading and writing redaction plan files (JSON, mode 600: they hold the real names).
enum PlanFile {
    /// Writes `plan` to a new file at `path`, readable by its owner only, and says what is in it.
    static func write(_ plan: RedactionPlan, to path: String) throws {
        var data = try PlanDocument.encode(plan)
        defer { data.resetBytes(in: 0..<data.count) }
        let writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: false)
        } catch let error as AmanatCryptoError {
            if FileManager.default.fileExists(atPath: path) {
                throw CLIError.usage(
                    "\(path) already exists", hint: "choose another file name, or delete the old plan first")
            }
            throw error
        }
        try data.withUnsafeBytes { try writer.write($0) }
        try [UInt8(10)].withUnsafeBytes { try writer.write($0) }
        try writer.commit()
        print("Wrote the plan to \(path): \(plan.spans.count) spans: \(summary(of: plan)).")
        print("It holds the real names: it is readable by you only; delete it once the excerpt is published.")
    }

    /// "3 remove, 2 pseudonymise, 1 generalise, 0 keep, 0 undecided".
    static func summary(of plan: RedactionPlan) -> String {
        var counts: [RedactionPlan.Action: Int] = [:]
        for span in plan.spans { counts[span.action, default: 0] += 1 }
        return RedactionPlan.Action.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
    }

    /// Reads a plan file (refusing one other users can read): its bytes, in protected memory, and the plan.
    static func read(_ path: String) throws -> (plan: RedactionPlan, bytes: SecretBytes) {
        let bytes = try SecretInput.readSecretFile(path)
        do {
            return (try PlanDocument.decode(bytes), bytes)
        } catch let error as PublicationError {
            throw CLIError.usage("\(path): \(error)", hint: error.hint)
        }
    }
}
