/// Identity files: an identity's private keys encrypted under a passphrase (Argon2id, then
/// XChaCha20-Poly1305), with the public keys readable without the passphrase.
/// Byte layout "Identity file v1" in Docs/format.md; 210 bytes.
///
/// Files are written atomically with mode 0600, and reading refuses a file that other users can read
/// or write, telling the owner the `chmod` that fixes it.
public enum IdentityFile {
    /// The current (and only) version.
    public static let version: UInt8 = 1
    /// Total length of a version 1 file.
    public static let size = 210
    static let headerSize = 106  // magic .. Ed25519 public key: the associated data
    static let secretSize = 64  // X25519 secret || Ed25519 seed

    /// Encodes `identity` encrypted under `passphrase`.
    /// - Parameters:
    ///   - identity: the keys to protect.
    ///   - passphrase: UTF-8 bytes exactly as typed.
    ///   - parameters: Argon2id cost (default MODERATE: 3 passes, 256 MiB).
    /// - Returns: the 210 bytes of the file.
    /// - Throws: `AmanatCryptoError.outOfMemory` when the Argon2id memory cannot be had.
    public static func encode(
        _ identity: Identity, passphrase: some BytesView,
        parameters: Argon2id.Parameters = .moderate
    ) throws -> [UInt8] {
        try encode(
            identity, passphrase: passphrase, parameters: parameters,
            salt: SecureRandom.bytes(Argon2id.saltSize), nonce: SecureRandom.bytes(XChaCha20Poly1305.nonceSize))
    }

