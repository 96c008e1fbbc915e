import Foundation
import Testing

/// The labelled corpus (Tests/AmanatRedactionTests/Corpus), scored through `amanat redact --json` exactly
/// as `make eval-redaction` does, against the targets: every case term and identifier found,
/// removal precision at least 90 %, every must-stay word kept, and review candidates finding at least as
/// many names not on the list as natasha's Russian NER does.
@Suite("The labelled corpus")
struct CorpusEvaluationTests {
    @Test("amanat redact meets the targets on the corpus, and matches or beats natasha on names not on the list")
    func corpus() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates: [String?] = [ProcessInfo.processInfo.environment["AMANAT_INTEROP_PYTHON"], repository.appendingPathComponent(".venv/bin/python3").path]
        let python = try #require(candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "no Python with natasha: run `make test`, which installs it into .venv")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [repository.appendingPathComponent("Scripts/eval-redaction.py").path, "--amanat", CLI.binary, "--require-natasha-parity"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("corpus: ") && text.contains("natasha"), "\(text)")
    }
}
