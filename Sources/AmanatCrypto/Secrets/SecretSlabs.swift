internal import CSodium
import Synchronization

/// Protected memory for small secrets (keys, seeds, stream states, short plaintexts: up to 4 KiB).
///
/// `sodium_malloc` gives every allocation its own guard pages and lock, which costs several system
/// calls (mmap, mprotect, mlock, and their undoing on free): more than a sealed-box open itself. Small
/// secrets therefore share slabs: each slab is one `sodium_malloc` region of 64 KiB (guarded, locked)
/// cut into equal slots of one size class (64, 256, 1024 or 4096 bytes). A slot is wiped with
/// `sodium_memzero` the moment its secret is released, before it can be handed out again. What is given
/// up is a guard page between two small secrets in the same slab; larger secrets still get a region of
/// their own. Slabs are kept for the life of the process (their number follows the peak count of live
/// secrets).
final class SecretSlabs: Sendable {
    /// The process-wide pool.
    static let shared = SecretSlabs()
    /// Slot sizes, smallest first; a secret takes the smallest slot that holds it.
    static let slotSizes = [64, 256, 1024, 4096]
    /// Secrets up to this size are pooled.
    static let largestPooled = slotSizes.last!
    /// Bytes per slab.
    static let slabSize = 64 * 1024

    /// Addresses of free slots per size class (as integers, so the state is plainly Sendable).
    private let freeSlots = Mutex<[[UInt]]>(Array(repeating: [], count: slotSizes.count))

    /// The size class for a secret of `count` bytes (`count` must not exceed `largestPooled`).
    static func sizeClass(for count: Int) -> Int {
        slotSizes.firstIndex { count <= $0 }!
    }

    /// A zeroed slot of size class `sizeClass`, or nil when protected memory is exhausted.
    func allocate(sizeClass: Int) -> UnsafeMutableRawPointer? {
        let slotSize = Self.slotSizes[sizeClass]
        let address: UInt? = freeSlots.withLock { free in
            if free[sizeClass].isEmpty {
                guard let slab = sodium_malloc(Self.slabSize) else { return nil }
                sodium_memzero(slab, Self.slabSize)
                let base = UInt(bitPattern: slab)
                for index in (0..<(Self.slabSize / slotSize)).reversed() {
                    free[sizeClass].append(base + UInt(index * slotSize))
                }
            }
            return free[sizeClass].removeLast()
        }
        return address.flatMap { UnsafeMutableRawPointer(bitPattern: $0) }
    }

    /// Wipes a slot and returns it to the pool.
    func release(_ slot: UnsafeMutableRawPointer, sizeClass: Int) {
        sodium_memzero(slot, Self.slotSizes[sizeClass])
        freeSlots.withLock { $0[sizeClass].append(UInt(bitPattern: slot)) }
    }
}
