extension ImageMetadata {
    /// The JPEG half of `Stripper`: walks the markers of ITU T.81 one byte at a time and the segments and
    /// entropy-coded data in bulk.
    ///
    /// Kept: SOI; every SOFn; DHT, DAC, DQT, DRI, DNL, DHP and EXP; SOS with its entropy-coded data
    /// (byte stuffing `FF 00` and restart markers `RSTn` pass through as they are); EOI. Also kept: a plain
    /// JFIF `APP0` header, rewritten without its thumbnail or dots per inch; `APP2 ICC_PROFILE`;
    /// `APP14 Adobe`, cut to its 12 defined bytes. Dropped: every other `APPn` (Exif and XMP in `APP1`,
    /// the multi-picture index `APP2 MPF`, Photoshop/IPTC in `APP13`, JFXX thumbnails in `APP0`, ...),
    /// every `COM`, fill bytes, and anything after EOI (appended pictures, gain maps, camera trailers).
    /// Markers reserved by T.81 (`TEM`, `RES`, `JPG`, `JPGn`, which JPEG-LS uses) fail the file, since
    /// nothing here knows what they would carry.
    struct JPEGRewriter: Sendable {
        private enum State: Sendable {
            /// Matching the two bytes of SOI.
            case start(matched: Int)
            /// Between segments: the next byte must start a marker.
            case expectMarker
            /// After an `FF` found at `at`; `inScan` when it came inside entropy-coded data.
            case markerCode(at: Int, inScan: Bool)
            /// Reading the two length bytes of the segment whose marker is at `at`.
            case length(marker: UInt8, at: Int, high: UInt8?)
            /// Reading a segment's payload; `keep` when it may be kept and so is buffered.
            case segment(marker: UInt8, at: Int, remaining: Int, keep: Bool)
            /// Inside entropy-coded data, which passes straight through.
            case entropy
            /// After EOI: everything more is dropped.
            case done
        }

        private var state = State.start(matched: 0)
        /// Offset in the input of the next byte to read.
        private var offset = 0
        /// The payload of the segment being read, when it may be kept (at most 65,533 bytes).
        private var payload: [UInt8] = []
        private var sawFrame = false
        private var sawScan = false

