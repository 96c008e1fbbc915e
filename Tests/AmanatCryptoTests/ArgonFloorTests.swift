import Foundation
import Testing

@testable import AmanatCrypto

/// Argon2id parameters read from storage are refused below libsodium's INTERACTIVE level unless the
/// debug-only test switch is on. The tests pass the switch explicitly, because other suites in the
/// same process turn the environment variable on.
@Suite("Argon2id storage floor")
struct ArgonFloorTests {
    @Test("the floor is libsodium's INTERACTIVE, 2 passes and 64 MiB")
    func floorIsInteractive() {
        #expect(Argon2id.Parameters.storageFloor == .interactive)
        #expect(Argon2id.Parameters.interactive.meetsStorageFloor)
        #expect(Argon2id.Parameters.moderate.meetsStorageFloor)
        #expect(!Argon2id.Parameters.minimumForTesting.meetsStorageFloor)
    }

    @Test(
        "stored parameters weaker than the floor in passes or in memory are refused, naming both",
        arguments: [(1, 8192), (1, 1 << 30), (2, (64 << 20) - 1024), (32, 32 << 20), (1, 64 << 20)]
            as [(UInt64, UInt64)])
    func weakRefused(ops: UInt64, mem: UInt64) throws {
        #expect(throws: AmanatCryptoError.parametersTooWeak(what: "vault settings", opsLimit: ops, memLimit: mem)) {
            try Argon2id.Parameters.validatedFromStorage(
                opsLimit: ops, memLimit: mem, what: "vault settings", allowingWeak: false)
        }
        let message = AmanatCryptoError.parametersTooWeak(what: "vault settings", opsLimit: ops, memLimit: mem)
            .description
        #expect(
            message.contains("vault settings") && message.contains("\(ops) passes")
                && message.contains("2 passes, 64 MiB"))
    }

    @Test("the floor and stronger parameters are accepted; out-of-range ones stay refused even with the switch")
    func strongAccepted() throws {
        for (ops, mem) in [(UInt64(2), UInt64(64 << 20)), (3, 256 << 20), (4, 1 << 30), (2, 1 << 31)] {
            let parameters = try Argon2id.Parameters.validatedFromStorage(
                opsLimit: ops, memLimit: mem, what: "x", allowingWeak: false)
            #expect(parameters.opsLimit == ops && parameters.memLimit == mem)
        }
        #expect(throws: AmanatCryptoError.parametersOutOfRange(what: "x")) {
            try Argon2id.Parameters.validatedFromStorage(opsLimit: 0, memLimit: 8192, what: "x", allowingWeak: true)
        }
        #expect(
            try Argon2id.Parameters.validatedFromStorage(opsLimit: 1, memLimit: 8192, what: "x", allowingWeak: true)
                == .minimumForTesting)
    }

    @Test("an identity file with test parameters is refused by readers that keep the floor, before Argon2id runs")
    func identityFileRefused() throws {
        let passphrase = SecretBytes(utf8: "correct horse")
        let bytes = try IdentityFile.encode(Identity(), passphrase: passphrase, parameters: .minimumForTesting)
        let refusal = AmanatCryptoError.parametersTooWeak(what: "lawyer.id", opsLimit: 1, memLimit: 8192)
        #expect(throws: refusal) {
            try IdentityFile.decode(bytes, passphrase: passphrase, path: "lawyer.id", allowingWeakParameters: false)
        }
        #expect(throws: refusal) {
            try IdentityFile.publicKey(of: bytes, path: "lawyer.id", allowingWeakParameters: false)
        }
        // The refusal comes from the header alone: the wrong passphrase does not change it.
        #expect(throws: refusal) {
            try IdentityFile.decode(
                bytes, passphrase: SecretBytes(utf8: "wrong"), path: "lawyer.id", allowingWeakParameters: false)
        }
        #expect(
            try IdentityFile.decode(bytes, passphrase: passphrase, path: "lawyer.id", allowingWeakParameters: true)
                .publicKey
                == IdentityFile.publicKey(of: bytes, path: "lawyer.id", allowingWeakParameters: true))
    }

    @Test("the switch is the environment variable in a debug build", .enabled(if: isDebugBuild))
    func switchFollowsEnvironment() {
        // Other suites only ever set it to "1"; this only checks the "1" side, to stay race-free.
        setenv("AMANAT_TEST_WEAK_KEYS", "1", 1)
        #expect(Argon2id.weakParametersAllowed)
    }

    @Test("a release build has no switch: the variable changes nothing", .enabled(if: !isDebugBuild))
    func noSwitchInRelease() {
        setenv("AMANAT_TEST_WEAK_KEYS", "1", 1)
        #expect(!Argon2id.weakParametersAllowed)
    }
}

/// Whether the tests were compiled in a debug build (where AmanatCrypto is too: SwiftPM builds both alike).
let isDebugBuild: Bool = {
    #if DEBUG
    return true
    #else
    return false
    #endif
}()
