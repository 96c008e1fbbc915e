import AmanatCrypto
import Foundation

/// Decodes JSON that is held in protected memory without first copying it into ordinary memory.
///
/// `JSONDecoder` wants a `Data`. A `Data(bytes)` copy would be a heap buffer holding the whole
/// plaintext (keys included) that nobody wipes. Instead the decoder reads the protected bytes in place
/// through a `Data` that does not own them and is used only inside this call.
///
/// What remains in ordinary memory is what decoding must produce: the decoded values themselves
/// (`String`s such as a statement, a name or a base64url attachment key), and whatever the decoder
/// allocates for them while it parses. Docs/crypto.md, section 3, lists this residue.
enum SecretJSON {
    /// Decodes a `T` from the JSON in `secret`.
    /// - Parameters:
    ///   - type: the type to decode.
    ///   - secret: UTF-8 JSON in protected memory; it is neither copied nor modified.
    /// - Returns: the decoded value.
    /// - Throws: `AmanatCryptoError.invalidEncoding` for JSON outside the strict dialect (`StrictJSON`:
    ///   a repeated member, a non-integer number…), or whatever `JSONDecoder` throws for malformed JSON.
    static func decode<T: Decodable>(_ type: T.Type, from secret: SecretBytes) throws -> T {
        try StrictJSON.validate(secret, what: "the decrypted data")
        return try secret.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return try JSONDecoder().decode(type, from: Data())
            }
            // Borrowed, never freed or written: the pointer is only mutable because the API asks for it.
            let view = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
            return try JSONDecoder().decode(type, from: view)
        }
    }
}
