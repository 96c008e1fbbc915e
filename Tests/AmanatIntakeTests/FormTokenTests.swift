import AmanatCrypto
import Testing

@testable import AmanatIntake

@Suite("Form tokens")
struct FormTokenTests {
    @Test("a token holds for an hour, for the browser it was given to, under this server's key only")
    func lifetime() throws {
        let tokens = FormTokens()
        let nonce = SecureRandom.bytes(16)
        let now = 1_800_000_000
        let token = tokens.token(nonce: nonce, now: now)
        try tokens.check(token, nonce: nonce, now: now)
        try tokens.check(token, nonce: nonce, now: now + FormTokens.lifetime)
        #expect(throws: FormTokens.Refusal.self) {
            try tokens.check(token, nonce: nonce, now: now + FormTokens.lifetime + 1)
        }
        #expect(throws: FormTokens.Refusal.self) { try tokens.check(token, nonce: SecureRandom.bytes(16), now: now) }
        #expect(throws: FormTokens.Refusal.self) { try tokens.check(token, nonce: nil, now: now) }
        #expect(throws: FormTokens.Refusal.self) { try FormTokens().check(token, nonce: nonce, now: now) }
        // Any changed byte (a later expiry, another nonce) breaks the MAC.
        var bytes = try Base64URL.decode(token)
        for index in bytes.indices {
            bytes[index] ^= 1
            #expect(throws: FormTokens.Refusal.self) {
                try tokens.check(Base64URL.encode(bytes), nonce: nonce, now: now)
            }
            bytes[index] ^= 1
        }
    }
}

@Suite("Form token lifetime")
struct FormTokenLifetimeTests {
    @Test("a form lasts hours, long enough to write a long testimony")
    func hours() {
        #expect(FormTokens.lifetime >= 4 * 3600)
    }
}
