import AmanatVault
import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Zeroes the memory that held her words or her codename once a request no longer needs it, so that freed
/// memory does not keep them until it happens to be reused. Swift strings, arrays and NIO buffers are freed
/// without being cleared; these helpers clear them in place first, through every copy that shares the storage.
/// Only memory this module made at run time is passed here (never a literal in the program's read-only data).
/// Copies made inside Hummingbird, NIO's socket reads and the vault are out of reach; `Tests/Intake/memory_scan.py`
/// measures what is left.
enum Wipe {
    /// Zeroes `count` bytes at `start`, in a way the compiler does not remove.
    static func zero(_ start: UnsafeRawPointer?, _ count: Int) {
        guard let start, count > 0 else { return }
        #if canImport(Glibc)
        explicit_bzero(UnsafeMutableRawPointer(mutating: start), count)
        #else
        memset_s(UnsafeMutableRawPointer(mutating: start), count, 0, count)
        #endif
    }

    /// Zeroes an array's bytes in its storage, shared by all its copies.
    static func bytes(_ array: [UInt8]) {
        array.withUnsafeBufferPointer { zero($0.baseAddress, $0.count) }
    }

    /// Zeroes a buffer's readable bytes in its storage (the network's buffer a request body arrived in).
    static func buffer(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { zero($0.baseAddress, $0.count) }
    }

    /// Zeroes a string made at run time. A short string lives inside its value, not in freed memory: the copy
    /// `withUTF8` makes of it is what is zeroed then, harmlessly.
    static func string(_ string: String) {
        var string = string
        guard string.utf8.count > 15 else { return }
        string.withUTF8 { zero($0.baseAddress, $0.count) }
    }

    /// Appends to an array that holds her words, growing it by copying into a larger array and zeroing the old
    /// one (an array grown in place would free its old storage uncleared).
    static func append(_ bytes: some Collection<UInt8>, to array: inout [UInt8]) {
        if array.count + bytes.count > array.capacity {
            var grown: [UInt8] = []
            grown.reserveCapacity(max(array.capacity * 2, array.count + bytes.count, 256))
            grown += array
            Self.bytes(array)
            array = grown
        }
        array += bytes
    }

    /// Drops the first `count` bytes of an array that holds her words, zeroing all of the old storage.
    static func dropFirst(_ count: Int, of array: inout [UInt8]) {
        guard count > 0 else { return }
        var rest: [UInt8] = []
        rest.reserveCapacity(max(array.capacity, 256))
        rest += array[count...]
        Self.bytes(array)
        array = rest
    }

    /// Zeroes the intake's copies of a testimony's text (the vault's own are its business).
    static func testimony(_ testimony: Testimony) {
        for text in [testimony.statement, testimony.contact] + testimony.places + testimony.dates { string(text) }
        for person in testimony.people {
            string(person.name)
            string(person.role)
        }
    }
}
