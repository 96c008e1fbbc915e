import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@Suite("Streaming encryption (Amanat stream v1)")
struct StreamTests {
    /// A small chunk keeps "many chunks" fast; the 64 KiB default is covered by the file and interop tests.
    static let chunk = 1024

    static func encrypt(_ plaintext: [UInt8], key: SymmetricKey, chunk: Int = chunk) throws -> [UInt8] {
        var reader = MemoryReader(plaintext)
        var writer = MemoryWriter()
        try SecretStream.encrypt(from: &reader, to: &writer, using: key, chunkSize: chunk)
        return writer.bytes
    }

    static func decrypt(_ ciphertext: [UInt8], key: SymmetricKey, chunk: Int = chunk) throws -> [UInt8] {
        var reader = MemoryReader(ciphertext)
        var writer = MemoryWriter()
        try SecretStream.decrypt(from: &reader, to: &writer, using: key, chunkSize: chunk)
        return writer.bytes
    }

    @Test(
        "round trip at 0, 1, chunk-1, chunk, chunk+1 and many chunks",
        arguments: [0, 1, chunk - 1, chunk, chunk + 1, 2 * chunk, 7 * chunk + 13, 64 * chunk])
    func roundTrip(size: Int) throws {
        let key = SymmetricKey()
        let plaintext = randomBytes(size)
        let ciphertext = try Self.encrypt(plaintext, key: key)
        #expect(ciphertext.count == SecretStream.encryptedSize(plaintextSize: size, chunkSize: Self.chunk))
        #expect(try Self.decrypt(ciphertext, key: key) == plaintext)
    }

