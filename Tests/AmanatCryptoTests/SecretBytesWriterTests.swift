import AmanatCrypto
import Testing

/// Decrypted content that must be whole before it is parsed (a bundle manifest) is collected in
/// protected memory, and base64url keys are decoded straight into it.
@Suite("Secret writers and decoders")
struct SecretBytesWriterTests {
    @Test(
        "a secret stream decrypts into SecretBytesWriter, growing past its first buffer, byte for byte",
        arguments: [0, 1, 4095, 4096, 4097, 70_000, 200_001])
    func streamIntoSecret(size: Int) throws {
        let key = SymmetricKey()
        let plaintext = randomBytes(size)
        var source = MemoryReader(plaintext)
        var cipher = MemoryWriter()
        _ = try SecretStream.encrypt(from: &source, to: &cipher, using: key)
        var reader = MemoryReader(cipher.bytes)
        var writer = SecretBytesWriter(limit: cipher.bytes.count)
        _ = try SecretStream.decrypt(from: &reader, to: &writer, using: key)
        #expect(writer.secret == SecretBytes(copying: plaintext))
    }

    @Test("the writer refuses content longer than its limit, in one piece or several")
    func limit() throws {
        var writer = SecretBytesWriter(limit: 10, what: "the manifest")
        try [UInt8](repeating: 7, count: 6).withUnsafeBytes { try writer.write($0) }
        #expect(throws: AmanatCryptoError.trailingData(what: "the manifest")) {
            try [UInt8](repeating: 7, count: 5).withUnsafeBytes { try writer.write($0) }
        }
        try [UInt8](repeating: 8, count: 4).withUnsafeBytes { try writer.write($0) }
        #expect(writer.secret == SecretBytes(copying: [UInt8](repeating: 7, count: 6) + [8, 8, 8, 8]))
        var empty = SecretBytesWriter(limit: 0)
        #expect(throws: AmanatCryptoError.self) { try [UInt8(1)].withUnsafeBytes { try empty.write($0) } }
        #expect(empty.secret.count == 0)
    }

    @Test("Base64URL.decodeSecret gives the bytes decode gives, and refuses what decode refuses")
    func base64Secret() throws {
        for size in [0, 1, 2, 3, 31, 32, 33, 100] {
            let bytes = randomBytes(size)
            let text = Base64URL.encode(bytes)
            #expect(try Base64URL.decodeSecret(text) == SecretBytes(copying: try Base64URL.decode(text)))
            #expect(try Base64URL.decodeSecret(text).publicBytes == bytes)
        }
        for bad in ["a", "ab=", "a+b/", "ab c", "AB", "AAB"] where (try? Base64URL.decode(bad)) == nil {
            #expect(throws: AmanatCryptoError.self, "\(bad)") { try Base64URL.decodeSecret(bad) }
        }
        #expect(throws: AmanatCryptoError.self) { try Base64URL.decodeSecret("a+b/") }
    }
}
