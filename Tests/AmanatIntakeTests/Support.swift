import AmanatCrypto
import AmanatTestSupport
import AmanatVault
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

@testable import AmanatIntake

/// A vault in a temporary folder with fast codename settings, and the intake's router over it.
final class IntakeFixture: @unchecked Sendable {
    /// The folder the vault lives in (removed with the fixture).
    private let folder: TemporaryDirectory
    let administrator = Identity()
    let vault: Vault
    let settings: IntakeSettings
    /// The vault folder.
    var directory: String { folder.file("vault") }

    init(uploadLimit: Int = 1 << 20, concurrencyLimit: Int = 64) throws {
        folder = try TemporaryDirectory(prefix: "amanat-intake")
        WeakTestKeys.allow()  // weak codename settings, below the floor vaults enforce
        vault = try Vault.create(
            at: folder.file("vault"), administrator: administrator, codenameParameters: .minimumForTesting)
        settings = IntakeSettings(uploadLimit: uploadLimit, concurrencyLimit: concurrencyLimit)
    }

    /// The intake over the vault. The application holds the fixture, so that the folder is not removed while
    /// a test still sends it requests (Swift may release a value after its last use, before its scope ends).
    var application: some ApplicationProtocol {
        Application(
            router: IntakeServer.router(vault: vault, settings: settings),
            onServerRunning: { _ in withExtendedLifetime(self) {} })
    }

    /// Files in the vault's blob folder (finished or temporary).
    func blobFiles() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: vault.blobDirectory) }
}

/// A browser's state across requests: its form cookie.
struct Browser {
    var cookie: String?

    var headers: HTTPFields {
        var fields = HTTPFields()
        if let cookie { fields[.cookie] = cookie }
        return fields
    }

    /// Remembers the cookie a response sets.
    mutating func keep(_ response: TestResponse) {
        if let set = response.headers[.setCookie], let pair = set.split(separator: ";").first { cookie = String(pair) }
    }

    /// The form token in a page.
    static func token(in page: String) -> String? {
        guard let range = page.range(of: #"name="csrf" value=""#) else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A multipart/form-data body, as a browser sends it.
struct MultipartBody {
    static let boundary = "----amanatTestBoundary7MA4YWxkTrZu0gW"
    var bytes: [UInt8] = []

    mutating func field(_ name: String, _ value: String) {
        bytes += Array(
            "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    mutating func file(_ name: String, filename: String, _ content: [UInt8], type: String = "application/octet-stream")
    {
        bytes += Array(
            ("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; "
                + "filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n").utf8)
        bytes += content + Array("\r\n".utf8)
    }

    func finished() -> [UInt8] { bytes + Array("--\(Self.boundary)--\r\n".utf8) }

    static var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// Everything every response must carry.
let privacyHeaders: [(String, String)] = [
    ("Content-Security-Policy", "default-src 'none'"), ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
    ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"),
]
