/// Every error AmanatCrypto throws. Messages say what happened and what to do next, and never
/// contain key material, passphrases or plaintext: only public names such as file paths.
public enum AmanatCryptoError: Error, Equatable, Sendable {
    /// A key, nonce, salt or similar input had the wrong length.
    case invalidLength(what: String, expected: Int, actual: Int)
    /// Decryption failed: the data was modified, damaged, or encrypted for another key.
    case authenticationFailed(what: String)
    /// An encrypted stream ended before its final chunk.
    case truncated(what: String)
    /// Bytes followed the end of an encrypted stream or structure.
    case trailingData(what: String)
    /// A text encoding (hex, base64url, base32, public key string) was malformed.
    case invalidEncoding(what: String, reason: String)
    /// A public key string's checksum did not match: most likely a typo or a truncated copy.
    case checksumMismatch
    /// A format version this build does not understand.
    case unsupportedVersion(what: String, version: Int)
    /// A file that is not an Amanat identity file.
    case notAnIdentityFile(path: String)
    /// The passphrase did not unlock the identity file (or the file is damaged).
    case wrongPassphrase(path: String)
    /// An identity file that other users can read or write.
    case insecurePermissions(path: String, mode: UInt32)
    /// Stored Argon2id parameters outside the range this build accepts.
    case parametersOutOfRange(what: String)
    /// Stored Argon2id parameters weaker than the floor (`Argon2id.Parameters.storageFloor`).
    case parametersTooWeak(what: String, opsLimit: UInt64, memLimit: UInt64)
    /// An X25519 public key that is all zero, a low-order point or not canonical, so sealing to it or
    /// agreeing a key with it would give an all-zero or attacker-known secret.
    case weakPublicKey
    /// An Ed25519 public key that is not a canonical point of the prime-order subgroup.
    case invalidSigningKey
    /// Padding that does not follow ISO/IEC 7816-4.
    case invalidPadding
    /// A signature that does not verify.
    case invalidSignature
    /// Secure memory could not be allocated.
    case outOfMemory(bytes: Int)
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// An argument a caller passed was not acceptable.
    case invalidArgument(String)
}

extension AmanatCryptoError: CustomStringConvertible {
    /// A one-line message a non-expert can act on.
    public var description: String {
        switch self {
        case .invalidLength(let what, let expected, let actual):
            return "\(what) must be \(expected) bytes long, but it is \(actual); check that the whole value was copied"
        case .authenticationFailed(let what):
            return "could not open \(what): it was modified, damaged, or encrypted for a different key"
        case .truncated(let what):
            return
                "\(what) is cut short: its end is missing, so nothing from it can be trusted; copy the complete file "
                + "again"
        case .trailingData(let what):
            return "\(what) has unexpected data after its end: it was tampered with or damaged"
        case .invalidEncoding(let what, let reason):
            return "\(what) is not valid: \(reason)"
        case .checksumMismatch:
            return
                "this public key has a typo or is incomplete (its checksum does not match); ask its owner to send it "
                + "again"
        case .unsupportedVersion(let what, let version):
            return
                "\(what) uses format version \(version), which this version of Amanat does not understand; update "
                + "Amanat"
        case .notAnIdentityFile(let path):
            return "\(path) is not an Amanat identity file"
        case .wrongPassphrase(let path):
            return "the passphrase does not unlock \(path) (or the file is damaged)"
        case .insecurePermissions(let path, let mode):
            let octal = String(mode & 0o777, radix: 8)
            return "\(path) can be read by other users (mode \(octal)); protect it with: chmod 600 \(path)"
        case .parametersOutOfRange(let what):
            return
                "\(what) has key-stretching parameters outside the accepted range: the file is damaged or was not "
                + "made by Amanat"
        case .parametersTooWeak(let what, let ops, let mem):
            let floor = Argon2id.Parameters.interactive
            return
                "\(what) uses key-stretching parameters (\(ops) passes, \(mem / 1024) KiB) weaker than the minimum "
                + "Amanat "
                + "accepts (\(floor.opsLimit) passes, \(floor.memLimit >> 20) MiB): it was made for tests or by "
                + "another tool; "
                + "create it again with a release build of Amanat"
        case .weakPublicKey:
            return
                "this encryption key is invalid (all zero, a low-order point or not in canonical form, which no real "
                + "key is); "
                + "ask its owner for their real key"
        case .invalidSigningKey:
            return "this signing key is invalid (not a canonical point of the Ed25519 group, which no real key is); "
                + "ask its owner for their real key"
        case .invalidPadding:
            return "the decrypted data has invalid padding: it was damaged or tampered with"
        case .invalidSignature:
            return "the signature does not match: the data was changed or was signed by someone else"
        case .outOfMemory(let bytes):
            return
                "could not allocate \(bytes) bytes of protected memory; close other programs or raise the "
                + "locked-memory limit (ulimit -l)"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .invalidArgument(let message):
            return message
        }
    }
}
