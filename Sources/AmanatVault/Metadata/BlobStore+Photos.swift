import AmanatCrypto
import Foundation

extension BlobStore {
    /// Stores a file as an attachment under the one metadata policy of the vault: a JPEG or PNG photo is
    /// rewritten without its metadata (`ImageMetadata`: GPS, camera, times, names) as it is encrypted, exactly
    /// as the web intake does; any other file, or a photo the caller keeps whole on purpose, is stored as it is.
    /// - Parameters:
    ///   - keepMetadata: store the file byte for byte (evidence an intake officer must keep intact).
    /// - Throws: as `store(path:name:progress:)`, and `AmanatVaultError.invalidArgument` for a photo that is
    ///   damaged or cut short (its metadata could not be removed safely, so nothing is stored).
    func store(
        path: String, name: String, keepMetadata: Bool, progress: ((Int, Int) -> Void)? = nil
    ) throws -> Attachment {
        guard !keepMetadata, Self.photoKind(at: path) != .other else {
            return try store(path: path, name: name, progress: progress)
        }
        return try storeStripped(path: path, name: name, progress: progress)
    }

    /// The kind of the file at `path`, by its first bytes.
    static func photoKind(at path: String) -> ImageMetadata.Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else { return .other }
        defer { try? handle.close() }
        return ImageMetadata.kind(of: Array((try? handle.read(upToCount: 8)) ?? Data()))
    }

    private func storeStripped(path: String, name: String, progress: ((Int, Int) -> Void)?) throws -> Attachment {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= limit else { throw AmanatVaultError.attachmentTooLarge(path: path, limit: limit) }
        guard size > 0 else {
            throw AmanatVaultError.invalidArgument(
                "\(path) is empty (0 bytes); nothing was submitted. Attach the file that holds the photo or document")
        }
        var reader = try vaultCrypto(path) { try FileReader(path: path) }
        let upload = try AttachmentUpload(blobs: container, name: name, limit: limit)
        var stripper = ImageMetadata.Stripper(kind: Self.photoKind(at: path))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        do {
            while true {
                let count = try vaultCrypto(path) { try reader.read(into: buffer) }
                if count == 0 { break }
                let clean = try stripper.feed(Array(UnsafeRawBufferPointer(rebasing: buffer[0..<count])))
                if !clean.isEmpty { try clean.withUnsafeBytes { try upload.write($0) } }
                done += count
                progress?(done, size)
            }
            let last = try stripper.finish()
            if !last.isEmpty { try last.withUnsafeBytes { try upload.write($0) } }
            return try upload.finish()
        } catch let failure as ImageMetadata.Failure {
            upload.cancel()
            throw AmanatVaultError.invalidArgument(
                "\(path) looks like a \(stripper.kind.rawValue.uppercased()) photo but is damaged "
                    + "or cut short (\(failure)), so its hidden data (location, camera, time) could not be removed "
                    + "safely; "
                    + "nothing was submitted. Export the photo again, or attach it with --keep-metadata if it must "
                    + "stay as it is"
            )
        } catch {
            upload.cancel()
            throw error
        }
    }
}
