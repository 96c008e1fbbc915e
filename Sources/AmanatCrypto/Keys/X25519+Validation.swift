/// Which 32-byte strings `X25519.PublicKey` accepts.
///
/// A real public key is a multiple of the base point, which libsodium always writes in canonical form:
/// a value below p = 2^255 - 19 with the top bit clear. Anything else came from a faulty or hostile
/// writer, so the parser refuses it rather than rely on X25519's reductions.
///
/// Among canonical values, five are points of small order (1, 2, 4 or 8): X25519 scalars are
/// multiples of 8, so sealing to one gives the all-zero shared secret whatever the sender's
/// ephemeral key, and anyone could open the box. They are the canonical entries of libsodium's own list (`blacklist` in
/// `src/libsodium/crypto_scalarmult/curve25519/ref10/x25519_ref10.c`) and of the list in
/// D. J. Bernstein, "Curve25519: high-speed elliptic-curve cryptography", https://cr.yp.to/ecdh.html
/// ("How do I validate Curve25519 public keys?"). The other encodings on those lists (p, p + 1,
/// p + the order-8 points, 2p - 1, 2p, 2p + 1, and the top-bit variants libsodium masks away) are all
/// non-canonical and fall to the first rule.
extension X25519 {
    /// The five canonical low-order u-coordinates, little-endian: 0, 1, the two points of order 8
    /// (325606250916557431795983626356110631294008115727848805560023387167927233504 and
    /// 39382357235489614581723060781553021112529911719440698176882885853963445705823), and p - 1.
    static let lowOrderPoints: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [1] + [UInt8](repeating: 0, count: 31),
        [
            0xe0, 0xeb, 0x7a, 0x7c, 0x3b, 0x41, 0xb8, 0xae, 0x16, 0x56, 0xe3, 0xfa, 0xf1, 0x9f, 0xc4, 0x6a,
            0xda, 0x09, 0x8d, 0xeb, 0x9c, 0x32, 0xb1, 0xfd, 0x86, 0x62, 0x05, 0x16, 0x5f, 0x49, 0xb8, 0x00,
        ],
        [
            0x5f, 0x9c, 0x95, 0xbc, 0xa3, 0x50, 0x8c, 0x24, 0xb1, 0xd0, 0xb1, 0x55, 0x9c, 0x83, 0xef, 0x5b,
            0x04, 0x44, 0x5c, 0xc4, 0x58, 0x1c, 0x8e, 0x86, 0xd8, 0x22, 0x4e, 0xdd, 0xd0, 0x9f, 0x11, 0x57,
        ],
        [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],
    ]

    /// Whether `bytes` (32 of them) is canonical and not a low-order point. Public keys are public, so
    /// this need not run in constant time.
    static func isAcceptablePublicKey(_ bytes: [UInt8]) -> Bool {
        precondition(bytes.count == keySize)
        return isCanonical(bytes) && !lowOrderPoints.contains(bytes)
    }

    /// Whether the little-endian value of `bytes` is below p = 2^255 - 19 (which also means its top
    /// bit is clear). Only the 19 values p ... 2^255 - 1 and those with the top bit set are not.
    static func isCanonical(_ bytes: [UInt8]) -> Bool {
        if bytes[31] & 0x80 != 0 { return false }
        guard bytes[31] == 0x7f, bytes[1..<31].allSatisfy({ $0 == 0xff }) else { return true }
        return bytes[0] < 0xed
    }
}
