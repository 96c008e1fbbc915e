import AmanatVault

extension FuzzTarget {
    /// JPEG and PNG files through the metadata stripper (`ImageMetadata`), whole and in pieces cut where the
    /// input's first byte says. A cleaned file holds no segment or chunk the stripper promises to drop (read
    /// by a walker of its own, below), is the same however the file was cut, and is clean already.
    static let imageMetadata = FuzzTarget(name: "image-metadata", reads: "JPEG and PNG files (photo metadata)") {
        bytes in
        guard let first = bytes.first else { return .refused }
        let file = Array(bytes.dropFirst())
        let kind = ImageMetadata.kind(of: file)
        guard kind != .other, let clean = try? ImageMetadata.strip(file) else { return .refused }
        var stripper = ImageMetadata.Stripper(kind: kind)
        var streamed: [UInt8] = []
        let step = Int(first) % 97 + 1
        for start in stride(from: 0, to: file.count, by: step) {
            guard let out = try? stripper.feed(Array(file[start..<min(file.count, start + step)])) else {
                throw BrokenInvariant("a file cleaned whole was refused in pieces")
            }
            streamed += out
        }
        try require((try? stripper.finish()) != nil && streamed == clean, "the file cleaned in pieces differs")
        try require((try? ImageMetadata.strip(clean)) == clean, "a cleaned file changes when cleaned again")
        if kind == .jpeg { try ImageWalker.requireCleanJPEG(clean) } else { try ImageWalker.requireCleanPNG(clean) }
        return .accepted
    }
}

/// Reads a cleaned file's structure independently of the stripper (JPEG: ITU T.81 annex B; PNG: the W3C
/// specification, section 5) and checks that only what Docs/format.md lets through is there.
enum ImageWalker {
    /// PNG chunks the stripper keeps (ImageMetadata's documentation).
    static let keptChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "acTL", "fcTL",
        "fdAT",
    ]

    static func requireCleanPNG(_ file: [UInt8]) throws(BrokenInvariant) {
        var offset = 8
        while offset + 8 <= file.count {
            let length = file[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: file[offset + 4..<offset + 8], as: UTF8.self)
            try require(keptChunks.contains(type), "a cleaned PNG holds a \(type) chunk")
            offset += 12 + length
            if type == "IEND" { break }
        }
        try require(offset == file.count, "a cleaned PNG has bytes after its end, or is cut")
    }

    static func requireCleanJPEG(_ file: [UInt8]) throws(BrokenInvariant) {
        var offset = 2
        var inScan = false
        while offset + 1 < file.count {
            guard file[offset] == 0xFF else {
                try require(inScan, "a cleaned JPEG has bytes outside any segment")
                offset += 1
                continue
            }
            let marker = file[offset + 1]
            if [0x00, 0x01, 0xD8, 0xFF].contains(marker) || (0xD0...0xD7).contains(marker) {
                offset += marker == 0xFF ? 1 : 2
                continue
            }
            if marker == 0xD9 {
                try require(offset + 2 == file.count, "a cleaned JPEG has bytes after its end")
                return
            }
            guard offset + 4 <= file.count else { break }
            let length = Int(file[offset + 2]) << 8 | Int(file[offset + 3])
            let payload = Array(file[(offset + 4)..<min(file.count, offset + 2 + length)])
            try requireKept(marker: marker, payload: payload)
            inScan = marker == 0xDA
            offset += 2 + length
        }
        throw BrokenInvariant("a cleaned JPEG does not end with its end marker")
    }

    /// APP0 only as a bare JFIF header (no thumbnail), APP2 only as a colour profile, APP14 only as Adobe's
    /// 12 bytes; no other application segment and no comment.
    private static func requireKept(marker: UInt8, payload: [UInt8]) throws(BrokenInvariant) {
        switch marker {
        case 0xE0:
            try require(payload.starts(with: Array("JFIF\0".utf8)), "a cleaned JPEG keeps an APP0 that is not JFIF")
            let bare = payload.count == 14 && payload[7] == 0 && payload[12] == 0 && payload[13] == 0
            try require(bare, "a cleaned JPEG keeps a JFIF thumbnail or a density")
        case 0xE2:
            try require(
                payload.starts(with: Array("ICC_PROFILE\0".utf8)), "a cleaned JPEG keeps an APP2 that is not ICC")
        case 0xEE:
            try require(
                payload.starts(with: Array("Adobe".utf8)) && payload.count == 12, "a cleaned JPEG keeps more of APP14")
        case 0xE1, 0xE3...0xED, 0xEF, 0xFE:
            throw BrokenInvariant("a cleaned JPEG keeps application segment or comment \(marker)")
        default:
            break
        }
    }
}
