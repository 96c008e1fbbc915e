import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

/// One vector file under Vectors/: where the values come from, and the vectors themselves.
struct VectorFile<Vector: Decodable>: Decodable {
    let source: String
    let comment: String
    let vectors: [Vector]

    /// Loads `Vectors/<name>.json` from the test bundle.
    static func load(_ name: String) throws -> [Vector] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors"),
            "missing vector file \(name).json")
        let file = try JSONDecoder().decode(VectorFile<Vector>.self, from: Data(contentsOf: url))
        #expect(!file.source.isEmpty, "every vector file names its source")
        #expect(!file.vectors.isEmpty)
        return file.vectors
    }
}

/// What a vector says must happen.
enum Expectation: String, Decodable {
    case success
    case failure
}

/// Hex from a vector file.
func hex(_ text: String) -> [UInt8] {
    (try? Hex.decode(text))
        ?? {
            Issue.record("bad hex in a vector: \(text.prefix(16))…")
            return []
        }()
}

/// Random bytes for round-trip tests.
func randomBytes(_ count: Int) -> [UInt8] { SecureRandom.bytes(count) }

/// Every single-byte change of `bytes`: each position XORed with 0x01 and with 0xFF.
func singleByteFlips(of bytes: [UInt8]) -> [(position: Int, mask: UInt8, bytes: [UInt8])] {
    var out: [(Int, UInt8, [UInt8])] = []
    for position in bytes.indices {
        for mask: UInt8 in [0x01, 0xFF] {
            var copy = bytes
            copy[position] ^= mask
            out.append((position, mask, copy))
        }
    }
    return out
}
