internal import CSodium

/// Randomness from the operating system's generator through libsodium (`randombytes_buf`).
public enum SecureRandom {
    /// `count` random bytes for public values: nonces, salts, record ids.
    /// For keys use `SecretBytes(randomCount:)`, which never leaves protected memory.
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.ready()
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 { out.withUnsafeMutableBytes { randombytes_buf($0.baseAddress!, count) } }
        return out
    }

    /// A uniformly distributed number in `0..<upperBound` (no modulo bias: `randombytes_uniform`).
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        Sodium.ready()
        return randombytes_uniform(upperBound)
    }
}
