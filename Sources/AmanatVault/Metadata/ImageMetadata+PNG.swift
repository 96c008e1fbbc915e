extension ImageMetadata {
    /// The PNG half of `Stripper`: walks the chunks of ISO/IEC 15948 (and APNG), streaming the kept ones
    /// through while checking their CRC as they pass, and skipping the dropped ones unread.
    ///
    /// Only the chunk headers (8 bytes) and CRCs (4 bytes) are buffered; no chunk is held whole.
    /// The CRC of a dropped chunk is not checked, since its bytes never reach the output.
    struct PNGRewriter: Sendable {
        /// The eight bytes every PNG file starts with.
        static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

        /// Chunks that are kept: the critical ones, those that change how the picture is shown, and APNG's.
        /// Everything else is dropped: `tEXt`, `zTXt`, `iTXt`, `tIME`, `eXIf`, `pHYs`, `sPLT`, `hIST`,
        /// and any ancillary chunk not known here. `iCCP` passes whole, its profile name included (a short
        /// name that the saving program writes, usually the profile's own, such as "sRGB IEC61966-2.1").
        static let kept: Set<String> = [
            "IHDR", "PLTE", "IDAT", "IEND",
            "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD",
            "acTL", "fcTL", "fdAT",
        ]

        private enum State: Sendable {
            case signature(matched: Int)
            /// Reading a chunk's length and type into `small`.
            case header
            case body(remaining: Int)
            /// Reading a chunk's CRC into `small`.
            case crc
            /// After IEND: everything more is dropped.
            case done
        }

        private var state = State.signature(matched: 0)
        /// Offset in the input of the next byte to read.
        private var offset = 0
        /// The bytes of a chunk header or CRC read so far (at most 8).
        private var small: [UInt8] = []
        /// The current chunk: its type, where it starts, whether it is kept, and its running CRC.
        private var type = ""
        private var chunkOffset = 0
        private var keep = false
        private var crc: UInt32 = 0
        private var sawHeader = false
        private var sawData = false

        /// Whether the image has ended with IEND.
        var isComplete: Bool {
            if case .done = state { return true }
            return false
        }

        /// Reads `chunk`, appending the cleaned bytes it completes to `out`.
        mutating func feed(_ chunk: [UInt8], into out: inout [UInt8]) throws(Failure) {
            var index = 0
            while index < chunk.count {
                switch state {
                case .done:
                    offset += chunk.count - index
                    return
                case .signature(let matched):
                    guard chunk[index] == Self.signature[matched] else {
                        throw .malformed("PNG: bad signature at offset \(offset)")
                    }
                    state = matched == 7 ? .header : .signature(matched: matched + 1)
                    if matched == 7 { out += Self.signature }
                    index += 1
                    offset += 1
                case .header, .crc:
                    small.append(chunk[index])
                    index += 1
                    offset += 1
                    if case .header = state, small.count == 8 {
                        try startChunk(into: &out)
                    } else if case .crc = state, small.count == 4 {
                        try endChunk(into: &out)
                    }
                case .body(let remaining):
                    let count = min(remaining, chunk.count - index)
                    if keep {
                        let part = chunk[index..<index + count]
                        crc = Self.crc32(part, crc)
                        out += part
                    }
                    index += count
                    offset += count
                    state = count == remaining ? .crc : .body(remaining: remaining - count)
                }
            }
        }

        /// Acts on a complete chunk header in `small`.
        private mutating func startChunk(into out: inout [UInt8]) throws(Failure) {
            chunkOffset = offset - 8
            let length = small[0..<4].reduce(0) { $0 << 8 | Int($1) }
            let typeBytes = small[4..<8]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw .malformed("PNG: chunk at offset \(chunkOffset) has an invalid type")
            }
            type = String(decoding: typeBytes, as: UTF8.self)
            guard length <= 0x7FFF_FFFF else {
                throw .malformed("PNG: \(type) chunk at offset \(chunkOffset) is longer than 2^31-1 bytes")
            }
            guard sawHeader || type == "IHDR" else { throw .malformed("PNG: first chunk is not IHDR") }
            guard !sawHeader || type != "IHDR" else {
                throw .malformed("PNG: a second IHDR chunk at offset \(chunkOffset)")
            }
            if type == "IEND" {
                guard length == 0 else { throw .malformed("PNG: IEND chunk at offset \(chunkOffset) is not empty") }
                guard sawData else { throw .malformed("PNG: IEND at offset \(chunkOffset) before any IDAT") }
            }
            sawHeader = true
            if type == "IDAT" { sawData = true }
            keep = Self.kept.contains(type)
            guard keep || typeBytes.first! & 0x20 != 0 else {
                throw .malformed("PNG: unknown critical chunk \(type) at offset \(chunkOffset)")
            }
            if keep {
                crc = Self.crc32(typeBytes, 0xFFFF_FFFF)
                out += small
            }
            small.removeAll(keepingCapacity: true)
            state = length == 0 ? .crc : .body(remaining: length)
        }

        /// Acts on a complete CRC in `small`.
        private mutating func endChunk(into out: inout [UInt8]) throws(Failure) {
            if keep {
                let stored = small.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                guard stored == ~crc else {
                    throw .malformed("PNG: CRC mismatch in \(type) chunk at offset \(chunkOffset)")
                }
                out += small
            }
            small.removeAll(keepingCapacity: true)
            state = type == "IEND" ? .done : .header
        }

        /// The CRC-32 table of ISO 3309 / ITU-T V.42 (reflected polynomial 0xEDB88320), as PNG uses it.
        static let crcTable: [UInt32] = (0..<256).map { (n: UInt32) -> UInt32 in
            var c = n
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            return c
        }

        /// Continues a CRC-32 over `bytes`. Start with `0xFFFFFFFF`; the final CRC is the complement.
        static func crc32(_ bytes: some Collection<UInt8>, _ start: UInt32) -> UInt32 {
            var c = start
            crcTable.withUnsafeBufferPointer { table in
                for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            }
            return c
        }
    }
}
