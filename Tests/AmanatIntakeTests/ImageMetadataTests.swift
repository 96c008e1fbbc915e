import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// Test images, built in code. The two small JPEGs (16×16, no APPn) were made once with libjpeg-turbo's
/// `cjpeg`; everything else (Exif, IPTC, PNGs) is assembled here byte by byte.
enum Fixture {
    static func base64(_ text: String) -> [UInt8] { [UInt8](Data(base64Encoded: text)!) }

    /// Baseline, optimised Huffman tables, restart interval of 1 MCU: the scan holds three RSTn markers
    /// and one stuffed `FF 00`. SOI DQT DQT SOF0 DHT×4 DRI SOS … EOI.
    static let baselineJPEG = base64(
        """
        /9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBD\
        AQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQABAD\
        AREAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAABAb/xAAmEAACAQIFAgcAAAAAAAAAAAABAhESIQADBTFRBGETIkFDgaHB/8QA\
        FwEAAwEAAAAAAAAAAAAAAAAAAwUGBP/EACgRAAECBQIEBwAAAAAAAAAAAAECEQADITFBBBITUdHwIkJhcaHB4f/dAAQAAf/aAAwD\
        AQACEQMRAD8An9OYIsHNCBlBHMbcdu/N8L5/ixDjVLCAQVMCB05ZZrE5Lx//0H6cfCOZQpNR8wBiLSb8zPr+Yl5w3AAwHVq4RmFI\
        vdvZzXmC+X+I/9Gd0hRCKq0FTUpDbzbf4+sYtSq5u8M5iA20Da1RW70vVvyP/9J/QKz0n2ywKkTercb3scTE3akevTvvAdalUwv5\
        XDXruxetD9UF/wD/2Q==
        """)

    /// Progressive: ten scans with a DHT before most of them.
    static let progressiveJPEG = base64(
        """
        /9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBD\
        AQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wgARCAAQABAD\
        AREAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAABf/EABQBAQAAAAAAAAAAAAAAAAAAAAT/2gAMAwEAAhADEAAAATzsXGAdrGBD\
        /8QAFxABAQEBAAAAAAAAAAAAAAAAAAMCIf/aAAgBAQABBQKafEmH/8QAHREAAgEEAwAAAAAAAAAAAAAAAAEDAhESQTFx0f/aAAgB\
        AwEBPwGV22SvHKxUtcEydXXp/8QAGREAAgMBAAAAAAAAAAAAAAAAAAIBAyER/9oACAECAQE/AX0fSyRuQf/EABgQAAIDAAAAAAAA\
        AAAAAAAAAAABEDFh/9oACAEBAAY/ArHGH//EABsQAQACAwEBAAAAAAAAAAAAAAEAESExQWGB/9oACAEBAAE/IVRxZOA3uHQFVkzC\
        tesfZ//aAAwDAQACAAMAAAAQEe//xAAfEQACAgIBBQAAAAAAAAAAAAABESExAFFBcaHB0eH/2gAIAQMBAT8QCJBQED1rlKieS8dI\
        LtdGZ2C+X2wKQQkTbi5XzDD2CudLmD4gX//EABsRAAEFAQEAAAAAAAAAAAAAAAEAETFh8EHR/9oACAECAQE/EKkDACpjLppfm3P/\
        xAAeEAACAQUAAwAAAAAAAAAAAAABESEAMUFRYYGhwf/aAAgBAQABPxASiIgI2ra53c0btFoApQzO28/KEnEmC5xfx6pyyAkHOQvM\
        Gv/Z
        """)

    /// Little CMS's built-in sRGB profile (588 bytes).
    static let iccProfile = base64(
        """
        AAACTGxjbXMEQAAAbW50clJHQiBYWVogB+oACwAZAAwAGQA3YWNzcEFQUEwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPbWAAEA\
        AAAA0y1sY21zAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALZGVzYwAAAQgAAAA2Y3BydAAA\
        AUAAAABMd3RwdAAAAYwAAAAUY2hhZAAAAaAAAAAsclhZWgAAAcwAAAAUYlhZWgAAAeAAAAAUZ1hZWgAAAfQAAAAUclRSQwAAAggA\
        AAAgZ1RSQwAAAggAAAAgYlRSQwAAAggAAAAgY2hybQAAAigAAAAkbWx1YwAAAAAAAAABAAAADGVuVVMAAAAaAAAAHABzAFIARwBC\
        ACAAYgB1AGkAbAB0AC0AaQBuAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAADAAAAAcAE4AbwAgAGMAbwBwAHkAcgBpAGcAaAB0ACwA\
        IAB1AHMAZQAgAGYAcgBlAGUAbAB5WFlaIAAAAAAAAPbWAAEAAAAA0y1zZjMyAAAAAAABDEIAAAXe///zJQAAB5MAAP2Q///7of//\
        /aIAAAPcAADAblhZWiAAAAAAAABvoAAAOPUAAAOQWFlaIAAAAAAAACSfAAAPhAAAtsNYWVogAAAAAAAAYpcAALeHAAAY2XBhcmEA\
        AAAAAAMAAAACZmYAAPKnAAANWQAAE9AAAApbY2hybQAAAAAAAwAAAACj1wAAVHsAAEzNAACZmgAAJmYAAA9c
        """)

