import AmanatCrypto
import AmanatPublication
import AmanatVault
import Foundation
import Testing

/// The publishable files against committed vectors (Vectors/projection.{md,html,json}): a projection signed
/// with the trivial key of Docs/format.md Appendix A, rendered in each format.
@Suite("Projection files and their envelope")
struct ProjectionFileTests {
    /// The Ed25519 seed of the vectors (bytes 32..63, as in format.md Appendix A): never use it for anything.
    static let seed = Array(UInt8(32)..<UInt8(64))

    static func signer() throws -> Ed25519.PrivateKey { try Ed25519.PrivateKey(seed: SecretBytes(copying: seed)) }

    /// The vectors' projection, made and signed here: every field fixed, so the signature is too.
    static func projection() throws -> Projection {
        let key = try signer()
        let fields: [String: Any] = [
            "format": "amanat-projection", "version": 1, "id": "00112233445566778899aabbccddeeff",
            "case": "Case 14 <b>&amp;</b> *1*", "language": "ru", "period": "2016-03", "published": "2026-12-02",
            "text": "Мой сын [Человек КХ] ушёл [март 2016] из дома в "
                + "[Ингушетия].\n\nСосед [redacted] видел машину.\n"
                + "Строка с `кодом`, <тегом> и & знаком.",
            "publisher": Base64URL.encode(key.publicKey.rawRepresentation), "signature": "",
        ]
        var projection = try JSONDecoder().decode(Projection.self, from: JSONSerialization.data(withJSONObject: fields))
        projection.signature = Base64URL.encode(key.signature(for: try projection.signedStatement()))
        return projection
    }

    static func vector(_ format: ProjectionFile.Format) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "projection", withExtension: format.rawValue, subdirectory: "Vectors"))
        return try Data(contentsOf: url)
    }

    @Test(
        "each format renders to the committed bytes, and the committed file verifies",
        arguments: ProjectionFile.Format.allCases)
    func vectors(format: ProjectionFile.Format) throws {
        let projection = try Self.projection()
        let rendered = Data(try ProjectionFile.render(projection, as: format).utf8)
        if ProcessInfo.processInfo.environment["AMANAT_WRITE_VECTORS"] == "1" {
            let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")
            try rendered.write(to: folder.appendingPathComponent("projection.\(format.rawValue)"))
        }
        let committed = try Self.vector(format)
        #expect(rendered == committed)
        let (verified, found) = try ProjectionFile.verify(committed, signer: try Self.signer().publicKey)
        #expect(verified == projection && found == format)
        // The one escaper: markup in the label and the text is shown, never interpreted.
        if format == .html {
            let page = String(decoding: committed, as: UTF8.self)
            #expect(page.contains("Case 14 &lt;b&gt;&amp;amp;&lt;/b&gt; *1*") && !page.contains("<b>"))
            #expect(page.contains("&lt;тегом&gt; и &amp; знаком"))
        }
    }

    @Test("any changed byte, another signer, or a missing envelope fails", arguments: ProjectionFile.Format.allCases)
    func tampering(format: ProjectionFile.Format) throws {
        let committed = [UInt8](try Self.vector(format))
        let key = try Self.signer().publicKey
        var accepted: [Int] = []
        // Every byte of the smaller formats; every 7th of the HTML page, and all of its envelope.
        let envelopeStart = committed.count - 700
        for position in committed.indices where format != .html || position % 7 == 0 || position > envelopeStart {
            var changed = committed
            changed[position] ^= 0x01
            if (try? ProjectionFile.verify(Data(changed), signer: key)) != nil { accepted.append(position) }
        }
        #expect(accepted.isEmpty, "changed bytes accepted at \(accepted.prefix(5))")
        #expect(throws: (any Error).self) {
            try ProjectionFile.verify(Data(committed), signer: Ed25519.PrivateKey().publicKey)
        }
        if format != .json {
            let text = String(decoding: committed, as: UTF8.self)
            let cut = try #require(text.range(of: ProjectionFile.envelopeMarker))
            #expect(throws: PublicationError.self) {
                try ProjectionFile.verify(Data(text[..<cut.lowerBound].utf8), signer: key)
            }
        }
    }
}
