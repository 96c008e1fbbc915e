import AmanatCrypto
import Foundation
import Testing

@Suite("Streaming encryption of bytes that arrive in pieces")
struct SealerTests {
    /// Seals `plaintext` handed over in pieces of the given sizes (cycled).
    static func seal(_ plaintext: [UInt8], pieces: [Int], key: SymmetricKey, pad: Int? = nil) throws -> [UInt8] {
        var sealer = try SecretStream.Sealer(to: MemoryWriter(), using: key, chunkSize: StreamTests.chunk)
        var offset = 0, index = 0
        while offset < plaintext.count {
            let n = min(pieces[index % pieces.count], plaintext.count - offset)
            try plaintext.withUnsafeBytes {
                try sealer.write(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + n)]))
            }
            offset += n
            index += 1
        }
        if let pad { try sealer.pad(to: pad) }
        try sealer.finish()
        return sealer.destination.bytes
    }

    @Test(
        "any split of the input gives a stream of the same layout that decrypts to the input",
        arguments: [
            0, 1, StreamTests.chunk - 1, StreamTests.chunk, StreamTests.chunk + 1, 3 * StreamTests.chunk,
            5 * StreamTests.chunk + 77,
        ])
    func splits(size: Int) throws {
        let key = SymmetricKey()
        let plaintext = randomBytes(size)
        for pieces in [[1], [7, 1000, 3], [StreamTests.chunk], [StreamTests.chunk * 3 + 5], [size + 1]] {
            let sealed = try Self.seal(plaintext, pieces: pieces, key: key)
            #expect(
                sealed.count == SecretStream.encryptedSize(plaintextSize: size, chunkSize: StreamTests.chunk),
                "pieces \(pieces)")
            #expect(try StreamTests.decrypt(sealed, key: key) == plaintext)
        }
    }

    @Test("padding to a size writes zeros after the content; an unfinished stream is refused as truncated")
    func paddingAndTruncation() throws {
        let key = SymmetricKey()
        let plaintext = randomBytes(1500)
        let padded = try StreamTests.decrypt(try Self.seal(plaintext, pieces: [100], key: key, pad: 4096), key: key)
        #expect(padded.count == 4096 && Array(padded[..<1500]) == plaintext && padded[1500...].allSatisfy { $0 == 0 })
        var unfinished = try SecretStream.Sealer(to: MemoryWriter(), using: key, chunkSize: StreamTests.chunk)
        try plaintext.withUnsafeBytes { try unfinished.write($0) }
        #expect(throws: AmanatCryptoError.self) { try StreamTests.decrypt(unfinished.destination.bytes, key: key) }
    }
}