    /// Strings planted in the metadata of the dirty images; none may survive stripping.
    static let secrets = [
        "Exif", "Canon", "EOS R6", "SN48317720", "2024:03:08", "Zaira", "Alkhan", "Photoshop", "8BIM",
        "MPF", "JFXX", "xmpmeta", "GARBAGE", "Author", "Description", "Comment", "prVt",
    ]

    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value & 0xFFFF) }
    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Exif (TIFF) with GPS, camera and serial

    struct Entry { let tag: Int, type: Int, count: Int, value: [UInt8] }
    static func text(_ tag: Int, _ value: String) -> Entry {
        Entry(tag: tag, type: 2, count: value.utf8.count + 1, value: ascii(value) + [0])
    }
    static func short(_ tag: Int, _ value: Int) -> Entry { Entry(tag: tag, type: 3, count: 1, value: be16(value)) }
    static func long(_ tag: Int, _ value: Int) -> Entry { Entry(tag: tag, type: 4, count: 1, value: be32(value)) }
    static func rationals(_ tag: Int, _ values: [Int]) -> Entry {
        Entry(tag: tag, type: 5, count: values.count, value: values.flatMap { be32($0) + be32(1) })
    }

    /// A big-endian TIFF IFD placed at `base`, followed by its out-of-line values.
    static func ifd(_ entries: [Entry], at base: Int) -> [UInt8] {
        var head = be16(entries.count)
        var data: [UInt8] = []
        let dataStart = base + 2 + 12 * entries.count + 4
        for entry in entries {
            head += be16(entry.tag) + be16(entry.type) + be32(entry.count)
            if entry.value.count <= 4 {
                head += entry.value + [UInt8](repeating: 0, count: 4 - entry.value.count)
            } else {
                head += be32(dataStart + data.count)
                data += entry.value + (entry.value.count % 2 == 1 ? [0] : [])
            }
        }
        return head + be32(0) + data
    }

    /// A TIFF structure as Exif holds it: camera make and model, orientation, time, serial, GPS position.
    static let tiff: [UInt8] = {
        let ifd0 = { (exif: Int, gps: Int) in
            ifd(
                [
                    text(0x010F, "Canon"), text(0x0110, "Canon EOS R6"), short(0x0112, 6), long(0x8769, exif),
                    long(0x8825, gps),
                ], at: 8)
        }
        let exifAt = 8 + ifd0(0, 0).count
        let exif = ifd([text(0x9003, "2024:03:08 14:22:05"), text(0xA431, "SN48317720")], at: exifAt)
        let gpsAt = exifAt + exif.count
        let gps = ifd(
            [
                Entry(tag: 0, type: 1, count: 4, value: [2, 3, 0, 0]), text(1, "N"), rationals(2, [43, 19, 1]),
                text(3, "E"), rationals(4, [45, 41, 56]),
            ], at: gpsAt)
        return ascii("MM") + [0, 42] + be32(8) + ifd0(exifAt, gpsAt) + exif + gps
    }()

    // MARK: JPEG

    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0xFF, marker] + be16(payload.count + 2) + payload
    }

    static let jfifHeader: [UInt8] = ascii("JFIF") + [0, 1, 2, 1, 0, 72, 0, 72]  // 72 × 72 dots per inch
    /// The same header as the stripper writes it: density as a bare 1:1 aspect ratio, no thumbnail.
    static let jfifClean: [UInt8] = ascii("JFIF") + [0, 1, 2, 0, 0, 1, 0, 1, 0, 0]
    static let adobe: [UInt8] = ascii("Adobe") + [0, 100, 0, 0, 0, 0, 1]
    static let iccSegment = segment(0xE2, ascii("ICC_PROFILE") + [0, 1, 1] + iccProfile)

    /// Every kind of JPEG metadata in one file, around `baselineJPEG`, with bytes appended after EOI.
    static let dirtyJPEG: [UInt8] =
        [0xFF, 0xD8]
        + segment(0xE0, jfifHeader + [2, 1, 9, 8, 7, 6, 5, 4])  // JFIF with a 2×1 thumbnail
        + segment(0xE1, ascii("Exif") + [0, 0] + tiff)
        + segment(
            0xE1,
            ascii("http://ns.adobe.com/xap/1.0/") + [0] + ascii("<x:xmpmeta><dc:creator>Zaira</dc:creator></x:xmpmeta>")
        )
        + iccSegment
        + segment(0xE2, ascii("MPF") + [0] + ascii("MM") + [0, 42] + be32(8) + [0, 0] + be32(0))
        + segment(0xE0, ascii("JFXX") + [0, 0x10, 0xFF, 0xD8, 0xFF, 0xD9])
        + segment(
            0xED,
            ascii("Photoshop 3.0") + [0] + ascii("8BIM") + [4, 4, 0, 0] + be32(14) + [0x1C, 2, 0x50, 0, 9]
                + ascii("Zaira M.") + [0, 0])
        + segment(0xEE, adobe + [0xAB, 0xCD])  // Adobe with two bytes beyond the 12 it defines
        + segment(0xFE, ascii("Comment: taken in Alkhan-Kala"))
        + baselineJPEG[2...]
        + ascii("GARBAGE after EOI SN48317720")

    /// What `dirtyJPEG` must become, byte for byte.
    static let cleanJPEG: [UInt8] =
        [0xFF, 0xD8] + segment(0xE0, jfifClean) + iccSegment
        + segment(0xEE, adobe) + baselineJPEG[2...]

    /// The segments of a JPEG in order (entropy-coded data skipped), by a plain whole-buffer walk that
    /// shares nothing with the stripper; nil unless the file is well formed and ends exactly at EOI.
    static func jpegSegments(_ bytes: [UInt8]) -> [(marker: UInt8, payload: ArraySlice<UInt8>)]? {
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var segments: [(marker: UInt8, payload: ArraySlice<UInt8>)] = [(0xD8, [])]
        var i = 2
        while i + 1 < bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            let marker = bytes[i + 1]
            if marker == 0xD9 {
                segments.append((0xD9, []))
                return i + 2 == bytes.count ? segments : nil
            }
            guard i + 3 < bytes.count else { return nil }
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard length >= 2, i + 2 + length <= bytes.count else { return nil }
            segments.append((marker, bytes[i + 4..<i + 2 + length]))
            i += 2 + length
            if marker == 0xDA {
                while i + 1 < bytes.count,
                    !(bytes[i] == 0xFF && bytes[i + 1] != 0 && !(0xD0...0xD7).contains(bytes[i + 1]))
                { i += 1 }
            }
        }
        return nil
    }

    /// Whether every segment of a cleaned JPEG is one the stripper may keep, in the form it keeps it.
    static func onlyAllowedSegments(_ segments: [(marker: UInt8, payload: ArraySlice<UInt8>)]) -> Bool {
        segments.allSatisfy { marker, payload in
            switch marker {
            case 0xD8, 0xD9, 0xDA, 0xC4, 0xCC, 0xDB...0xDF: true
            case 0xC0...0xCF: marker != 0xC8
            case 0xE0:
                payload.count == 14 && payload.starts(with: ascii("JFIF") + [0]) && payload[payload.startIndex + 7] == 0
                    && payload.suffix(2) == [0, 0]
            case 0xE2: payload.starts(with: ascii("ICC_PROFILE") + [0])
            case 0xEE: payload.count == 12 && payload.starts(with: ascii("Adobe"))
            default: false
            }
        }
    }

    /// From the first SOS marker to the end: the image data that must pass through untouched.
    static func scanSection(_ jpeg: [UInt8]) -> ArraySlice<UInt8> { jpeg[sosStart(jpeg)...] }

    /// Where the first SOS marker starts, found by walking the segments (not by searching for its bytes).
    static func sosStart(_ jpeg: [UInt8]) -> Int {
        var i = 2
        while jpeg[i + 1] != 0xDA { i += 2 + (Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])) }
        return i
    }

    // MARK: PNG

    /// CRC-32 computed bit by bit (no table), independently of the stripper's.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        be32(data.count) + ascii(type) + data + be32(Int(crc32(ascii(type) + data)))
    }

    /// A zlib stream of stored (uncompressed) deflate blocks: valid, and simple to build by hand.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var a = 1
        var b = 0
        for byte in data {
            a = (a + Int(byte)) % 65521
            b = (b + a) % 65521
        }
        let length = data.count
        return [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8), ~UInt8(length & 0xFF), ~UInt8(length >> 8)]
            + data + be32(b << 16 | a)
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let ihdr = chunk("IHDR", be32(4) + be32(4) + [8, 2, 0, 0, 0])  // 4×4, 8-bit RGB
    /// 4×4 RGB pixels, each row with filter type 0, compressed and split over two IDAT chunks.
    static let pixels: [UInt8] = {
        var raw: [UInt8] = []
        for row in 0..<4 { raw += [0] + (0..<12).map { column in UInt8((row * 12 + column) * 5) } }
        return zlibStored(raw)
    }()
    static let idat1 = chunk("IDAT", Array(pixels[..<20]))
    static let idat2 = chunk("IDAT", Array(pixels[20...]))
    static let gama = chunk("gAMA", be32(45455))
    static let iccp = chunk("iCCP", ascii("ICC profile") + [0, 0] + zlibStored(iccProfile))
    static let bkgd = chunk("bKGD", be16(255) + be16(255) + be16(255))
    static let iend = chunk("IEND", [])

    /// Every kind of PNG metadata, around a small picture, with bytes appended after IEND.
    static let dirtyPNG: [UInt8] =
        signature + ihdr + gama + iccp
        + chunk("tEXt", ascii("Author") + [0] + ascii("Zaira M."))
        + chunk("pHYs", be32(2835) + be32(2835) + [1])
        + chunk("tIME", be16(2024) + [3, 8, 14, 22, 5])
        + chunk("iTXt", ascii("Description") + [0, 0, 0] + ascii("ru") + [0, 0] + ascii("Alkhan-Kala"))
        + chunk("eXIf", tiff)
        + bkgd
        + idat1
        + idat2
        + chunk("prVt", ascii("private ancillary chunk"))
        + chunk("zTXt", ascii("Comment") + [0, 0] + zlibStored(ascii("Zaira")))
        + iend
        + ascii("GARBAGE after IEND")

    /// What `dirtyPNG` must become, byte for byte.
    static let cleanPNG: [UInt8] = signature + ihdr + gama + iccp + bkgd + idat1 + idat2 + iend

    /// A two-frame APNG with a text chunk.
    static let apng: [UInt8] = {
        func fctl(_ sequence: Int) -> [UInt8] {
            chunk("fcTL", be32(sequence) + be32(4) + be32(4) + be32(0) + be32(0) + be16(1) + be16(2) + [0, 0])
        }
        return signature + ihdr + chunk("acTL", be32(2) + be32(0)) + fctl(0) + chunk("IDAT", pixels)
            + fctl(1) + chunk("fdAT", be32(2) + pixels) + chunk("tEXt", ascii("Author") + [0] + ascii("Zaira")) + iend
    }()

    /// The chunks of a PNG (type, data, whether the CRC is right); nil unless it ends exactly at IEND.
    static func pngChunks(_ bytes: [UInt8]) -> [(type: String, data: ArraySlice<UInt8>, crcOK: Bool)]? {
        guard bytes.starts(with: signature) else { return nil }
        var chunks: [(type: String, data: ArraySlice<UInt8>, crcOK: Bool)] = []
        var i = 8
        while i + 12 <= bytes.count {
            let length = bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) }
            guard i + 12 + length <= bytes.count else { return nil }
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            let crc = bytes[i + 8 + length..<i + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            chunks.append((type, bytes[i + 8..<i + 8 + length], crc == crc32(Array(bytes[i + 4..<i + 8 + length]))))
            i += 12 + length
            if type == "IEND" { return i == bytes.count ? chunks : nil }
        }
        return nil
    }

    // MARK: Helpers

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = ascii(needle)
        guard haystack.count >= needle.count else { return false }
        return (0...haystack.count - needle.count).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// Strips `bytes` fed in pieces of `size` bytes.
    static func stream(
        _ bytes: [UInt8], by size: Int, kind: ImageMetadata.Kind? = nil
    ) throws(ImageMetadata.Failure) -> [UInt8] {
        var stripper = ImageMetadata.Stripper(kind: kind ?? ImageMetadata.kind(of: bytes))
        var out: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: size) {
            out += try stripper.feed(Array(bytes[start..<min(start + size, bytes.count)]))
        }
        return out + (try stripper.finish())
    }

    /// The outcome of stripping, as a value: the output, or the failure.
    static func outcome(_ body: () throws(ImageMetadata.Failure) -> [UInt8]) -> Result<[UInt8], ImageMetadata.Failure> {
        do { return .success(try body()) } catch { return .failure(error) }
    }

    static func isMalformed(_ result: Result<[UInt8], ImageMetadata.Failure>) -> Bool {
        if case .failure(.malformed) = result { return true }
        return false
    }
}

