public import AmanatCrypto
import Foundation

/// A case bundle ("FILE.amanat"): one case exported for a lawyer outside the vault, encrypted to her
/// X25519 key and signed by the administrator. Byte layout "Case bundle v1" in Docs/format.md.
///
/// Layout: magic "AMANATCB", version 1, a fixed header (signer's Ed25519 key, recipient's X25519 key,
/// the bundle key sealed to the recipient, the manifest's encrypted length, the number of blobs), the
/// manifest (JSON: the case and every record's testimony, with the attachment keys) as an Amanat stream
/// under the bundle key, then each attachment blob copied verbatim from the vault (already an Amanat
/// stream under its own key), each preceded by its length, and last an Ed25519 signature over the
/// keyed BLAKE2b-512 of everything before it. Anyone can check the signature without decrypting;
/// only the recipient can read it. Everything streams: memory does not grow with the bundle's size.
public enum CaseBundle {
    /// The 8-byte magic.
    static let magic: [UInt8] = Array("AMANATCB".utf8)
    /// The current version.
    static let version: UInt8 = 1
    /// magic (8) + version (1) + signer (32) + recipient (32) + sealed key (80) + manifest length (8) + blob count (4).
    static let headerSize = 8 + 1 + 32 + 32 + 80 + 8 + 4
    /// Signature length at the end.
    static let signatureSize = Ed25519.signatureSize

    /// What the manifest holds.
    struct Manifest: Codable {
        struct Record: Codable {
            var id: String
            var day: String
            var kind: Int
            var testimony: Testimony
        }
        var caseID: String
        var title: String
        var notes: String
        var exportedDay: String
        var records: [Record]
        /// Blob ids in the order their bytes follow the manifest.
        var blobs: [String]
    }

    /// What `verify` learned without decrypting.
    public struct Summary: Sendable, Equatable {
        /// Who signed (the exporting administrator).
        public let signer: Ed25519.PublicKey
        /// Whose X25519 key can open it.
        public let recipient: X25519.PublicKey
        /// Number of attachment blobs.
        public let blobCount: Int
        /// Total size in bytes.
        public let size: Int
    }

    /// An opened bundle: the case and its testimony; attachments are written by `open(…, attachmentsTo:)`.
    public struct Contents: Sendable {
        /// The case id in the vault it came from.
        public let caseID: String
        /// Title and notes.
        public let title: String, notes: String
        /// Day it was exported.
        public let exportedDay: String
        /// Each record's id and testimony.
        public let records: [(id: String, testimony: Testimony)]
        /// Paths of attachments written, per record id, in attachment order.
        public let savedAttachments: [String: [String]]
    }

    /// The keyed hash of the header and the encrypted manifest.
    static func hasher() -> BLAKE2b.Hasher { BLAKE2b.Hasher(length: 64, key: Labels.caseBundle) }

    /// The keyed hash of one blob's bytes (the digest the vault computes when it writes the blob).
    static func blobHasher() -> BLAKE2b.Hasher { BLAKE2b.Hasher(length: 64, key: Labels.blobDigest) }

    /// What the signer signs: label || 0 || version || hash of header and manifest || for each blob, its
    /// length (u64 LE) and digest. Signing per-blob digests lets the vault reuse the digest it made when
    /// it stored the blob, so exporting copies bytes without hashing them again.
    static func signedMessage(front: [UInt8], blobs: [(length: Int, digest: [UInt8])]) -> [UInt8] {
        var message = Labels.caseBundle + [0, version] + front
        for blob in blobs { message += VaultFormat.u64(blob.length) + blob.digest }
        return message
    }
}
