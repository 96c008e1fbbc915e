@_spi(Fuzzing) import AmanatCrypto
import Foundation

extension FuzzTarget {
    /// Public key strings (`amanat1…`, Docs/format.md §6): refused, or accepted only as the one string that
    /// encodes the key (spaces and letter case aside), so that no two strings a person could be shown name one key.
    static let publicKey = FuzzTarget(name: "public-key", reads: "public key strings (format.md §6)") { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        guard let key = try? Identity.PublicKey(string: text) else { return .refused }
        let typed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        try require(typed.lowercased() == key.stringRepresentation, "a second spelling of one key was accepted")
        try require((try? Identity.PublicKey(string: key.stringRepresentation)) == key, "a key does not read back")
        return .accepted
    }

    /// Identity files (format.md §5) opened with the right passphrase: the AEAD covers every byte, so only a
    /// file this tool wrote (a seed, byte for byte) may open, and reading its public key alone must agree.
    static let identityFile = FuzzTarget(name: "identity-file", reads: "identity files (format.md §5)") { bytes in
        FuzzFixtures.allowTestingParameters()
        let header = try? IdentityFile.publicKey(of: bytes)
        // A file may ask for up to 2 GiB and 32 passes (format.md §5), which the product grants; the fuzzer
        // stops at 64 MiB and 4 passes, or one input would take the whole run (its header is still read above).
        if let asked = try? IdentityFile.parameters(of: bytes), asked.opsLimit > 4 || asked.memLimit > 64 << 20 {
            return .refused
        }
        guard let identity = try? IdentityFile.decode(bytes, passphrase: FuzzFixtures.passphrase) else {
            return .refused
        }
        try require(FuzzFixtures.seeds("identity-file").contains(bytes), "a file the tool never wrote opened")
        try require(header == identity.publicKey, "the public key read alone differs from the identity's")
        return .accepted
    }
}