@Suite("Image metadata stripping")
struct ImageMetadataTests {
    typealias F = Fixture

    @Test("the kind is judged by signature")
    func kindBySignature() {
        #expect(ImageMetadata.kind(of: F.baselineJPEG) == .jpeg)
        #expect(ImageMetadata.kind(of: F.dirtyPNG) == .png)
        #expect(ImageMetadata.kind(of: F.ascii("GIF89a....")) == .other)
        #expect(ImageMetadata.kind(of: [UInt8]()) == .other)
        #expect(ImageMetadata.kind(of: F.signature.prefix(7)) == .other)
        #expect(ImageMetadata.kind(of: F.dirtyJPEG[0..<3]) == .jpeg)
    }

    @Test("the fixtures are what they claim to be")
    func fixtures() throws {
        #expect(F.crc32(F.ascii("123456789")) == 0xCBF4_3926)
        #expect(~ImageMetadata.PNGRewriter.crc32(F.ascii("123456789"), 0xFFFF_FFFF) == 0xCBF4_3926)
        #expect(F.iend == [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        let segments = try #require(F.jpegSegments(F.dirtyJPEG.prefix(F.dirtyJPEG.count - 28).map { $0 }))
        let scans: Int = segments.count { $0.marker == 0xDA }
        let progressiveScans: Int = F.jpegSegments(F.progressiveJPEG)!.count { $0.marker == 0xDA }
        #expect(scans == 1)
        #expect(progressiveScans == 10)
        #expect(F.pngChunks(F.dirtyPNG.dropLast(18).map { $0 })!.allSatisfy { $0.crcOK })
        for secret in F.secrets {
            #expect(F.contains(F.dirtyJPEG, secret) || F.contains(F.dirtyPNG, secret), "\(secret) is not planted")
        }
    }

