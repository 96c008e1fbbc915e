import AmanatCrypto

/// A random 16-byte identifier, written as 32 lowercase hex digits. The phantom `Tag` keeps the ids
/// of records, cases and grants apart in the type system.
public struct VaultID<Tag>: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The 16 raw bytes.
    public let rawValue: [UInt8]

    /// A fresh random id.
    public init() { rawValue = SecureRandom.bytes(16) }

    /// Wraps 16 raw bytes, as read from the vault's rows.
    /// - Throws: `AmanatVaultError.corrupted` for any other length (a damaged or edited database), never a trap.
    init(bytes: [UInt8]) throws {
        guard bytes.count == 16 else {
            throw AmanatVaultError.corrupted("an id of \(bytes.count) bytes where 16 are stored (the vault's database)")
        }
        rawValue = bytes
    }

    /// Parses 32 hex digits.
    /// - Throws: `AmanatVaultError.invalidArgument` when `text` is not an id.
    public init(_ text: String) throws {
        guard let bytes = try? Hex.decode(text.lowercased()), bytes.count == 16 else {
            throw AmanatVaultError.invalidArgument(
                "\"\(text.prefix(40))\" is not an id (ids are 32 letters a-f and digits)")
        }
        rawValue = bytes
    }

    /// 32 lowercase hex digits.
    public var description: String { Hex.encode(rawValue) }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Tags for `VaultID`.
public enum RecordTag {}
/// Tags for `VaultID`.
public enum CaseTag {}
/// Tags for `VaultID`.
public enum GrantTag {}
/// Tags for `VaultID`.
public enum ReplyTag {}
/// Tags for `VaultID`.
public enum BlobTag {}
/// Tags for `VaultID`.
public enum ProjectionTag {}
/// Tags for `VaultID`.
public enum BackupTag {}