    @Test("reads that come in small pieces (as from a pipe) give the same stream")
    func shortReads() throws {
        struct Trickle: ByteReader {
            var inner: MemoryReader
            mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                try inner.read(
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(Int(SecureRandom.uniform(7)) + 1)))
            }
        }
        let key = SymmetricKey()
        let plaintext = randomBytes(5 * Self.chunk + 3)
        var reader = Trickle(inner: MemoryReader(plaintext))
        var writer = MemoryWriter()
        try SecretStream.encrypt(from: &reader, to: &writer, using: key, chunkSize: Self.chunk)
        var back = Trickle(inner: MemoryReader(writer.bytes))
        var out = MemoryWriter()
        try SecretStream.decrypt(from: &back, to: &out, using: key, chunkSize: Self.chunk)
        #expect(out.bytes == plaintext)
    }

    @Test("every single-byte change anywhere in a stream is rejected")
    func everyByteFlip() throws {
        let key = SymmetricKey()
        let ciphertext = try Self.encrypt(randomBytes(2 * 64 + 10), key: key, chunk: 64)
        for flip in singleByteFlips(of: ciphertext) {
            #expect(throws: AmanatCryptoError.self, "byte \(flip.position) ^ \(flip.mask)") {
                try Self.decrypt(flip.bytes, key: key, chunk: 64)
            }
        }
    }

    @Test("truncation at every frame boundary and at every byte is rejected as truncated")
    func truncation() throws {
        let key = SymmetricKey()
        let size = 3 * Self.chunk + 100
        let ciphertext = try Self.encrypt(randomBytes(size), key: key)
        let frame = Self.chunk + SecretStream.frameOverhead
        let boundaries = (0...3).map { SecretStream.headerSize + $0 * frame }
        for cut in boundaries {
            #expect(throws: AmanatCryptoError.truncated(what: "the encrypted stream"), "cut at \(cut)") {
                try Self.decrypt(Array(ciphertext.prefix(cut)), key: key)
            }
        }
        // Every other cut point in a small stream is rejected too (as truncated or unauthentic).
        let small = try Self.encrypt(randomBytes(150), key: key, chunk: 64)
        for cut in 0..<small.count {
            #expect(throws: AmanatCryptoError.self, "cut at \(cut)") {
                try Self.decrypt(Array(small.prefix(cut)), key: key, chunk: 64)
            }
        }
    }

    @Test("appended data, dropped, duplicated or reordered frames, and a wrong key are rejected")
    func extensionAndReordering() throws {
        let key = SymmetricKey()
        let ciphertext = try Self.encrypt(randomBytes(3 * Self.chunk + 5), key: key)
        // Appended bytes join the last frame, which then fails authentication.
        for appended in [[0], randomBytes(16), randomBytes(Self.chunk + 40), ciphertext] {
            #expect(throws: AmanatCryptoError.authenticationFailed(what: "the encrypted stream")) {
                try Self.decrypt(ciphertext + appended, key: key)
            }
        }

        let header = Array(ciphertext.prefix(SecretStream.headerSize))
        let frameSize = Self.chunk + SecretStream.frameOverhead
        var frames: [[UInt8]] = []
        var offset = SecretStream.headerSize
        while offset < ciphertext.count {
            frames.append(Array(ciphertext[offset..<min(offset + frameSize, ciphertext.count)]))
            offset += frameSize
        }
        #expect(frames.count == 4)
        let rearrangements: [[Int]] = [
            [1, 0, 2, 3], [0, 2, 1, 3], [0, 1, 3], [0, 0, 1, 2, 3], [0, 1, 2, 2, 3], [3], [0, 1, 2],
        ]
        for order in rearrangements {
            let tampered = header + order.flatMap { frames[$0] }
            #expect(throws: AmanatCryptoError.self, "frames \(order)") { try Self.decrypt(tampered, key: key) }
        }
        #expect(throws: AmanatCryptoError.self) { try Self.decrypt(ciphertext, key: SymmetricKey()) }
        // A different header (another stream's) does not open these frames.
        let other = try Self.encrypt(randomBytes(10), key: key)
        #expect(throws: AmanatCryptoError.self) {
            try Self.decrypt(Array(other.prefix(24)) + ciphertext.dropFirst(24), key: key)
        }
        // The chunk size is part of the format: decrypting with another one fails.
        #expect(throws: AmanatCryptoError.self) { try Self.decrypt(ciphertext, key: key, chunk: 2 * Self.chunk) }
    }

    @Test("files: the default 64 KiB chunking round-trips, writes 0600, and leaves no output on failure")
    func files() throws {
        let directory = try TemporaryDirectory()
        let plaintext = randomBytes(3 * SecretStream.defaultChunkSize + 77)
        try Data(plaintext).write(to: URL(fileURLWithPath: directory.file("in")))
        let key = SymmetricKey()
        #expect(
            try SecretStream.encryptFile(at: directory.file("in"), to: directory.file("enc"), using: key)
                == plaintext.count)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.file("enc"))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((attributes[.size] as? Int) == SecretStream.encryptedSize(plaintextSize: plaintext.count))
        try SecretStream.decryptFile(at: directory.file("enc"), to: directory.file("out"), using: key)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: directory.file("out")))) == plaintext)

        // A damaged last frame: the error is raised and no partial plaintext file is left behind.
        var damaged = try Array(Data(contentsOf: URL(fileURLWithPath: directory.file("enc"))))
        damaged[damaged.count - 1] ^= 1
        try Data(damaged).write(to: URL(fileURLWithPath: directory.file("bad")))
        #expect(throws: AmanatCryptoError.authenticationFailed(what: directory.file("bad"))) {
            try SecretStream.decryptFile(at: directory.file("bad"), to: directory.file("partial"), using: key)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasPrefix("partial")
        }
        #expect(leftovers.isEmpty, "partial plaintext left behind: \(leftovers)")
        // An existing output file is never overwritten unless asked.
        #expect(throws: AmanatCryptoError.self) {
            try SecretStream.decryptFile(at: directory.file("enc"), to: directory.file("out"), using: key)
        }
        #expect(throws: AmanatCryptoError.self) {
            try SecretStream.encryptFile(at: directory.file("missing"), to: directory.file("x"), using: key)
        }
    }

    @Test("unusable chunk sizes are refused")
    func chunkSizes() {
        #expect(throws: AmanatCryptoError.self) { try Self.encrypt([1], key: SymmetricKey(), chunk: 0) }
        #expect(throws: AmanatCryptoError.self) {
            try Self.encrypt([1], key: SymmetricKey(), chunk: SecretStream.maximumChunkSize + 1)
        }
    }
}