    // MARK: JPEG

    @Test("JPEG: only the kept segments remain, rewritten as specified; the scan is untouched")
    func jpegStripped() throws {
        let out = try ImageMetadata.strip(F.dirtyJPEG)
        #expect(out == F.cleanJPEG)
        let segments = try #require(F.jpegSegments(out))
        #expect(F.onlyAllowedSegments(segments))
        #expect(!segments.contains { [0xE1, 0xED, 0xFE].contains($0.marker) })
        #expect(F.scanSection(out) == F.scanSection(F.dirtyJPEG).dropLast(28))
        for secret in F.secrets { #expect(!F.contains(out, secret), "\(secret) survived") }
        #expect(try ImageMetadata.strip(F.baselineJPEG) == F.baselineJPEG)
    }

    @Test("JPEG: metadata between progressive scans is dropped; the scans and tables are untouched")
    func jpegProgressive() throws {
        let jpeg = F.progressiveJPEG
        let firstScanEnd = 225  // the DHT that follows the first scan's entropy-coded data
        #expect(jpeg[firstScanEnd...].starts(with: [0xFF, 0xC4]))
        let exif: [UInt8] = F.segment(0xE1, F.ascii("Exif") + [0, 0] + F.tiff)
        // with fill bytes
        let between: [UInt8] = F.segment(0xFE, F.ascii("Zaira")) + [0xFF, 0xFF] + F.segment(0xEC, F.ascii("Ducky"))
        let dirty: [UInt8] = [0xFF, 0xD8] + exif + jpeg[2..<firstScanEnd] + between + jpeg[firstScanEnd...]
        #expect(try ImageMetadata.strip(dirty) == jpeg)
    }

    @Test("JPEG: every chunk size from 1 to 64 gives the same output as the whole buffer")
    func jpegStreaming() throws {
        for jpeg in [F.dirtyJPEG, F.progressiveJPEG] {
            let whole = try ImageMetadata.strip(jpeg)
            for size in 1...64 { #expect(try F.stream(jpeg, by: size) == whole, "chunk size \(size)") }
        }
    }

    @Test("JPEG: a file cut anywhere before EOI fails; cut in the trailing bytes, it is whole")
    func jpegTruncated() throws {
        let eoiEnd = F.dirtyJPEG.count - 28
        for length in 0...F.dirtyJPEG.count {
            let prefix = Array(F.dirtyJPEG[..<length])
            for size in [1, 7, max(length, 1)] {
                let result = F.outcome { () throws(ImageMetadata.Failure) in try F.stream(prefix, by: size, kind: .jpeg)
                }
                if length < eoiEnd {
                    #expect(result == .failure(.truncated), "a cut at \(length)")
                } else {
                    #expect(result == .success(F.cleanJPEG))
                }
            }
        }
        var empty = ImageMetadata.Stripper(kind: .jpeg)
        #expect(throws: ImageMetadata.Failure.truncated) { try empty.finish() }
    }

    @Test(
        "JPEG: broken markers and lengths fail as malformed",
        arguments: [
            [0xFF, 0xD9],  // no SOI
            [0xFF, 0xD8, 0x00],  // no marker after SOI
            [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x01],  // length below 2
            [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00],  // length 0
            [0xFF, 0xD8, 0xFF, 0xD0],  // restart marker outside a scan
            [0xFF, 0xD8, 0xFF, 0x00],  // stuffing outside a scan
            [0xFF, 0xD8, 0xFF, 0xD8],  // second SOI
            [0xFF, 0xD8, 0xFF, 0xD9],  // EOI without a scan
            [0xFF, 0xD8, 0xFF, 0x01],  // TEM
            [0xFF, 0xD8, 0xFF, 0x45],  // reserved
            [0xFF, 0xD8, 0xFF, 0xC8],  // JPG
            [0xFF, 0xD8, 0xFF, 0xF7],  // JPG7 (JPEG-LS)
            [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9],  // scan before frame
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],  // a PNG given to a JPEG stripper
        ] as [[UInt8]])
    func jpegMalformed(bytes: [UInt8]) {
        let whole = F.outcome { () throws(ImageMetadata.Failure) in
            try F.stream(bytes + F.baselineJPEG, by: 1000, kind: .jpeg)
        }
        let byteByByte = F.outcome { () throws(ImageMetadata.Failure) in
            try F.stream(bytes + F.baselineJPEG, by: 1, kind: .jpeg)
        }
        #expect(F.isMalformed(whole))
        #expect(whole == byteByByte)
    }

    @Test("JPEG: APP0 other than a full JFIF header, and short Adobe segments, are dropped")
    func jpegLookalikes() throws {
        let body = Array(F.baselineJPEG[2...])
        let dirty =
            [0xFF, 0xD8] + F.segment(0xE0, F.ascii("JFIF") + [0, 1, 2]) + F.segment(0xE0, F.ascii("AVI1") + [0])
            + F.segment(0xEE, F.ascii("Adobe") + [0]) + F.segment(0xE2, F.ascii("ICC_PROFILX") + [0]) + body
        #expect(try ImageMetadata.strip(dirty) == F.baselineJPEG)
    }

    @Test(
        "JPEG: the JFIF density becomes a bare aspect ratio",
        arguments: [
            ([1, 1, 44, 1, 44], [0, 0, 1, 0, 1]), ([2, 0, 118, 0, 59], [0, 0, 2, 0, 1]),
            ([0, 0, 0, 0, 0], [0, 0, 1, 0, 1]),
            ([1, 0xFF, 0xFF, 0xFF, 0xFE], [0, 0xFF, 0xFF, 0xFF, 0xFE]),
        ] as [([UInt8], [UInt8])])
    func jfifDensity(density: [UInt8], expected: [UInt8]) throws {
        let jpeg =
            [0xFF, 0xD8] + F.segment(0xE0, F.ascii("JFIF") + [0, 1, 1] + density + [0, 0]) + F.baselineJPEG[2...]
        let header = try #require(F.jpegSegments(try ImageMetadata.strip(jpeg))?[1].payload)
        #expect(Array(header) == F.ascii("JFIF") + [0, 1, 1] + expected + [0, 0])
    }

    @Test("JPEG: entropy-coded data, with every restart marker and stuffed byte, streams through without being held")
    func jpegLongScan() throws {
        var random = SeededRandom(seed: 7)
        var scan: [UInt8] = []
        for block in 0..<1000 {
            scan += (0..<1000).map { _ in UInt8.random(in: 0...0xFE, using: &random) }
            let code: UInt8 = block % 9 == 8 ? 0x00 : 0xD0 + UInt8(block % 9)  // RST0-RST7 in turn, and FF 00
            scan += [0xFF, code]
        }
        let header = Array(F.baselineJPEG[..<(F.sosStart(F.baselineJPEG) + 14)])  // through the 12-byte scan header
        var stripper = ImageMetadata.Stripper(kind: .jpeg)
        var out = try stripper.feed(header)
        #expect(out == header)
        for start in stride(from: 0, to: scan.count, by: 4093) {
            let given = Array(scan[start..<min(start + 4093, scan.count)])
            let piece = try stripper.feed(given)
            let difference: Int = abs(piece.count - given.count)
            #expect(difference <= 1)  // at most one FF held back
            out += piece
        }
        out += try stripper.feed([0xFF, 0xD9])
        out += try stripper.finish()
        let expected: [UInt8] = header + scan + [0xFF, 0xD9]
        #expect(out == expected)
    }

    // MARK: PNG

    @Test("PNG: only the kept chunks remain; IDAT is untouched")
    func pngStripped() throws {
        let out = try ImageMetadata.strip(F.dirtyPNG)
        #expect(out == F.cleanPNG)
        let chunks = try #require(F.pngChunks(out))
        #expect(chunks.map(\.type) == ["IHDR", "gAMA", "iCCP", "bKGD", "IDAT", "IDAT", "IEND"])
        #expect(chunks.allSatisfy { $0.crcOK })
        let idat = { (png: [UInt8]) in F.pngChunks(png)!.filter { $0.type == "IDAT" }.map { Array($0.data) } }
        #expect(idat(out) == idat(F.dirtyPNG.dropLast(18).map { $0 }))
        for secret in F.secrets { #expect(!F.contains(out, secret), "\(secret) survived") }
    }

    @Test("PNG: every chunk size from 1 to 64 gives the same output as the whole buffer")
    func pngStreaming() throws {
        for png in [F.dirtyPNG, F.apng] {
            let whole = try ImageMetadata.strip(png)
            for size in 1...64 { #expect(try F.stream(png, by: size) == whole, "chunk size \(size)") }
        }
    }

    @Test("PNG: a file cut anywhere before the end of IEND fails; cut in the trailing bytes, it is whole")
    func pngTruncated() {
        let iendEnd = F.dirtyPNG.count - 18
        for length in 0...F.dirtyPNG.count {
            let prefix = Array(F.dirtyPNG[..<length])
            for size in [1, 5, max(length, 1)] {
                let result = F.outcome { () throws(ImageMetadata.Failure) in try F.stream(prefix, by: size, kind: .png)
                }
                if length < iendEnd {
                    #expect(result == .failure(.truncated), "a cut at \(length)")
                } else {
                    #expect(result == .success(F.cleanPNG))
                }
            }
        }
    }

    @Test("PNG: a flipped byte in a kept chunk or its CRC fails; in a dropped chunk it does not matter")
    func pngCRC() throws {
        let idatStart = (0..<F.dirtyPNG.count).first { F.dirtyPNG[$0...].starts(with: F.idat2) }!
        for offset in [idatStart + 4, idatStart + 9, idatStart + F.idat2.count - 1, 8 + 12, 8 + 5] {
            var damaged = F.dirtyPNG
            damaged[offset] ^= 0x01
            let result = F.outcome { () throws(ImageMetadata.Failure) in try ImageMetadata.strip(damaged) }
            #expect(F.isMalformed(result), "flip at \(offset)")
        }
        var textDamaged = F.dirtyPNG
        let textCRC =
            8 + F.ihdr.count + F.gama.count + F.iccp.count
            + F.chunk("tEXt", F.ascii("Author") + [0] + F.ascii("Zaira M.")).count - 1
        textDamaged[textCRC] ^= 0x01
        #expect(try ImageMetadata.strip(textDamaged) == F.cleanPNG)
    }

    @Test(
        "PNG: broken structure fails as malformed",
        arguments: [
            // bad signature
            Array(Fixture.signature.dropLast()) + [0x0B] + Fixture.ihdr + Fixture.idat1 + Fixture.iend,
            Fixture.signature + Fixture.gama + Fixture.ihdr + Fixture.idat1 + Fixture.iend,  // IHDR not first
            Fixture.signature + Fixture.ihdr + Fixture.ihdr + Fixture.idat1 + Fixture.iend,  // two IHDR
            // unknown critical chunk
            Fixture.signature + Fixture.ihdr + Fixture.chunk("ABCD", [1]) + Fixture.idat1 + Fixture.iend,
            // Apple's private critical chunk
            Fixture.signature + Fixture.ihdr + Fixture.chunk("CgBI", [0, 0, 0, 0]) + Fixture.idat1 + Fixture.iend,
            Fixture.signature + Fixture.ihdr + [0x80, 0, 0, 0] + Fixture.ascii("tEXt"),  // longer than 2^31-1
            // type not letters
            Fixture.signature + Fixture.ihdr + Fixture.chunk("te1t", [1]) + Fixture.idat1 + Fixture.iend,
            Fixture.signature + Fixture.ihdr + Fixture.iend,  // IEND before IDAT
            Fixture.signature + Fixture.ihdr + Fixture.idat1 + Fixture.chunk("IEND", [0]),  // IEND not empty
            Fixture.baselineJPEG,  // a JPEG given to a PNG stripper
        ] as [[UInt8]])
    func pngMalformed(bytes: [UInt8]) {
        let whole = F.outcome { () throws(ImageMetadata.Failure) in try F.stream(bytes, by: 1000, kind: .png) }
        let byteByByte = F.outcome { () throws(ImageMetadata.Failure) in try F.stream(bytes, by: 1, kind: .png) }
        #expect(F.isMalformed(whole))
        #expect(whole == byteByByte)
    }

    @Test("PNG: APNG animation chunks are kept, text dropped")
    func apng() throws {
        let chunks = try #require(F.pngChunks(try ImageMetadata.strip(F.apng)))
        #expect(chunks.map(\.type) == ["IHDR", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "IEND"])
    }

    @Test("PNG: kept chunks stream through and dropped ones are skipped, without being held")
    func pngLongChunks() throws {
        let data = [UInt8](repeating: 0x5A, count: 1_000_000)
        let png =
            F.signature + F.ihdr + F.chunk("tEXt", F.ascii("Author") + [0] + data) + F.chunk("IDAT", data) + F.iend
        var stripper = ImageMetadata.Stripper(kind: .png)
        var out: [UInt8] = []
        let textEnd = 8 + F.ihdr.count + 12 + 7 + data.count
        for start in stride(from: 0, to: png.count, by: 4096) {
            let end = min(start + 4096, png.count)
            let piece = try stripper.feed(Array(png[start..<end]))
            if start >= textEnd + 8, end <= png.count - F.iend.count - 4 { #expect(piece.count == end - start) }
            if start >= 8 + F.ihdr.count + 8, end <= textEnd { #expect(piece.isEmpty) }
            out += piece
        }
        out += try stripper.finish()
        #expect(out == F.signature + F.ihdr + F.chunk("IDAT", data) + F.iend)
    }

    // MARK: Other kinds, failures

    @Test("other kinds pass through unchanged")
    func otherPassesThrough() throws {
        let gif = F.ascii("GIF89a") + (0..<200).map { UInt8($0) }
        #expect(try ImageMetadata.strip(gif) == gif)
        for size in [1, 3, 64] { #expect(try F.stream(gif, by: size) == gif) }
        #expect(try ImageMetadata.strip([]) == [])
    }

    @Test("a failure is final, and its message carries no content")
    func failureIsSticky() throws {
        var damaged = F.dirtyJPEG
        let comment = F.dirtyJPEG.count - 28 - F.baselineJPEG.count + 2 - 33
        #expect(damaged[comment..<comment + 2] == [0xFF, 0xFE])
        damaged[comment + 3] = 1  // the COM segment's length becomes 1
        var stripper = ImageMetadata.Stripper(kind: .jpeg)
        var failure: ImageMetadata.Failure?
        do { _ = try stripper.feed(damaged) } catch { failure = error }
        #expect(failure == .malformed("JPEG: segment 0xFE at offset \(comment) has impossible length 1"))
        #expect(throws: failure!) { try stripper.feed(F.baselineJPEG) }
        #expect(throws: failure!) { try stripper.finish() }
        var png = ImageMetadata.Stripper(kind: .png)
        #expect(throws: ImageMetadata.Failure.truncated) { try png.finish() }
        #expect(throws: ImageMetadata.Failure.truncated) { try png.feed(F.dirtyPNG) }
    }

    @Test("random damage never crashes, and what passes is well formed and the same in any chunking")
    func mutations() {
        var random = SeededRandom(seed: 2024)
        for (index, original) in [F.dirtyJPEG, F.progressiveJPEG, F.dirtyPNG, F.apng].enumerated() {
            for _ in 0..<400 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
                    }
                }
                let whole = F.outcome { () throws(ImageMetadata.Failure) in try ImageMetadata.strip(bytes) }
                let size = Int.random(in: 1...97, using: &random)
                let pieces = F.outcome { () throws(ImageMetadata.Failure) in try F.stream(bytes, by: size) }
                #expect(whole == pieces)
                guard case .success(let out) = whole else { continue }
                switch ImageMetadata.kind(of: bytes) {
                case .jpeg: #expect(F.jpegSegments(out).map(F.onlyAllowedSegments) == true, "fixture \(index)")
                case .png:
                    let kept = ImageMetadata.PNGRewriter.kept
                    #expect(
                        F.pngChunks(out).map { $0.allSatisfy { kept.contains($0.type) && $0.crcOK } } == true,
                        "fixture \(index)")
                case .other: #expect(out == bytes)
                }
            }
        }
    }
}
