internal import CSodium
import Synchronization

/// The point check behind `Ed25519.PublicKey(rawRepresentation:)`, with a memory of keys that passed.
///
/// `crypto_core_ed25519_is_valid_point` costs about as much as verifying a signature (a scalar
/// multiplication by the group order). A vault parses the same few keys over and over (the
/// administrator's and the grantees', once per audit entry they signed), so keys that passed are
/// remembered and not checked again. Only valid keys are remembered, and a key's validity never
/// changes, so the memory cannot make a bad key pass. Public keys are public: remembering them
/// reveals nothing.
extension Ed25519 {
    /// At most this many keys are remembered; past it the memory starts again empty.
    static let rememberedKeyLimit = 256

    private static let validKeys = Mutex<Set<[UInt8]>>([])

    /// Whether `bytes` (32 of them) is a canonical point of the prime-order subgroup, not of small order.
    static func isValidPoint(_ bytes: [UInt8]) -> Bool {
        precondition(bytes.count == keySize)
        if validKeys.withLock({ $0.contains(bytes) }) { return true }
        Sodium.ready()
        // This call answers 1 for a valid point and 0 otherwise; it has no error code of its own.
        guard bytes.withUnsafeBytes({ crypto_core_ed25519_is_valid_point($0.u8!) }) == 1 else { return false }
        validKeys.withLock { keys in
            if keys.count >= rememberedKeyLimit { keys.removeAll(keepingCapacity: true) }
            keys.insert(bytes)
        }
        return true
    }
}
