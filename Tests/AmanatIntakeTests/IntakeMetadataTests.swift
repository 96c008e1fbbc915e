import AmanatCrypto
import AmanatVault
import AmanatTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import AmanatIntake

@Suite("Photos through the intake lose their metadata before they are encrypted")
struct IntakeMetadataTests {
    @Test("a JPEG and a PNG with GPS, camera and text fields are stored stripped; other files as sent")
    func stripped() async throws {
        let fixture = try IntakeFixture()
        let other = Array("%PDF-1.4 Author: Zaira".utf8)
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await IntakeTests.openForm(client, "/en/submit")
            var body = MultipartBody()
            body.field("csrf", token)
            body.field("statement", "Photos of my son.")
            body.file("files", filename: "IMG_0001.JPG", Fixture.dirtyJPEG, type: "image/jpeg")
            // A photo is judged by its bytes, not its name.
            body.file("files", filename: "scan.txt", Fixture.dirtyPNG, type: "text/plain")
            body.file("files", filename: "letter.pdf", other, type: "application/pdf")
            let response = try await IntakeTests.post(client, "/en/submit", body: body.finished(), browser: browser)
            #expect(response.status == .ok, "\(response.text)")
        }
        let record = try #require(try fixture.vault.inbox().first)
        let opened = try fixture.vault.open(record.id, as: .administrator(fixture.administrator))
        var stored: [[UInt8]] = []
        for (index, attachment) in opened.attachments.enumerated() {
            let path = fixture.directory + "/out\(index)"
            try fixture.vault.exportAttachment(attachment, to: path)
            stored.append(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        #expect(stored == [Fixture.cleanJPEG, Fixture.cleanPNG, other])
        for secret in Fixture.secrets {
            for file in stored.prefix(2) {
                #expect(String(decoding: file, as: UTF8.self).range(of: secret) == nil, "\(secret) survived")
            }
        }
        // exiftool (Debian's libimage-exiftool-perl) finds none of the planted fields in what the vault
        // gives back, and Pillow still decodes both images.
        let dirty = [fixture.directory + "/dirty.jpg", fixture.directory + "/dirty.png"]
        try Data(Fixture.dirtyJPEG).write(to: URL(fileURLWithPath: dirty[0]))
        try Data(Fixture.dirtyPNG).write(to: URL(fileURLWithPath: dirty[1]))
        let before = try Tool.tags(dirty)
        let after = try Tool.tags([fixture.directory + "/out0", fixture.directory + "/out1"])
        for field in [
            "GPSLatitude", "GPSLongitude", "Make", "Model", "SerialNumber", "DateTimeOriginal", "Author",
            "Description-ru", "By-line", "Comment", "ThumbnailImage",
        ] {
            #expect(before.contains(field), "the dirty fixtures lack \(field): the test would prove nothing")
            #expect(!after.contains(field), "\(field) survived the intake")
        }
        let decode =
            "import sys\nfrom PIL import Image\nfor p in sys.argv[1:]:\n    im = Image.open(p); im.load(); print(p, "
            + "im.format, im.size)"
        let decoded = try Tool.run(
            Tool.python, ["-c", decode, fixture.directory + "/out0", fixture.directory + "/out1"])
        #expect(
            decoded.status == 0 && decoded.output.contains("JPEG") && decoded.output.contains("PNG"),
            "\(decoded.output)")
    }

    @Test("a damaged photo is refused with a clear page, and nothing of the submission is stored")
    func damaged() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await IntakeTests.openForm(client, "/ru/submit")
            var body = MultipartBody()
            body.field("csrf", token)
            body.field("statement", "Фото.")
            body.file("files", filename: "ok.png", Fixture.dirtyPNG)
            body.file("files", filename: "cut.jpg", Array(Fixture.dirtyJPEG.prefix(Fixture.dirtyJPEG.count / 2)))
            let response = try await IntakeTests.post(client, "/ru/submit", body: body.finished(), browser: browser)
            #expect(response.status == .badRequest && response.text.contains(Strings(.ru).badImage))
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty)
    }
}

/// External programs the metadata test runs (installed by `make deps-test`).
enum Tool {
    /// The Python that has Pillow (the interop Python of `make test`).
    static var python: String {
        (try? TestPython.interpreter()) ?? TestPython.repository.appendingPathComponent(".venv/bin/python3").path
    }

    /// The tag names (without their group) exiftool finds in `files`.
    static func tags(_ files: [String]) throws -> Set<String> {
        let output = try run("/usr/bin/exiftool", ["-json", "-a", "-G1"] + files).output
        guard let start = output.firstIndex(of: "["),
            let objects = try JSONSerialization.jsonObject(with: Data(output[start...].utf8)) as? [[String: Any]]
        else { return [] }
        return Set(objects.flatMap(\.keys).map { String($0.split(separator: ":").last ?? "") })
    }

    /// Runs a program; its standard output and error together.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Issue.record("\(path) is missing: run `make deps-test`, which installs it")
            return (127, "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
