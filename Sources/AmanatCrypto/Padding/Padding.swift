internal import CSodium

/// Length hiding for plaintext before encryption: ISO/IEC 7816-4 padding (`sodium_pad`/`sodium_unpad`)
/// to a block size or to a size bucket.
public enum Padding {
    /// Pads `plaintext` to the next multiple of `blockSize` (always adding at least one byte: 0x80 then zeros).
    /// - Returns: the padded bytes, in protected memory.
    public static func pad(_ plaintext: some BytesView, toMultipleOf blockSize: Int) -> SecretBytes {
        precondition(blockSize > 0, "block size must be positive")
        let count = plaintext.byteCount
        return pad(plaintext, toLength: (count / blockSize + 1) * blockSize, blockSize: blockSize)
    }

    /// Pads `plaintext` up to the Padmé bucket of its length plus one (see `SizeBucket`), so that
    /// lengths leak only O(log log n) bits.
    /// - Returns: the padded bytes, in protected memory; `SizeBucket.bucket(for: count + 1)` long.
    public static func padToBucket(_ plaintext: some BytesView) -> SecretBytes {
        let target = SizeBucket.bucket(for: plaintext.byteCount + 1)
        return pad(plaintext, toLength: target, blockSize: target)
    }

    private static func pad(_ plaintext: some BytesView, toLength total: Int, blockSize: Int) -> SecretBytes {
        Sodium.ready()
        return SecretBytes(count: total) { out in
            plaintext.withBytes { source in
                if !source.isEmpty { out.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: source.count) }
                var padded = 0
                Sodium.require(sodium_pad(&padded, out.u8!, source.count, blockSize, total), "sodium_pad")
                precondition(padded == total, "sodium_pad produced an unexpected length")
            }
        }
    }

    /// Removes ISO/IEC 7816-4 padding.
    /// - Parameters:
    ///   - padded: padded plaintext whose length is a multiple of `blockSize`.
    ///   - blockSize: the block size used to pad (for bucket padding: the padded length itself).
    /// - Returns: the original bytes, in protected memory.
    /// - Throws: `AmanatCryptoError.invalidPadding` when the padding is malformed.
    public static func unpad(_ padded: SecretBytes, blockSize: Int) throws -> SecretBytes {
        Sodium.ready()
        guard blockSize > 0, padded.count > 0, padded.count % blockSize == 0 else {
            throw AmanatCryptoError.invalidPadding
        }
        var unpadded = 0
        let code = padded.withUnsafeBytes { sodium_unpad(&unpadded, $0.u8!, padded.count, blockSize) }
        try Sodium.check(code, or: .invalidPadding)
        return padded.slice(0..<unpadded)
    }

    /// Removes the padding `padToBucket` added, and checks that the padded length is exactly the bucket of
    /// the content's length plus one: a body padded to a larger bucket than its own (which would let the
    /// stored size say something false) is refused like broken padding.
    /// - Throws: `AmanatCryptoError.invalidPadding`.
    public static func unpadFromBucket(_ padded: SecretBytes) throws -> SecretBytes {
        let content = try unpad(padded, blockSize: padded.count)
        guard SizeBucket.bucket(for: content.count + 1) == padded.count else { throw AmanatCryptoError.invalidPadding }
        return content
    }
}

/// Size buckets with the Padmé scheme (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files
/// and Communication with PURBs", PoPETs 2019), with a floor of 256 bytes: a stored size reveals only
/// its bucket, at most about 12% larger than the real size.
public enum SizeBucket {
    /// The smallest bucket, 256 bytes.
    public static let minimum = 256

    /// The bucket a `size`-byte object is padded to.
    public static func bucket(for size: Int) -> Int {
        precondition(size >= 0, "negative size")
        guard size > minimum else { return minimum }
        let e = Int.bitWidth - 1 - size.leadingZeroBitCount  // floor(log2 size)
        let s = Int.bitWidth - 1 - e.leadingZeroBitCount + 1  // floor(log2 e) + 1
        let mask = (1 << (e - s)) - 1
        return (size + mask) & ~mask
    }
}
