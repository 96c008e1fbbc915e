/// Removes identifying metadata from images by rewriting their container (never re-encoding pixels).
///
/// A photo carries more than its picture: the place it was taken (GPS), the time, the make, model and
/// serial number of the camera, the name of its owner, a small copy of the picture before it was cropped,
/// and sometimes data a camera appends after the image. The stripper keeps only what a viewer needs to
/// show the picture's pixels in their right colours, and leaves the compressed image data exactly as it
/// arrived, byte for byte; it never decodes or re-compresses it, so the picture loses no quality.
///
/// What is kept, and why:
/// - JPEG: the frame, tables, scans and restart markers; a plain JFIF header (its thumbnail removed and
///   its density reduced to a pixel aspect ratio); ICC colour profiles (`APP2 ICC_PROFILE`); and the Adobe
///   colour-transform segment (`APP14 Adobe`), without which CMYK and YCCK pictures decode with the wrong
///   colours. Everything else is dropped, including everything after the end of the image.
/// - PNG: the critical chunks, the chunks that affect how colours and transparency are shown
///   (`tRNS`, `gAMA`, `cHRM`, `sRGB`, `iCCP`, `sBIT`, `bKGD`) and the animation chunks of APNG
///   (`acTL`, `fcTL`, `fdAT`). Text, time, Exif, physical size and unknown chunks are dropped (so are the
///   newer HDR chunks `cICP`, `mDCV` and `cLLI`: such a picture shows in standard range), and so is
///   everything after the end of the image.
/// - Anything else passes through unchanged, metadata and all; the intake page says so.
///
/// Colour profiles are kept as they are. The standard profiles that phones and editors embed name no
/// device, but a profile made for one particular scanner or camera could name its maker and model.
///
/// A photo may look turned after stripping. Cameras often store a picture sideways and record in the
/// Exif block (JPEG `APP1`, PNG `eXIf`) which way up it belongs; that block also holds the GPS position
/// and the serial number, so it is dropped whole, and a viewer then shows the picture as stored. The intake page tells the
/// person sending it that this can happen and that the picture itself is unchanged.
public enum ImageMetadata {
    /// What kind of file the bytes are, judged by their signature (never by the name the browser sent).
    public enum Kind: String, Sendable {
        /// A JPEG (JFIF or Exif) file: it starts with `FF D8 FF`.
        case jpeg
        /// A PNG file (APNG included): it starts with the 8-byte PNG signature.
        case png
        /// Any other kind of file; the stripper passes it through unchanged.
        case other
    }

    /// Why a file could not be cleaned. Messages name offsets and the kinds of segment or chunk involved,
    /// never any of the file's content, so they are safe to log.
    public enum Failure: Error, Equatable, Sendable {
        /// The file ended before its end marker (JPEG `EOI`, PNG `IEND`): it was cut short in transit.
        case truncated
        /// The file breaks the rules of its format, or uses a part the stripper does not know and so
        /// will not pass on (it fails closed rather than let unknown data through).
        case malformed(String)
    }

    /// Judges the kind of a file by its first bytes.
    ///
    /// Pass at least the first 8 bytes (or the whole file, if it is shorter): a prefix too short to hold
    /// a signature is judged `.other`, and `.other` files pass through the stripper unchanged.
    /// - Parameter prefix: The first bytes of the file.
    /// - Returns: `.jpeg`, `.png`, or `.other`.
    public static func kind(of prefix: some Collection<UInt8>) -> Kind {
        if prefix.starts(with: PNGRewriter.signature) { return .png }
        if prefix.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        return .other
    }

    /// A streaming rewriter: feed chunks as they arrive from the network, get cleaned chunks out;
    /// never holds the whole file.
    ///
    /// The stripper keeps at most one JPEG segment (at most 65,535 bytes by the format's construction) or
    /// a few bytes of a PNG chunk header in memory; image data streams straight through. Chunks may be cut
    /// anywhere, even inside a marker or a length.
    ///
    /// Output handed back before a call throws must be thrown away: a file is clean only when `finish()`
    /// returns without throwing. Once a call has thrown, every later call throws the same failure.
    /// ```swift
    /// var stripper = ImageMetadata.Stripper(kind: ImageMetadata.kind(of: firstChunk))
    /// for chunk in chunks { sink.write(try stripper.feed(chunk)) }
    /// sink.write(try stripper.finish())
    /// ```
    public struct Stripper: Sendable {
        /// The kind of file this stripper was made for.
        public let kind: Kind
        private var jpeg: JPEGRewriter?
        private var png: PNGRewriter?
        private var failure: Failure?

        /// Makes a stripper for one file.
        ///
        /// The stripper checks the signature itself: a file fed to a `.jpeg` or `.png` stripper that does
        /// not start as one fails with `.malformed`.
        /// - Parameter kind: The file's kind, as judged by `ImageMetadata.kind(of:)`.
        public init(kind: Kind) {
            self.kind = kind
            switch kind {
            case .jpeg: jpeg = JPEGRewriter()
            case .png: png = PNGRewriter()
            case .other: break
            }
        }

        /// Takes the next piece of the file and returns the cleaned bytes that are ready.
        ///
        /// The result may be shorter or longer than `chunk`, or empty; it is the next piece of the
        /// cleaned file. Bytes after the image's end marker are dropped.
        /// - Parameter chunk: The next bytes of the file, of any length.
        /// - Returns: The cleaned bytes that follow those already returned.
        /// - Throws: `Failure.malformed` as soon as the bytes break the format's rules.
        public mutating func feed(_ chunk: [UInt8]) throws(Failure) -> [UInt8] {
            if let failure { throw failure }
            guard jpeg != nil || png != nil else { return chunk }
            var out: [UInt8] = []
            out.reserveCapacity(chunk.count + 32)
            do throws(Failure) {
                if jpeg != nil { try jpeg!.feed(chunk, into: &out) } else { try png!.feed(chunk, into: &out) }
            } catch {
                failure = error
                throw error
            }
            return out
        }

        /// Tells the stripper that the file has ended, and returns any last cleaned bytes.
        ///
        /// Only when this returns without throwing is the output a complete, clean file.
        /// - Returns: The last cleaned bytes (empty for every kind the stripper knows today).
        /// - Throws: `Failure.truncated` if the file ended before its end marker, or the earlier failure.
        public mutating func finish() throws(Failure) -> [UInt8] {
            if let failure { throw failure }
            let complete = jpeg?.isComplete ?? png?.isComplete ?? true
            guard complete else {
                failure = .truncated
                throw .truncated
            }
            return []
        }
    }

    /// Cleans a whole file held in memory; a convenience for tests and small files.
    ///
    /// The kind is judged from the bytes themselves.
    /// - Parameter bytes: The whole file.
    /// - Returns: The cleaned file (for `.other` kinds, the same bytes).
    /// - Throws: `Failure.truncated` or `Failure.malformed`, as `Stripper` does.
    public static func strip(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var stripper = Stripper(kind: kind(of: bytes))
        var out = try stripper.feed(bytes)
        out += try stripper.finish()
        return out
    }

    /// Writes a byte as two hexadecimal digits, for failure messages.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
