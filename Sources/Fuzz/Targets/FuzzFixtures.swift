import AmanatCrypto
import Foundation
import Synchronization

/// What the targets share: people with fixed keys (so that seeds made once stay valid), a scratch folder,
/// and the committed seeds, which some invariants need ("only a file this tool signed verifies").
enum FuzzFixtures {
    /// The vault's administrator: she signs settings, grants, bundles and audit entries.
    static let administrator = identity("the fuzzed vault's administrator", "administrator's signing key seed")
    /// A lawyer holding a read+publish grant: she opens bundles and signs projections.
    static let lawyer = identity("the fuzzed vault's lawyer: X2551", "the fuzzed vault's lawyer: Ed255")
    /// The passphrase of the identity-file seeds.
    static let passphrase = SecretBytes(utf8: "a passphrase the fuzzer never changes")

    /// Lets this (debug) process open the seeds, which use the fast Argon2id parameters for testing; a release
    /// build ignores the variable.
    static func allowTestingParameters() { setenv("AMANAT_TEST_WEAK_KEYS", "1", 1) }

    /// A folder of this process's own, for targets that must write their input to a file.
    static let scratch: String = {
        // In memory where the system offers it: SQLite's and the bundle writer's fsyncs then cost nothing.
        let memory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let path = memory + "amanat-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzFixtures.scratch) }
        return path
    }()

    /// Tests/Fuzz in this checkout (the seeds and regression inputs).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../Tests/Fuzz").standardized.path

    /// The seeds of `target`: those committed, and those `made(_:for:)` registered in this process.
    static func seeds(_ target: String) -> [[UInt8]] {
        let path = folder + "/" + target + "/seeds"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let committed = names.sorted().compactMap {
            FileManager.default.contents(atPath: path + "/" + $0).map(Array.init)
        }
        return committed + registered.withLock { $0[target] ?? [] }
    }

    /// Registers inputs the tool has just made (signed) as seeds of `target`, so that the targets accept them.
    static func made(_ inputs: [[UInt8]], for target: String) {
        registered.withLock { $0[target, default: []] += inputs }
    }

    private static let registered = Mutex<[String: [[UInt8]]]>([:])

    private static func identity(_ encryption: String, _ signing: String) -> Identity {
        // Keys for fuzzing only, never for a person: the text is public, in this file.
        // swift-format-ignore: NeverUseForceTry
        try! Identity(
            encryptionKey: X25519.PrivateKey(rawRepresentation: SecretBytes(utf8: encryption)),
            signingKey: Ed25519.PrivateKey(seed: SecretBytes(utf8: signing)))
    }
}
