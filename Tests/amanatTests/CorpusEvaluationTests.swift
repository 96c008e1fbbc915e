import AmanatTestSupport
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
        let (status, output, errors) = try TestPython.run(
            "Scripts/eval-redaction.py", ["--amanat", CLI.binary, "--require-natasha-parity"])
        let text = output + errors
        #expect(status == 0, "\(text)")
        #expect(text.contains("corpus: ") && text.contains("natasha"), "\(text)")
    }
}
