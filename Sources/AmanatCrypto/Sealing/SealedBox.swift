internal import CSodium

/// Anonymous public-key encryption: libsodium's sealed boxes (`crypto_box_seal`).
///
/// Anyone holding a recipient's X25519 public key can seal; only the private key opens. The sender
/// stays anonymous (a fresh ephemeral key pair per box) and cannot open what she sealed. This is what
/// lets a submitter, or the intake server, store data it cannot read.
/// Layout: ephemeral public key (32) || Poly1305 tag (16) || XSalsa20 ciphertext.
public enum SealedBox {
    /// Bytes a sealed box adds to its plaintext: 48 (`crypto_box_sealbytes()`).
    public static let overhead = 48

    /// Seals `plaintext` to `recipient`.
    /// - Parameters:
    ///   - plaintext: the bytes to protect (a key, a short message).
    ///   - recipient: the X25519 public key that will be able to open the box.
    /// - Returns: the sealed box, `plaintext.count + 48` bytes.
    /// - Throws: `AmanatCryptoError.weakPublicKey` when libsodium refuses `recipient` (a low-order
    ///   point, which `X25519.PublicKey` already refuses when it is parsed; this is the second line).
    public static func seal(_ plaintext: some BytesView, to recipient: X25519.PublicKey) throws -> [UInt8] {
        Sodium.ready()
        return try plaintext.withBytes { message in
            // Zero-filled, not uninitialised: should libsodium fail half-way, no heap bytes can leak.
            var box = [UInt8](repeating: 0, count: message.count + overhead)
            let code = recipient.rawRepresentation.withUnsafeBytes { pk in
                box.withUnsafeMutableBytes { out in
                    crypto_box_seal(out.u8!, message.u8, UInt64(message.count), pk.u8!)
                }
            }
            try Sodium.check(code, or: .weakPublicKey)
            return box
        }
    }

    /// Opens a sealed box with the recipient's private key.
    /// - Parameters:
    ///   - box: the sealed box.
    ///   - recipient: the private key it was sealed to.
    ///   - what: how to name the box in an error message (e.g. "the record key").
    /// - Returns: the plaintext, in protected memory.
    /// - Throws: `AmanatCryptoError.truncated` when the box is shorter than 48 bytes;
    ///   `.authenticationFailed` when it was modified or sealed to another key.
    public static func open(
        _ box: some BytesView, with recipient: X25519.PrivateKey, what: String = "the sealed box"
    ) throws -> SecretBytes {
        Sodium.ready()
        return try box.withBytes { sealed in
            guard sealed.count >= overhead else { throw AmanatCryptoError.truncated(what: what) }
            return try SecretBytes(count: sealed.count - overhead) { out in
                let code = recipient.rawRepresentation.withUnsafeBytes { sk in
                    recipient.publicKey.rawRepresentation.withUnsafeBytes { pk in
                        // libsodium writes nothing to `out` before the tag has been verified.
                        crypto_box_seal_open(out.u8 ?? scratchByte, sealed.u8!, UInt64(sealed.count), pk.u8!, sk.u8!)
                    }
                }
                try Sodium.check(code, or: .authenticationFailed(what: what))
            }
        }
    }
}

/// A writable byte for C calls that want a non-null output pointer for zero-length results.
nonisolated(unsafe) let scratchByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
