import AmanatCrypto
import AmanatVault
import Hummingbird

/// Reads a multipart form as it streams in: small text fields are kept (each bounded), files are
/// encrypted into the vault as their bytes arrive (photos stripped of their metadata first). The
/// first field must be the form token, which is checked before any file is accepted.
///
/// A refusal never costs a mother her words: after an expired or missing token, a file too large or a
/// damaged photo, every file is deleted and the rest of the body is still read for its text fields
/// alone (bounded as always), so the page can show her form again, filled in, with the names of the
/// files to choose again. Only a body over the total limit, or one that is not a form, stops at once.
struct FormReader {
    /// Why a form could not be read; every case means nothing was kept.
    enum Failure: Error {
        case token(FormTokens.Refusal)
        case tooLarge
        case malformed
        /// A JPEG or PNG photo that is damaged or cut off (its metadata could not be removed safely).
        case badImage
        /// More files than one submission may hold.
        case tooManyFiles
        /// The server was too busy to take the form: only her words were read, to give them back.
        case busy
    }

    /// Text fields, by name (after a failure too: what she typed, to fill her form again).
    private(set) var fields: [String: String] = [:]
    /// The names of the files the browser sent, to tell her which to choose again after a refusal.
    private(set) var fileNames: [String] = []
    /// The first refusal; from then on files are skipped and only text fields are read.
    private var failure: Failure?
    /// Files received whole, encrypted in the vault.
    private(set) var uploads: [Attachment] = []

    private let vault: Vault
    private let limit: Int
    private let fileLimit: Int
    private var fileCount = 0
    /// File names kept to name on the page again; beyond this many they are only counted.
    private static let namesShown = 100
    /// The text fields the forms have, each with its size limit; any other part is refused.
    private static let fieldLimits: [String: Int] = [
        "csrf": 128, "codename": 1024, "statement": 1 << 20, "person1": 4096, "person2": 4096, "person3": 4096,
        "relation1": 4096, "relation2": 4096, "relation3": 4096, "places": 16 * 1024, "dates": 16 * 1024,
        "contact": 4096,
    ]
    /// All text fields of one form together.
    private static let textLimit = (1 << 20) + 128 * 1024
    private var textBytes = 0

    init(vault: Vault, limit: Int, fileLimit: Int) {
        self.vault = vault
        self.limit = limit
        self.fileLimit = fileLimit
    }

