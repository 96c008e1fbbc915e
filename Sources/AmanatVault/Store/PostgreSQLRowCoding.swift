import Foundation
import PostgresNIO

/// A row type kept in a PostgreSQL table: its name and key columns. Its stored properties are its columns,
/// under the same names (quoted, so their letter case is kept), in declaration order.
protocol PostgreSQLTable: Codable {
    static var tableName: String { get }
    static var keyColumns: [String] { get }
}

/// The columns of a row and their values, read off its stored properties, ready to bind.
struct PostgreSQLColumns {
    private(set) var names: [String] = []
    private(set) var bindings = PostgresBindings()

    init(_ row: some PostgreSQLTable) throws {
        for child in Mirror(reflecting: row).children {
            guard let name = child.label else { continue }
            names.append(name)
            try Self.bind(child.value, to: &bindings, column: name)
        }
    }

    /// The columns' names, quoted.
    var quoted: [String] { names.map(PostgreSQLColumns.quote) }

    /// `"name"`, an identifier written so that PostgreSQL keeps its letter case.
    static func quote(_ name: String) -> String { "\"" + name + "\"" }

    private static func bind(_ value: Any, to bindings: inout PostgresBindings, column: String) throws {
        switch value {
        case let data as Data: try bindings.append(data)
        case let number as Int: bindings.append(number)
        case let number as Int64: bindings.append(number)
        case let text as String: bindings.append(text)
        case let optional as any OptionalValue:
            guard let wrapped = optional.wrapped else {
                bindings.appendNull()
                return
            }
            try bind(wrapped, to: &bindings, column: column)
        default:
            throw AmanatVaultError.storage("column \(column) has a type the PostgreSQL store does not keep")
        }
    }
}

/// An optional value seen through `Any`.
private protocol OptionalValue { var wrapped: Any? { get } }
extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 } }
}

/// Decodes a row type from a PostgreSQL row by column name. A column missing, null where a value is
/// needed, or of another type throws (a damaged or hand-edited database), never traps.
struct PostgreSQLRowDecoder: Decoder {
    let row: PostgresRandomAccessRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func decode<T: Decodable>(_ type: T.Type, from row: PostgresRow) throws -> T {
        try T(from: PostgreSQLRowDecoder(row: row.makeRandomAccess()))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Self.unsupported }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Self.unsupported }

    static let unsupported = AmanatVaultError.corrupted("a row of the vault database")

    private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: PostgresRandomAccessRow
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { row.contains(key.stringValue) }

        func decodeNil(forKey key: Key) throws -> Bool {
            guard row.contains(key.stringValue) else { return true }
            return row[key.stringValue].bytes == nil
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard row.contains(key.stringValue) else { throw PostgreSQLRowDecoder.unsupported }
            let cell = row[key.stringValue]
            let value: Any?
            switch type {
            case is Data.Type: value = try? cell.decode(Data.self)
            case is Int.Type: value = try? cell.decode(Int.self)
            case is Int64.Type: value = try? cell.decode(Int64.self)
            case is String.Type: value = try? cell.decode(String.self)
            default: value = nil
            }
            guard let typed = value as? T else { throw PostgreSQLRowDecoder.unsupported }
            return typed
        }

        func nestedContainer<NestedKey: CodingKey>(
            keyedBy type: NestedKey.Type, forKey key: Key
        ) throws -> KeyedDecodingContainer<NestedKey> { throw PostgreSQLRowDecoder.unsupported }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw PostgreSQLRowDecoder.unsupported
        }
        func superDecoder() throws -> any Decoder { throw PostgreSQLRowDecoder.unsupported }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw PostgreSQLRowDecoder.unsupported }
    }
}
