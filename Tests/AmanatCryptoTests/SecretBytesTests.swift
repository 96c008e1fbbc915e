import Testing

@testable import AmanatCrypto

@Suite("Secret memory and sizes")
struct SecretBytesTests {
    @Test("every Swift size constant equals its libsodium function twin")
    func sizeTwins() {
        Sodium.ready()
        for twin in SizeTwins.all {
            #expect(twin.swift == twin.libsodium, "\(twin.name)")
        }
    }

    @Test("printed forms of a secret never contain its bytes")
    func printedFormsAreRedacted() {
        // A recognisable secret: the hex, decimal and ASCII forms are all searched for.
        let marker = Array("ZAIRA-SECRET-1998".utf8)
        let secret = SecretBytes(copying: marker)
        var dumped = ""
        dump(secret, to: &dumped)
        let forms = [
            String(describing: secret), String(reflecting: secret), "\(secret)", dumped, String(describing: [secret]),
        ]
        for form in forms {
            #expect(!form.contains("ZAIRA"), "printed form shows the secret: \(form)")
            #expect(!form.contains(Hex.encode(marker)), "printed form shows the secret in hex")
            #expect(!form.contains("90, 65, 73"), "printed form shows the secret's byte values")
            #expect(form.contains("redacted") || form.contains("count"), "printed form: \(form)")
        }
        #expect(String(describing: secret) == "SecretBytes(redacted, 17 bytes)")
        let key = SymmetricKey()
        #expect(!String(describing: key.rawRepresentation).contains(Hex.encode(key.rawRepresentation)))
    }

    @Test("equality is by content, whatever the length")
    func equality() {
        let a = SecretBytes(copying: [1, 2, 3] as [UInt8])
        #expect(a == SecretBytes(copying: [1, 2, 3] as [UInt8]))
        #expect(a != SecretBytes(copying: [1, 2, 4] as [UInt8]))
        #expect(a != SecretBytes(copying: [1, 2] as [UInt8]))
        #expect(SecretBytes(copying: [UInt8]()) == SecretBytes(copying: [UInt8]()))
        #expect(constantTimeEquals([9, 9] as [UInt8], [9, 9] as [UInt8]))
        #expect(!constantTimeEquals([9, 9] as [UInt8], [9, 8] as [UInt8]))
        #expect(!constantTimeEquals([9] as [UInt8], [9, 9] as [UInt8]))
    }

    @Test("a throwing initializer frees the memory and passes the error on")
    func throwingInitializer() {
        struct Boom: Error {}
        #expect(throws: Boom.self) { try SecretBytes(count: 32) { _ in throw Boom() } }
    }

    @Test("random secrets differ and have the asked length")
    func randomSecrets() {
        let a = SecretBytes(randomCount: 32)
        let b = SecretBytes(randomCount: 32)
        #expect(a.count == 32 && a != b)
        #expect(SecureRandom.bytes(0).isEmpty)
        #expect(Set((0..<200).map { _ in SecureRandom.uniform(4) }) == [0, 1, 2, 3])
    }

    @Test("slices and UTF-8 text")
    func slicesAndText() {
        let s = SecretBytes(utf8: "Заира")
        #expect(s.count == 10)
        #expect(s.unprotectedString() == "Заира")
        #expect(s.slice(0..<2).publicBytes == Array("З".utf8))
        #expect(s.slice(10..<10).count == 0)
    }
}

@Suite("Pooled secret memory")
struct SecretSlabTests {
    @Test("a released secret's memory is wiped before it is handed out again")
    func reuseIsWiped() {
        for size in [1, 32, 64, 65, 200, 1000, 4096] {
            for _ in 0..<50 {
                _ = SecretBytes(copying: [UInt8](repeating: 0xA5, count: size))
            }
            // An initializer that writes nothing sees only zeros: no earlier secret shows through.
            let fresh = SecretBytes(count: size) { _ in }
            #expect(fresh.publicBytes.allSatisfy { $0 == 0 }, "size \(size)")
        }
    }

    @Test("many threads allocating and releasing secrets never see each other's bytes")
    func concurrentUse() async {
        await withTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var ok = true
                    for round in 0..<2000 {
                        let value = UInt8(truncatingIfNeeded: worker &* 31 &+ round)
                        let size = [16, 64, 100, 300, 2000][round % 5]
                        let secret = SecretBytes(copying: [UInt8](repeating: value, count: size))
                        ok = ok && secret.publicBytes.allSatisfy { $0 == value }
                    }
                    return ok
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

/// The process hardening `amanat serve` applies first (checked in a child process by the CLI tests too).
@Suite("Process hardening")
struct ProcessHardeningTests {
    @Test("core files are turned off and, on Linux, the process is no longer dumpable")
    func forbid() throws {
        try ProcessHardening.forbidCoreDumps()
        #expect(ProcessHardening.coreLimit == 0)
        #if os(Linux)
        #expect(!ProcessHardening.isDumpable)
        #endif
    }
}
