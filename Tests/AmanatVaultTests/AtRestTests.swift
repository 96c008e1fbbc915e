import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Nothing in the clear at rest")
struct AtRestTests {
    /// Every byte form a marker could take on disk.
    static func forms(of marker: String) -> [(String, [UInt8])] {
        let utf8 = Array(marker.utf8)
        var forms: [(String, [UInt8])] = [("UTF-8", utf8)]
        forms.append(("UTF-16LE", marker.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        forms.append(("UTF-16BE", marker.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }))
        // base64 and base64url at each of the three alignments; drop the edge characters that depend on neighbours.
        for shift in 0..<3 {
            let shifted = [UInt8](repeating: 0x20, count: shift) + utf8
            for encoded in [Data(shifted).base64EncodedString(), Base64URL.encode(shifted)] {
                let core = Array(encoded.utf8).dropFirst(4).dropLast(4)
                if core.count >= 8 { forms.append(("base64+\(shift)", Array(core))) }
            }
        }
        forms.append(("hex", Array(Hex.encode(utf8).utf8)))
        return forms
    }

    @Test(
        "markers from testimony, names, places, attachments, titles, replies and the codename appear in no file of the vault"
    )
    func noMarkers() throws {
        let markers = ["ZAIRA-MARKER-7731", "Заира-Маркер-4412", "Карабулак-Маркер-9920", "+7 928 555-01-77"]
        let t = try TestVault(onDisk: true)
        let attachment = try t.file(
            "voice.ogg", Array(("voice note " + markers[0] + " " + markers[1]).utf8) + SecureRandom.bytes(5000))
        let testimony = Testimony(
            statement: "Мой сын \(markers[1]) ушёл. Звонили с номера \(markers[3]).",
            people: [.init(name: markers[0], role: "son")], places: [markers[2]], dates: ["2002-03-14"],
            language: "ru", contact: markers[3])
        let (id, codename) = try t.vault.submit(testimony, attachments: [AttachmentSource(path: attachment)])
        let caseID = try t.vault.createCase(
            title: "Case \(markers[0])", notes: markers[2], administrator: t.administrator)
        try t.vault.assign([id], to: caseID, administrator: t.administrator)
        let lawyer = Identity()
        try t.grant(caseID, to: lawyer)
        try t.vault.reply(to: id, text: "Ответ для \(markers[1])", as: .grantee(lawyer))
        _ = try t.vault.followUp(TestVault.sample("ещё \(markers[2])"), codename: codename)
        try FileManager.default.removeItem(atPath: attachment)

        var scanned = 0
        let vaultDirectory = t.directory.file("vault")
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: vaultDirectory) as [String]?)
        let all = markers + [codename.reveal()]
        for relative in files {
            let path = vaultDirectory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
            scanned += 1
            for marker in all {
                for (form, needle) in Self.forms(of: marker) {
                    #expect(!contains(bytes, needle), "\(relative) contains \(form) of a marker")
                }
            }
        }
        // The database, its WAL, and the attachment blob were all looked at.
        #expect(files.contains { $0.hasSuffix("vault.sqlite-wal") })
        #expect(scanned >= 3)
    }

    @Test("after a revocation, the record keys wrapped under the old case key are nowhere in the vault's files")
    func rotatedWrappingsGone() throws {
        let t = try TestVault(onDisk: true)
        let records = try (0..<3).map { index in try t.submit("Запись \(index).").0 }
        let caseID = try t.makeCase(records)
        let (revoked, kept) = (Identity(), Identity())
        let grant = try t.grant(caseID, to: revoked)
        try t.grant(caseID, to: kept)
        let old = try t.vault.store.read { try $0.caseRecords(caseID: Data(caseID.rawValue)) }.map(\.wrappedKey)
        try t.vault.revoke(grant, administrator: t.administrator)
        let now = try t.vault.store.read { try $0.caseRecords(caseID: Data(caseID.rawValue)) }
        #expect(now.count == 3 && now.allSatisfy { $0.keyVersion == 2 })
        // The revoked lawyer still holds version 1 of the case key: no copy of what it unwraps may be left in
        // the database's free space or in its write-ahead log.
        let folder = t.directory.file("vault")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasPrefix("vault.sqlite") {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let kept = old.filter { contains(bytes, Array($0)) }.count
            #expect(kept == 0, "\(name) keeps \(kept) old wrappings")
        }
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
