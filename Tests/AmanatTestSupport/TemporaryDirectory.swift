import Foundation

/// A fresh temporary folder, removed with everything in it when the last reference goes away.
public final class TemporaryDirectory: Sendable {
    /// Its path.
    public let path: String

    /// A new folder named `PREFIX-<uuid>` in the system's temporary folder.
    public init(prefix: String = "amanat-tests") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside it.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
