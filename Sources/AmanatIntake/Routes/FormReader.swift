import AmanatCrypto
import AmanatVault
import Hummingbird

/// Reads a multipart form as it streams in: small text fields are kept (each bounded), files are
/// encrypted into the vault as their bytes arrive (photos stripped of their metadata first). The
/// first field must be the form token, which is checked before any file is accepted.
struct FormReader {
    /// Why a form could not be read; every case means nothing was kept.
    enum Failure: Error {
        case token(FormTokens.Refusal)
        case tooLarge
        case malformed
        /// A JPEG or PNG photo that is damaged or cut off (its metadata could not be removed safely).
        case badImage
    }

    /// Text fields, by name.
    private(set) var fields: [String: String] = [:]
    /// Files received whole, encrypted in the vault.
    private(set) var uploads: [Attachment] = []

    private let vault: Vault
    private let limit: Int
    /// The text fields the forms have, each with its size limit; any other part is refused.
    private static let fieldLimits: [String: Int] = [
        "csrf": 128, "codename": 1024, "statement": 1 << 20, "person1": 4096, "person2": 4096, "person3": 4096,
        "relation1": 4096, "relation2": 4096, "relation3": 4096, "places": 16 * 1024, "dates": 16 * 1024, "contact": 4096,
    ]
    /// All text fields of one form together.
    private static let textLimit = (1 << 20) + 128 * 1024
    private var textBytes = 0

    init(vault: Vault, limit: Int) {
        self.vault = vault
        self.limit = limit
    }

    /// Reads the whole body. On any failure every file already stored is deleted before throwing.
    mutating func read(_ request: Request, tokens: FormTokens) async throws {
        guard let contentType = request.headers[.contentType], let boundary = MultipartParser.boundary(contentType: contentType) else {
            throw Failure.malformed
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit + (2 << 20) { throw Failure.tooLarge }
        var parser = MultipartParser(boundary: boundary)
        var current: (name: String, file: FileIntake?, text: [UInt8])?
        var received = 0
        let nonce = FormTokens.nonce(fromCookie: request.cookies[FormTokens.cookieName]?.value)
        do {
            for try await buffer in request.body {
                received += buffer.readableBytes
                guard received <= limit + (2 << 20) else { throw Failure.tooLarge }
                for event in try parser.feed(buffer.readableBytesView) {
                    switch event {
                    case let .begin(name, filename):
                        if fields.isEmpty, name != "csrf" { throw Failure.token(.missing) }
                        if let filename, name == "files" {
                            current = (name, filename.isEmpty ? nil : try FileIntake(vault: vault, name: filename, limit: limit - uploads.reduce(0) { $0 + $1.size }), [])
                        } else {
                            // Only the forms' own fields are read; a part with another name is not a form of ours.
                            guard Self.fieldLimits[name] != nil, fields[name] == nil else { throw Failure.malformed }
                            current = (name, nil, [])
                        }
                    case let .bytes(bytes):
                        guard var part = current else { throw Failure.malformed }
                        if let file = part.file {
                            try file.write(bytes)
                        } else if part.name != "files" {
                            part.text += bytes
                            textBytes += bytes.count
                            guard part.text.count <= Self.fieldLimits[part.name, default: 0], textBytes <= Self.textLimit else { throw Failure.tooLarge }
                            current = part
                        }
                    case .end:
                        guard let part = current else { throw Failure.malformed }
                        current = nil
                        if let file = part.file {
                            if let attachment = try file.finish() { uploads.append(attachment) }
                        } else if part.name != "files" {
                            guard let text = String(validating: part.text, as: UTF8.self) else { throw Failure.malformed }
                            // Browsers send a textarea's line breaks as CR LF; testimony keeps plain LF.
                            fields[part.name] = text.replacingOccurrences(of: "\r\n", with: "\n")
                            if part.name == "csrf" {
                                do { try tokens.check(text, nonce: nonce) } catch let refusal as FormTokens.Refusal { throw Failure.token(refusal) }
                            }
                        }
                    }
                }
            }
            try parser.finish()
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
