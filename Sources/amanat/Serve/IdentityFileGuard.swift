import AmanatCrypto
import Foundation

/// `amanat serve` holds no secret: it refuses to start while an identity file (a secret key, recognised by
/// its `AMANATID` header) sits in the vault folder, where every copy and backup of the folder would carry it.
enum IdentityFileGuard {
    /// The first identity file found in `folder` or its subfolders, or nil. `blobs/` is not searched: it
    /// holds only encrypted attachments, and a source's upload must not be able to stop the intake.
    static func identityFile(in folder: String) -> String? {
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return nil }
        let magic = Data(Labels.identityFileMagic)
        while let name = walk.nextObject() as? String {
            if name == "blobs" {
                walk.skipDescendants()
                continue
            }
            let path = (folder as NSString).appendingPathComponent(name)
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            if (try? handle.read(upToCount: magic.count)) == magic { return path }
        }
        return nil
    }

    /// Throws when `identityFile(in:)` finds one, saying where to move it.
    /// - Parameters:
    ///   - folder: the vault folder.
    ///   - outside: where the file belongs instead (the default administrator identity path, next to the folder).
    static func refuse(in folder: String, outside: String) throws {
        guard let found = identityFile(in: folder) else { return }
        throw CLIError.refused(
            "\(found) is an identity file (a secret key) inside the vault folder; the intake must hold no secret, "
                + "so it does not start",
            hint: "move it out with `mv \(found) \(outside)`, then to the administrator's own computer "
                + "(Docs/deploy.md, section 1); give it to commands there with --identity")
    }
}