    /// Reads the whole body. On any failure every file already stored is deleted before throwing.
    /// - Parameter busy: read her words only (no file is stored), then refuse with `Failure.busy`.
    mutating func read(_ request: Request, tokens: FormTokens, busy: Bool = false) async throws {
        if busy { failure = .busy }
        guard let contentType = request.headers[.contentType],
            let boundary = MultipartParser.boundary(contentType: contentType)
        else {
            throw Failure.malformed
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit + (2 << 20) {
            throw Failure.tooLarge
        }
        var parser = MultipartParser(boundary: boundary)
        var current: Part?
        var received = 0
        let nonce = FormTokens.nonce(fromCookie: request.cookies[FormTokens.cookieName]?.value)
        defer {
            parser.wipe()
            if let text = current?.text { Wipe.bytes(text) }
        }
        do {
            var body = request.body.makeAsyncIterator()
            while let buffer = try await Self.next(&body) {
                // Her words, in the buffer they arrived in, are zeroed once parsed.
                defer { Wipe.buffer(buffer) }
                received += buffer.readableBytes
                guard received <= limit + (2 << 20) else { throw Failure.tooLarge }
                let events = try parser.feed(buffer.readableBytesView)
                defer { for case .bytes(let bytes) in events { Wipe.bytes(bytes) } }
                for event in events {
                    do {
                        try handle(event, &current, tokens: tokens, nonce: nonce)
                    } catch let refusal as Failure where Self.keepsReading(refusal) && failure == nil {
                        // Keep her words: drop every file, then read on for the text fields only.
                        failure = refusal
                        current?.file?.cancel()
                        current?.file = nil
                        vault.discard(uploads)
                        uploads = []
                    }
                }
            }
            try parser.finish()
            if let failure { throw failure }
        } catch {
            current?.file?.cancel()
            vault.discard(uploads)
            uploads = []
            if error is MultipartParser.Malformed { throw Failure.malformed }
            if let failure = error as? Failure { throw failure }
            if case AmanatVaultError.attachmentTooLarge = error { throw Failure.tooLarge }
            throw error
        }
    }

    /// The next piece of a request body. A body that ends before its length, or whose chunked encoding is broken,
    /// is the visitor's mistake (or her connection's), not the server's: `Failure.malformed`, answered with 400.
    static func next(_ body: inout RequestBody.AsyncIterator) async throws -> ByteBuffer? {
        do {
            return try await body.next()
        } catch {
            throw Failure.malformed
        }
    }

    /// Refusals after which the rest of the form is still worth reading for her words.
    private static func keepsReading(_ failure: Failure) -> Bool {
        switch failure {
        case .token, .badImage, .tooManyFiles, .busy: true
        case .tooLarge, .malformed: false
        }
    }

    /// One event of the multipart stream.
    private mutating func handle(
        _ event: MultipartParser.Event, _ current: inout Part?, tokens: FormTokens,
        nonce: [UInt8]?
    ) throws {
        switch event {
        case .begin(let name, let filename):
            // No token first: refused, but her words are still read (no file has been accepted yet).
            if fields.isEmpty, failure == nil, name != "csrf" { failure = .token(.missing) }
            if let filename, name == "files" {
                if !filename.isEmpty {
                    fileCount += 1
                    if fileNames.count < Self.namesShown { fileNames.append(String(filename.prefix(200))) }
                }
                if fileCount > fileLimit, failure == nil {
                    current = Part(name: name)  // read past, never stored
                    throw Failure.tooManyFiles
                }
                let skip = filename.isEmpty || failure != nil
                let room = limit - uploads.reduce(0) { $0 + $1.size }
                current = Part(name: name, file: skip ? nil : try FileIntake(vault: vault, name: filename, limit: room))
            } else {
                // Only the forms' own fields are read; a part with another name is not a form of ours.
                guard Self.fieldLimits[name] != nil, fields[name] == nil else { throw Failure.malformed }
                current = Part(name: name)
            }
        case .bytes(let bytes):
            guard var part = current else { throw Failure.malformed }
            if let file = part.file {
                try file.write(bytes)
            } else if part.name != "files" {
                current = nil  // so the text's storage is not shared, and grows without leaving a copy behind
                Wipe.append(bytes, to: &part.text)
                current = part
                textBytes += bytes.count
                guard part.text.count <= Self.fieldLimits[part.name, default: 0], textBytes <= Self.textLimit else {
                    throw Failure.tooLarge
                }
            }
        case .end:
            guard let part = current else { throw Failure.malformed }
            current = nil
            if let file = part.file {
                if let attachment = try file.finish() { uploads.append(attachment) }
            } else if part.name != "files" {
                defer { Wipe.bytes(part.text) }
                guard let text = String(validating: part.text, as: UTF8.self) else { throw Failure.malformed }
                // Browsers send a textarea's line breaks as CR LF; testimony keeps plain LF.
                let plain = text.replacingOccurrences(of: "\r\n", with: "\n")
                if plain != text { Wipe.string(text) }
                fields[part.name] = plain
                if part.name == "csrf", failure == nil {
                    do { try tokens.check(text, nonce: nonce) } catch let refusal as FormTokens.Refusal {
                        throw Failure.token(refusal)
                    }
                }
            }
        }
    }

    /// The part being read: a text field's bytes so far, or a file streaming into the vault.
    struct Part {
        var name: String
        var file: FileIntake?
        var text: [UInt8] = []
    }

    /// Zeroes the text fields she sent, once the response no longer needs them.
    func wipe() {
        for value in fields.values { Wipe.string(value) }
    }

    /// Deletes the stored files (the submission failed after reading).
    mutating func discard() {
        vault.discard(uploads)
        uploads = []
    }
}

/// One uploaded file: its first bytes decide whether it is a JPEG or PNG photo, which is stripped of
/// its metadata (by rewriting the container) before a byte of it is encrypted; then it streams into the
/// vault. A photo that cannot be read whole is refused (fail closed: it might keep what it hides). An
/// empty file is dropped.
final class FileIntake {
    private let upload: AttachmentUpload
    private var stripper: ImageMetadata.Stripper?
    private var head: [UInt8] = []

    init(vault: Vault, name: String, limit: Int) throws {
        // Only the last path component of the name the browser sent, without control characters.
        let base = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? "file"
        let clean = String(base.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.prefix(200))
        upload = try vault.beginAttachment(name: clean.isEmpty ? "file" : clean, limit: max(0, limit))
    }

    func write(_ bytes: [UInt8]) throws {
        guard stripper != nil else {
            // Eight bytes tell a JPEG or PNG signature apart.
            head += bytes
            if head.count >= 8 { try start() }
            return
        }
        try pass(bytes)
    }

    private func start() throws {
        stripper = ImageMetadata.Stripper(kind: ImageMetadata.kind(of: head))
        let first = head
        head = []
        try pass(first)
    }

    private func pass(_ bytes: [UInt8]) throws {
        let clean: [UInt8]
        do { clean = try stripper!.feed(bytes) } catch { throw FormReader.Failure.badImage }
        if !clean.isEmpty { try clean.withUnsafeBytes { try upload.write($0) } }
    }

    /// The stored attachment, or nil for an empty file (nothing is kept).
    func finish() throws -> Attachment? {
        if stripper == nil, !head.isEmpty { try start() }
        if stripper != nil {
            let last: [UInt8]
            do { last = try stripper!.finish() } catch { throw FormReader.Failure.badImage }
            if !last.isEmpty { try last.withUnsafeBytes { try upload.write($0) } }
        }
        guard upload.size > 0 else {
            upload.cancel()
            return nil
        }
        return try upload.finish()
    }

    func cancel() { upload.cancel() }
}
