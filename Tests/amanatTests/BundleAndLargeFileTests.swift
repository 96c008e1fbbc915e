import Foundation
import Testing

@Suite("amanat: case bundles and a 1 GiB attachment", .serialized)
struct BundleAndLargeFileTests {
    @Test("export, verify and open a case bundle; a tampered bundle and the wrong lawyer are refused")
    func bundles() throws {
        let s = try StoryTests.Setup()
        let photo = try s.cli.write("photo.jpg", String(repeating: "фото ", count: 20_000))
        let (record, _) = try s.submit("Свидетельство для выгрузки.", ["--attach", photo])
        let caseID = try #require(
            CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "Выгрузка"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        let bundle = s.cli.path("case.amanat")
        try s.cli.ok(["export", caseID, "--to", s.lawyerKey, "--out", bundle] + s.admin)
        let administratorKey = try #require(
            CLI.value(
                after: "Intake public key: ",
                in: try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id")]).replacingOccurrences(
                    of: "Public key: ", with: "Intake public key: ")))
        #expect(try s.cli.ok(["verify", bundle, "--from", administratorKey]).contains("verify"))
        let opened = try s.cli.ok(
            ["open", bundle, "--from", administratorKey, "--out", s.cli.path("files")] + s.lawyer)
        #expect(
            opened.contains(
                "Свидетельство для "
                    + "выгрузки.") && opened.contains("Выгрузка"))
        let saved = try FileManager.default.contentsOfDirectory(atPath: s.cli.path("files"))
        #expect(
            try saved.count == 1
                && Data(contentsOf: URL(fileURLWithPath: s.cli.path("files/") + saved[0]))
                    == Data(contentsOf: URL(fileURLWithPath: photo))
        )

        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: bundle)))
        bytes[bytes.count / 2] ^= 1
        let damaged = s.cli.path("damaged.amanat")
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let refused = try s.cli.run(["verify", damaged])
        #expect(refused.status == 65 && refused.err.hasPrefix("amanat: error: "))
        #expect(
            try s.cli.run(["open", damaged, "--from", administratorKey, "--out", s.cli.path("nothing")] + s.lawyer)
                .status == 65)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: s.cli.path("nothing"))) ?? []).isEmpty)
        let stranger = try s.cli.ok([
            "identity", "new", "--out", s.cli.path("other.id"), "--passphrase-file", s.lawyerPass,
        ])
        #expect(stranger.contains("amanat1"))
        let notHers = try s.cli.run([
            "open", bundle, "--from", administratorKey, "--identity", s.cli.path("other.id"),
            "--passphrase-file", s.lawyerPass,
        ])
        #expect(notHers.status == 4)
        let wrongSigner = try s.cli.run(["verify", bundle, "--from", s.lawyerKey])
        #expect(wrongSigner.status == 4)
    }

    /// Runs amanat and reports its peak resident memory (KiB), measured by the kernel for the child.
    static func measured(_ cli: CLI, _ arguments: [String], input: String = "") throws -> (CLI.Result, Int) {
        let wrapper = """
            import resource, subprocess, sys
            r = subprocess.run(sys.argv[1:])
            sys.stderr.write("\\nPEAK_KIB=%d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(r.returncode)
            """
        var environment = cli.environment
        environment["PATH"] = (environment["PATH"] ?? "") + ":/usr/bin"
        let result = try CLI.runExecutable(
            "/usr/bin/env", ["python3", "-c", wrapper, CLI.binary] + arguments, cli: cli, input: input)
        let peak =
            result.err.components(separatedBy: "PEAK_KIB=").last.flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            } ?? -1
        return (result, peak)
    }

    /// In a vault folder, and in PostgreSQL (pieces of 1 MiB in the database) where `make test` gives one.
    @Test("a 1 GiB attachment streams in and out in bounded memory", arguments: StoryTests.backends)
    func oneGibibyte(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let big = s.cli.path("video.mp4")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        var block = [UInt8](repeating: 0, count: 1 << 20)
        for index in 0..<1024 {
            block[0] = UInt8(truncatingIfNeeded: index)
            block[block.count - 1] = UInt8(truncatingIfNeeded: index >> 8)
            handle.write(Data(block))
        }
        try handle.close()
        let (submitted, submitPeak) = try Self.measured(s.cli, ["submit", "--attach", big], input: "A long video.")
        #expect(submitted.status == 0, "\(submitted.err)")
        let record = try #require(CLI.value(after: "(record ", in: submitted.out))
        try FileManager.default.removeItem(atPath: big)
        let (read, readPeak) = try Self.measured(s.cli, ["read", record, "--out", s.cli.path("files")] + s.admin)
        #expect(read.status == 0, "\(read.err)")
        let saved = try #require(try FileManager.default.contentsOfDirectory(atPath: s.cli.path("files")).first)
        let size = try FileManager.default.attributesOfItem(atPath: s.cli.path("files/") + saved)[.size] as? Int
        #expect(size == 1 << 30)
        // Streaming: memory stays far below the file's size (the bound is also measured in Docs/bench.md).
        #expect(submitPeak > 0 && submitPeak < 64 * 1024, "submit peaked at \(submitPeak) KiB")
        #expect(readPeak > 0 && readPeak < 64 * 1024, "read peaked at \(readPeak) KiB")
    }
}
