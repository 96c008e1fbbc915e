import AmanatCrypto
import Foundation

/// Short-lived tokens that tie a form post to the page the server gave out (against cross-site form
/// posts and stale forms), without any session: a random browser nonce in a cookie (`amanat_form`,
/// SameSite=Strict, HttpOnly, one hour, the only cookie the intake sets), and in the form a token
/// binding that nonce to an expiry time with a MAC under a key that lives only in this process's memory.
///
/// token = base64url(expiry (u64 LE, Unix seconds) || nonce (16) || BLAKE2b-256 keyed with the server key of
/// "amanat/v1/form-token" || 0 || expiry || nonce)
struct FormTokens: Sendable {
    /// The cookie's name.
    static let cookieName = "amanat_form"
    /// How long a form stays valid: eight hours, so a mother can write a long testimony, stop, and come back
    /// to the open page the same day.
    static let lifetime: Int = 8 * 3600

    private let key = SecretBytes(randomCount: 32)
    private static let label = Array("amanat/v1/form-token".utf8) + [0]

    /// Why a posted form was refused.
    enum Refusal: Error { case missing, expired, forged }

    /// A fresh nonce for a browser without one (base64url, 22 characters).
    static func newNonce() -> String { Base64URL.encode(SecureRandom.bytes(16)) }

    /// The nonce the browser holds, if it is well-formed.
    static func nonce(fromCookie value: String?) -> [UInt8]? {
        guard let value, let bytes = try? Base64URL.decode(value), bytes.count == 16 else { return nil }
        return bytes
    }

    /// A token for a form given to the browser holding `nonce`.
    func token(nonce: [UInt8], now: Int = Int(Date().timeIntervalSince1970)) -> String {
        let expiry = VaultBytes.u64(now + Self.lifetime)
        return Base64URL.encode(expiry + nonce + mac(expiry + nonce))
    }

    /// Checks a posted token against the browser's nonce.
    func check(_ token: String?, nonce: [UInt8]?, now: Int = Int(Date().timeIntervalSince1970)) throws {
        guard let token, let nonce, let bytes = try? Base64URL.decode(token), bytes.count == 56 else {
            throw Refusal.missing
        }
        let body = Array(bytes[0..<24])
        guard constantTimeEquals(Array(bytes[24...]), mac(body)), constantTimeEquals(Array(bytes[8..<24]), nonce) else {
            throw Refusal.forged
        }
        let expiry = bytes[0..<8].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        guard now <= expiry else { throw Refusal.expired }
    }

    private func mac(_ bytes: [UInt8]) -> [UInt8] { BLAKE2b.hash(Self.label + bytes, key: key, length: 32) }
}

/// Little-endian integers for the token layout.
enum VaultBytes {
    static func u64(_ value: Int) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}
