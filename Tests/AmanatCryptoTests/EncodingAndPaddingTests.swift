import AmanatCrypto
import Testing

@Suite("Codecs, padding, size buckets and key derivation")
struct EncodingAndPaddingTests {
    @Test("hex, base64url and base32 round-trip for every length 0..100")
    func roundTrips() throws {
        for length in 0...100 {
            let bytes = randomBytes(length)
            #expect(try Hex.decode(Hex.encode(bytes)) == bytes)
            #expect(try Hex.decode(Hex.encode(bytes).uppercased()) == bytes)
            #expect(try Hex.decodeSecret(Array(Hex.encode(bytes).utf8)).publicBytes == bytes)
            #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
            #expect(try Base32.decode(Base32.encode(bytes)) == bytes)
            #expect(try Base32.decode(Base32.encode(bytes, uppercase: true)) == bytes)
        }
    }

    @Test("RFC 4648 §10 test vectors for base32 and base64url")
    func rfc4648() throws {
        // RFC 4648 section 10, with padding removed and lowercase for base32.
        let base32 = [
            "": "", "f": "my", "fo": "mzxq", "foo": "mzxw6", "foob": "mzxw6yq", "fooba": "mzxw6ytb",
            "foobar": "mzxw6ytboi",
        ]
        let base64 = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in base32 { #expect(Base32.encode(Array(plain.utf8)) == encoded) }
        for (plain, encoded) in base64 { #expect(Base64URL.encode(Array(plain.utf8)) == encoded) }
        #expect(Hex.encode(Array("foobar".utf8)) == "666f6f626172")
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
    }

    @Test("strict decoders refuse everything that is not canonical")
    func strictness() {
        for bad in ["0", "0g", "0x00", " 00", "00 ", "zz", "é0"] {
            #expect(throws: AmanatCryptoError.self, "hex \(bad)") { try Hex.decode(bad) }
        }
        for bad in ["Zg==", "Zm9v+", "Zm9v/", "Z", "Zh", "Zm 9v", "Zm9v\n", "Zm9" + "!"] {
            #expect(throws: AmanatCryptoError.self, "base64url \(bad)") { try Base64URL.decode(bad) }
        }
        for bad in ["m", "mz", "mzx", "mzxw6yr", "mzxw60", "mzxw1", "mzxw6=", "mzx w6"] {
            #expect(throws: AmanatCryptoError.self, "base32 \(bad)") { try Base32.decode(bad) }
        }
    }

    @Test("padding round-trips and rejects damage")
    func padding() throws {
        for length in [0, 1, 15, 16, 17, 255, 256, 1000] {
            let plaintext = SecretBytes(copying: randomBytes(length))
            let padded = Padding.pad(plaintext, toMultipleOf: 16)
            #expect(padded.count % 16 == 0 && padded.count > length)
            #expect(try Padding.unpad(padded, blockSize: 16) == plaintext)
            let bucketed = Padding.padToBucket(plaintext)
            #expect(bucketed.count == SizeBucket.bucket(for: length + 1))
            #expect(try Padding.unpad(bucketed, blockSize: bucketed.count) == plaintext)
        }
        #expect(throws: AmanatCryptoError.invalidPadding) {
            try Padding.unpad(SecretBytes(copying: [UInt8](repeating: 0, count: 16)), blockSize: 16)
        }
        #expect(throws: AmanatCryptoError.invalidPadding) {
            try Padding.unpad(SecretBytes(copying: [UInt8](repeating: 0, count: 15)), blockSize: 16)
        }
    }

    @Test("size buckets: worked examples from Docs/format.md and the Padmé properties for every size to 1 MiB")
    func sizeBuckets() {
        #expect(SizeBucket.bucket(for: 0) == 256)
        #expect(SizeBucket.bucket(for: 256) == 256)
        #expect(SizeBucket.bucket(for: 1000) == 1024)
        #expect(SizeBucket.bucket(for: 5000) == 5120)
        var previous = 0
        var buckets = Set<Int>()
        for size in stride(from: 0, through: 1 << 20, by: 7) {
            let bucket = SizeBucket.bucket(for: size)
            #expect(bucket >= size && bucket >= previous)
            // Padmé with a 256-byte floor: above the floor the overhead is at most 1/16 (Docs/crypto.md §12).
            if size > 256 { #expect(Double(bucket) <= Double(size) * 1.0625, "size \(size) -> \(bucket)") }
            previous = bucket
            buckets.insert(bucket)
        }
        // Far fewer distinct stored sizes than real sizes: that is what hides the length.
        #expect(buckets.count < 600)
    }

    @Test("crypto_kdf subkeys differ by id and context and are deterministic")
    func keyDerivation() throws {
        let master = SecretBytes(randomCount: 32)
        let a = KeyDerivation.Context("AMNTTEST")
        let b = KeyDerivation.Context("AMNTOTHR")
        let k1 = try KeyDerivation.deriveSubkey(from: master, id: 1, context: a)
        #expect(k1 == (try KeyDerivation.deriveSubkey(from: master, id: 1, context: a)))
        #expect(k1 != (try KeyDerivation.deriveSubkey(from: master, id: 2, context: a)))
        #expect(k1 != (try KeyDerivation.deriveSubkey(from: master, id: 1, context: b)))
        #expect(try KeyDerivation.deriveSubkey(from: master, id: 1, context: a, length: 64).count == 64)
        #expect(throws: AmanatCryptoError.self) {
            try KeyDerivation.deriveSubkey(from: SecretBytes(randomCount: 16), id: 1, context: a)
        }
        #expect(throws: AmanatCryptoError.self) {
            try KeyDerivation.deriveSubkey(from: master, id: 1, context: a, length: 8)
        }
    }

    @Test("every error message is one line and names no secret")
    func errorMessages() {
        let errors: [AmanatCryptoError] = [
            .invalidLength(what: "an X25519 public key", expected: 32, actual: 31),
            .authenticationFailed(what: "record 1"),
            .truncated(what: "a.bin"), .trailingData(what: "a.bin"), .invalidEncoding(what: "the key", reason: "bad"),
            .checksumMismatch, .unsupportedVersion(what: "a.id", version: 9), .notAnIdentityFile(path: "a"),
            .wrongPassphrase(path: "a.id"), .insecurePermissions(path: "a.id", mode: 0o644),
            .parametersOutOfRange(what: "a.id"),
            .parametersTooWeak(what: "a.id", opsLimit: 1, memLimit: 8192), .invalidSigningKey,
            .weakPublicKey, .invalidPadding, .invalidSignature, .outOfMemory(bytes: 1), .io(path: "a", reason: "b"),
            .invalidArgument("x"),
        ]
        for error in errors {
            let text = error.description
            #expect(!text.isEmpty && !text.contains("\n"), "\(text)")
        }
    }
}