        /// Whether the image has ended with EOI.
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
                case .entropy:
                    let end = chunk[index...].firstIndex(of: 0xFF) ?? chunk.count
                    out.append(contentsOf: chunk[index..<end])
                    offset += end - index
                    index = end
                    if index < chunk.count {
                        state = .markerCode(at: offset, inScan: true)
                        index += 1
                        offset += 1
                    }
                case .segment(let marker, let at, let remaining, let keep):
                    let count = min(remaining, chunk.count - index)
                    if keep { payload.append(contentsOf: chunk[index..<index + count]) }
                    index += count
                    offset += count
                    if count == remaining {
                        try endSegment(marker, at: at, into: &out)
                    } else {
                        state = .segment(marker: marker, at: at, remaining: remaining - count, keep: keep)
                    }
                default:
                    try step(chunk[index], into: &out)
                    index += 1
                    offset += 1
                }
            }
        }

        /// Reads one byte of a marker or a length; the byte is at `offset`.
        private mutating func step(_ byte: UInt8, into out: inout [UInt8]) throws(Failure) {
            switch state {
            case .start(let matched):
                guard byte == (matched == 0 ? 0xFF : 0xD8) else {
                    throw .malformed("JPEG: no start-of-image marker at offset 0")
                }
                if matched == 0 {
                    state = .start(matched: 1)
                } else {
                    out += [0xFF, 0xD8]
                    state = .expectMarker
                }
            case .expectMarker:
                guard byte == 0xFF else { throw .malformed("JPEG: expected a marker at offset \(offset)") }
                state = .markerCode(at: offset, inScan: false)
            case .markerCode(let at, let inScan):
                try marker(byte, at: at, inScan: inScan, into: &out)
            case .length(let marker, let at, let high):
                guard let high else {
                    state = .length(marker: marker, at: at, high: byte)
                    return
                }
                let length = Int(high) << 8 | Int(byte)
                guard length >= 2 else {
                    throw .malformed("JPEG: segment \(hex(marker)) at offset \(at) has impossible length \(length)")
                }
                payload.removeAll(keepingCapacity: true)
                state = .segment(marker: marker, at: at, remaining: length - 2, keep: Self.mayKeep(marker))
                if length == 2 { try endSegment(marker, at: at, into: &out) }
            case .entropy, .segment, .done:
                preconditionFailure("handled in feed")
            }
        }

        /// Acts on the code byte of a marker whose `FF` is at `at`.
        private mutating func marker(_ code: UInt8, at: Int, inScan: Bool, into out: inout [UInt8]) throws(Failure) {
            switch code {
            case 0xFF:  // A fill byte; the marker follows. Fill bytes are not copied.
                state = .markerCode(at: offset, inScan: inScan)
            case 0x00, 0xD0...0xD7:  // Byte stuffing or a restart marker: part of the scan.
                guard inScan else {
                    throw .malformed(
                        "JPEG: \(code == 0 ? "stuffed byte" : "restart marker") outside a scan at offset \(at)")
                }
                out += [0xFF, code]
                state = .entropy
            case 0xD8:
                throw .malformed("JPEG: a second start-of-image marker at offset \(at)")
            case 0xD9:
                guard sawScan else { throw .malformed("JPEG: end-of-image at offset \(at) before any scan") }
                out += [0xFF, 0xD9]
                state = .done
            case 0x01...0xBF, 0xC8, 0xF0...0xFD:
                throw .malformed("JPEG: unsupported marker \(hex(code)) at offset \(at)")
            default:
                state = .length(marker: code, at: at, high: nil)
            }
        }

        /// Whether a segment might be kept, and so must be buffered; the others are skipped unread.
        private static func mayKeep(_ marker: UInt8) -> Bool {
            switch marker {
            case 0xE0, 0xE2, 0xEE: true  // JFIF, ICC profile, Adobe: kept after a look at their identifier.
            case 0xE1...0xEF, 0xFE: false  // Other application segments and comments.
            default: true  // Frame, tables, scan header and the like.
            }
        }

        /// Decides the fate of the segment just read, whose payload is in `payload`.
        private mutating func endSegment(_ marker: UInt8, at: Int, into out: inout [UInt8]) throws(Failure) {
            state = .expectMarker
            switch marker {
            case 0xDA:
                guard sawFrame else { throw .malformed("JPEG: scan header at offset \(at) before any frame header") }
                Self.emit(marker, payload[...], into: &out)
                sawScan = true
                state = .entropy
            case 0xC4, 0xCC, 0xDB...0xDF:  // DHT, DAC, DQT, DNL, DRI, DHP, EXP.
                Self.emit(marker, payload[...], into: &out)
            case 0xC0...0xCF:  // The remaining C0-CF codes are the frame headers SOF0-SOF15.
                sawFrame = true
                Self.emit(marker, payload[...], into: &out)
            case 0xE0:
                if let header = Self.plainJFIF(payload) { Self.emit(marker, header[...], into: &out) }
            case 0xE2:
                if payload.starts(with: Array("ICC_PROFILE\0".utf8)) { Self.emit(marker, payload[...], into: &out) }
            case 0xEE:
                // Adobe: identifier, version (2), flags0 (2), flags1 (2), colour transform (1).
                if payload.count >= 12, payload.starts(with: Array("Adobe".utf8)) {
                    Self.emit(marker, payload[0..<12], into: &out)
                }
            default:
                break
            }
        }

        /// The JFIF header of an `APP0` payload, rewritten without its thumbnail and with its density as a bare
        /// pixel aspect ratio (no dots per inch, which could hint at a scanner); nil for any other `APP0`.
        ///
        /// The payload is: "JFIF\0", version (2), units (1), X and Y density (2 + 2), thumbnail width and
        /// height (1 + 1), thumbnail (3 × width × height).
        private static func plainJFIF(_ payload: [UInt8]) -> [UInt8]? {
            guard payload.count >= 14, payload.starts(with: Array("JFIF\0".utf8)) else { return nil }
            var x = Int(payload[8]) << 8 | Int(payload[9])
            var y = Int(payload[10]) << 8 | Int(payload[11])
            if x == 0 || y == 0 { (x, y) = (1, 1) }
            var (a, b) = (x, y)
            while b != 0 { (a, b) = (b, a % b) }
            (x, y) = (x / a, y / a)
            return Array(payload[0..<7]) + [0, UInt8(x >> 8), UInt8(x & 0xFF), UInt8(y >> 8), UInt8(y & 0xFF), 0, 0]
        }

        /// Writes a segment: its marker, its length and its payload.
        private static func emit(_ marker: UInt8, _ body: ArraySlice<UInt8>, into out: inout [UInt8]) {
            let length = body.count + 2
            out += [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)]
            out += body
        }
    }
}