    /// `encode` with a chosen salt and nonce, so fixed vectors can pin the format byte for byte.
    /// Never call it with anything but fresh random values outside tests.
    static func encode(
        _ identity: Identity, passphrase: some BytesView, parameters: Argon2id.Parameters,
        salt: [UInt8], nonce: [UInt8]
    ) throws -> [UInt8] {
        var header = Labels.identityFileMagic
        header.append(version)
        header.append(Argon2id.algorithmIdentifier)
        header += littleEndianBytes(parameters.opsLimit) + littleEndianBytes(parameters.memLimit)
        header += salt
        header += identity.encryptionKey.publicKey.rawRepresentation
        header += identity.signingKey.publicKey.rawRepresentation
        assert(header.count == headerSize)

        let key = try SymmetricKey(
            rawRepresentation: Argon2id.deriveKey(from: passphrase, salt: salt, parameters: parameters))
        let secrets = SecretBytes(count: secretSize) { out in
            identity.encryptionKey.rawRepresentation.withUnsafeBytes {
                out.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 32)
            }
            identity.signingKey.seed.withUnsafeBytes {
                (out.baseAddress! + 32).copyMemory(from: $0.baseAddress!, byteCount: 32)
            }
        }
        return header + XChaCha20Poly1305.seal(secrets, using: key, nonce: nonce, associatedData: header)
    }

    /// Reads the public keys without the passphrase. They are not authenticated until the file is
    /// opened with its passphrase; use them to show who a file belongs to, not to trust it.
    /// - Throws: `AmanatCryptoError.notAnIdentityFile`, `.unsupportedVersion`, `.parametersOutOfRange`,
    ///   `.parametersTooWeak`, `.weakPublicKey`, `.invalidSigningKey`.
    public static func publicKey(of bytes: [UInt8], path: String = "the identity file") throws -> Identity.PublicKey {
        try publicKey(of: bytes, path: path, allowingWeakParameters: Argon2id.weakParametersAllowed)
    }

    /// `publicKey(of:path:)` with the Argon2id floor switch given explicitly (tests).
    static func publicKey(of bytes: [UInt8], path: String, allowingWeakParameters: Bool) throws -> Identity.PublicKey {
        try parseHeader(bytes, path: path, allowingWeak: allowingWeakParameters).publicKey
    }

    /// The Argon2id parameters an identity file asks for, read from its header as `decode` reads them: the fuzz
    /// target looks at them before it pays for them.
    @_spi(Fuzzing) public static func parameters(of bytes: [UInt8]) throws -> Argon2id.Parameters {
        try parseHeader(bytes, path: "the identity file", allowingWeak: Argon2id.weakParametersAllowed).parameters
    }

    /// Decrypts an identity file's bytes.
    /// - Parameters:
    ///   - bytes: the file's 210 bytes.
    ///   - passphrase: UTF-8 bytes exactly as typed.
    ///   - path: the file's name, for error messages.
    /// - Returns: the identity.
    /// - Throws: `AmanatCryptoError.notAnIdentityFile`, `.unsupportedVersion`, `.parametersOutOfRange`,
    ///   `.parametersTooWeak` (Argon2id below INTERACTIVE; checked before any key derivation),
    ///   `.weakPublicKey`, `.invalidSigningKey` (bad public keys in the header),
    ///   `.wrongPassphrase` (wrong passphrase or damaged file: the two cannot be told apart).
    public static func decode(
        _ bytes: [UInt8], passphrase: some BytesView, path: String = "the identity file"
    ) throws -> Identity {
        try decode(bytes, passphrase: passphrase, path: path, allowingWeakParameters: Argon2id.weakParametersAllowed)
    }

    /// `decode(_:passphrase:path:)` with the Argon2id floor switch given explicitly, so tests can
    /// open the fast test files and still pin the refusal, whatever the environment says.
    static func decode(
        _ bytes: [UInt8], passphrase: some BytesView, path: String,
        allowingWeakParameters: Bool
    ) throws -> Identity {
        let header = try parseHeader(bytes, path: path, allowingWeak: allowingWeakParameters)
        let key: SymmetricKey
        do {
            key = try SymmetricKey(
                rawRepresentation: Argon2id.deriveKey(
                    from: passphrase, salt: header.salt, parameters: header.parameters))
        }
        let secrets: SecretBytes
        do {
            secrets = try XChaCha20Poly1305.open(
                bytes[headerSize...], using: key, associatedData: bytes[0..<headerSize], what: path)
        } catch AmanatCryptoError.authenticationFailed {
            throw AmanatCryptoError.wrongPassphrase(path: path)
        }
        guard secrets.count == secretSize else { throw AmanatCryptoError.wrongPassphrase(path: path) }
        let identity = Identity(
            encryptionKey: try X25519.PrivateKey(rawRepresentation: secrets.slice(0..<32)),
            signingKey: try Ed25519.PrivateKey(seed: secrets.slice(32..<64)))
        // The header's public keys are authenticated as associated data; check they belong to the secrets.
        guard identity.publicKey == header.publicKey else { throw AmanatCryptoError.wrongPassphrase(path: path) }
        return identity
    }

    /// Writes `identity` to a new file at `path` (mode 0600, atomically; an existing file is kept).
    /// - Throws: `AmanatCryptoError.io` when the file exists or cannot be written.
    public static func write(
        _ identity: Identity, to path: String, passphrase: some BytesView,
        parameters: Argon2id.Parameters = .moderate, overwrite: Bool = false
    ) throws {
        let bytes = try encode(identity, passphrase: passphrase, parameters: parameters)
        let writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: overwrite)
        try bytes.withUnsafeBytes { try writer.write($0) }
        try writer.commit()
    }

    /// Opens the identity file at `path` with `passphrase`.
    /// - Throws: `AmanatCryptoError.insecurePermissions` when group or others can read or write it;
    ///   `.io`, and the errors of `decode(_:passphrase:path:)`.
    public static func open(at path: String, passphrase: some BytesView) throws -> Identity {
        try decode(readChecked(path), passphrase: passphrase, path: path)
    }

    /// `open(at:passphrase:)` with the Argon2id floor switch given explicitly (tests).
    static func open(at path: String, passphrase: some BytesView, allowingWeakParameters: Bool) throws -> Identity {
        try decode(
            readChecked(path), passphrase: passphrase, path: path, allowingWeakParameters: allowingWeakParameters)
    }

    /// Reads only the public keys of the identity file at `path` (no passphrase needed).
    /// - Throws: as `open(at:passphrase:)`, except `.wrongPassphrase`.
    public static func publicKey(at path: String) throws -> Identity.PublicKey {
        try publicKey(of: readChecked(path), path: path)
    }

    /// `publicKey(at:)` with the Argon2id floor switch given explicitly (tests).
    static func publicKey(at path: String, allowingWeakParameters: Bool) throws -> Identity.PublicKey {
        try publicKey(of: readChecked(path), path: path, allowingWeakParameters: allowingWeakParameters)
    }

    private static func readChecked(_ path: String) throws -> [UInt8] {
        let (bytes, mode) = try FileSystem.readSmallFile(path, limit: 4096)
        guard mode & 0o077 == 0 else { throw AmanatCryptoError.insecurePermissions(path: path, mode: mode) }
        return bytes
    }

    private struct Header {
        let parameters: Argon2id.Parameters
        let salt: [UInt8]
        let publicKey: Identity.PublicKey
    }

    private static func parseHeader(_ bytes: [UInt8], path: String, allowingWeak: Bool) throws -> Header {
        let magic = Labels.identityFileMagic
        guard bytes.count >= magic.count + 1, Array(bytes[0..<magic.count]) == magic else {
            throw AmanatCryptoError.notAnIdentityFile(path: path)
        }
        guard bytes[8] == version else {
            throw AmanatCryptoError.unsupportedVersion(what: path, version: Int(bytes[8]))
        }
        guard bytes.count == size else {
            throw bytes.count < size
                ? AmanatCryptoError.truncated(what: path) : AmanatCryptoError.trailingData(what: path)
        }
        guard bytes[9] == Argon2id.algorithmIdentifier else {
            throw AmanatCryptoError.unsupportedVersion(
                what: "the key-stretching algorithm of \(path)", version: Int(bytes[9]))
        }
        let parameters = try Argon2id.Parameters.validatedFromStorage(
            opsLimit: littleEndianUInt64(bytes[10..<18]),
            memLimit: littleEndianUInt64(bytes[18..<26]), what: path,
            allowingWeak: allowingWeak)
        let publicKey = Identity.PublicKey(
            encryption: try X25519.PublicKey(rawRepresentation: bytes[42..<74]),
            signing: try Ed25519.PublicKey(rawRepresentation: bytes[74..<106]))
        return Header(parameters: parameters, salt: Array(bytes[26..<42]), publicKey: publicKey)
    }
}

/// The 8 little-endian bytes of `value`.
func littleEndianBytes(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
}

/// The value of 8 little-endian bytes.
func littleEndianUInt64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    precondition(bytes.count == 8)
    return bytes.reversed().reduce(0) { ($0 << 8) | UInt64($1) }
}
