import AmanatCrypto
import Foundation

/// A vault backup (`FILE.amanat-backup`): every row and every attachment of a vault in one file, encrypted
/// under a key of its own that is sealed to the administrator's X25519 key, and signed by her. Byte layout
/// "Vault backup v1" in Docs/format.md §8.24.
///
/// Layout: magic "AMANATBK", version 1, the signer's Ed25519 key, the X25519 key the backup key is sealed to,
/// the backup's id and day, the sealed backup key; then one Amanat stream under the backup key whose
/// plaintext is the archive (an SQLite database holding the rows, then each blob's stored bytes, then an end
/// mark); last an Ed25519 signature over the keyed BLAKE2b-512 of everything before it. Only the holder of
/// the administrator's identity opens it; anyone with her public key can check it.
public enum VaultBackup {
    /// The 8-byte magic.
    static let magic: [UInt8] = Array("AMANATBK".utf8)
    /// The current version.
    static let version: UInt8 = 1
    /// magic (8) + version (1) + signer (32) + sealed-to key (32) + id (16) + day (10) + sealed key (80).
    static let headerSize = 8 + 1 + 32 + 32 + 16 + 10 + 80
    /// Signature length at the end.
    static let signatureSize = Ed25519.signatureSize
    /// The largest blob a backup may hold: the stored size of the largest attachment.
    static let blobLimit = SecretStream.encryptedSize(plaintextSize: SizeBucket.bucket(for: Vault.attachmentLimit))
    /// The largest database a backup may hold (a vault of some millions of records).
    static let databaseLimit = 64 << 30

    /// The kinds of entry in the archive.
    enum Entry: UInt8 {
        /// The last byte of the archive.
        case end = 0
        /// The rows: a u64 length, then an SQLite database in the vault's schema (§8.4).
        case database = 1
        /// One attachment: its 16-byte blob id, a u64 length, then its stored bytes (§8.7).
        case blob = 2
    }

    /// The keyed hash of everything before the signature.
    static func hasher() -> BLAKE2b.Hasher { BLAKE2b.Hasher(length: 64, key: Labels.vaultBackup) }

    /// The size of the file at `path`, or nil when it cannot be read.
    static func size(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }

    /// What the administrator signs: label || 0 || version || hash.
    static func signedMessage(_ hash: [UInt8]) -> [UInt8] { Labels.vaultBackup + [0, version] + hash }

    /// What a backup or a restore did.
    public struct Report: Sendable, Equatable {
        /// The backup's id, named by the `vault.backup` audit entry written when it was made.
        public let id: VaultID<BackupTag>
        /// Day it was made.
        public let day: Day
        /// Records and attachments it holds.
        public let records: Int, blobs: Int
        /// Its size in bytes.
        public let size: Int
        /// The audit head of the vault it holds (its log holds the `vault.backup` entry naming it).
        public let auditHead: AuditLog.Head
    }

    /// The fixed header.
    struct Header {
        let signer: Ed25519.PublicKey
        let sealedTo: X25519.PublicKey
        let id: VaultID<BackupTag>
        let day: Day
        let sealedKey: [UInt8]

        var bytes: [UInt8] {
            magic + [version] + signer.rawRepresentation + sealedTo.rawRepresentation + id.rawValue
                + Array(day.description.utf8) + sealedKey
        }

        init(
            signer: Ed25519.PublicKey, sealedTo: X25519.PublicKey, id: VaultID<BackupTag>, day: Day, sealedKey: [UInt8]
        ) {
            (self.signer, self.sealedTo, self.id, self.day, self.sealedKey) = (signer, sealedTo, id, day, sealedKey)
        }

        /// Parses the first `headerSize` bytes of a file.
        /// - Throws: `.corrupted` for anything but a version 1 backup, `.unsupportedVaultVersion` for a newer one.
        init(_ bytes: [UInt8], what: String) throws {
            guard bytes.count == headerSize, Array(bytes[0..<8]) == magic else {
                throw AmanatVaultError.corrupted("\(what) (it is not an Amanat backup)")
            }
            guard bytes[8] == version else { throw AmanatVaultError.unsupportedVaultVersion(Int(bytes[8])) }
            guard let signer = try? Ed25519.PublicKey(rawRepresentation: Array(bytes[9..<41])),
                let sealedTo = try? X25519.PublicKey(rawRepresentation: Array(bytes[41..<73])),
                let day = try? Day(String(decoding: bytes[89..<99], as: UTF8.self))
            else { throw AmanatVaultError.corrupted(what) }
            self.init(
                signer: signer, sealedTo: sealedTo, id: try VaultID(bytes: Array(bytes[73..<89])), day: day,
                sealedKey: Array(bytes[99...]))
        }
    }
}
