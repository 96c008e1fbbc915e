/// Anything that can lend its bytes for the length of a call: `[UInt8]`, `ArraySlice<UInt8>`,
/// `SecretBytes` and raw buffers. AmanatCrypto's functions take `some BytesView` so callers need not
/// copy secrets into ordinary arrays.
public protocol BytesView {
    /// Calls `body` with a pointer to the bytes, valid only during the call.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension Array: BytesView where Element == UInt8 {
    /// Lends the array's storage.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension ArraySlice: BytesView where Element == UInt8 {
    /// Lends the slice's storage.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(body)
    }
}

extension UnsafeRawBufferPointer: BytesView {
    /// Lends itself.
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(self)
    }
}

extension BytesView {
    /// The number of bytes in view.
    @inlinable
    public var byteCount: Int { withBytes { $0.count } }

    /// A plain copy of the bytes. Use only for public material (ciphertext, public keys).
    @inlinable
    public var publicBytes: [UInt8] { withBytes { Array($0) } }
}
