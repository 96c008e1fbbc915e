import Foundation
import Testing

/// Ctrl-C, SIGTERM and SIGKILL in the middle of a large write: nothing half-written, no plaintext and,
/// after the next run, no orphaned temporary file stays behind.
@Suite("Interrupted commands leave nothing behind", .serialized)
struct InterruptionTests {
    /// Large enough that every write below is still running when the signal comes.
    static let size = 160 << 20

    /// A vault holding one record with a large attachment, in a case granted to the lawyer.
    struct Scene {
        let story: StoryTests.Setup
        let record: String
        let caseID: String
        let big: String

        init() throws {
            story = try StoryTests.Setup()
            big = story.cli.path("video.mp4")
            #expect(FileManager.default.createFile(atPath: big, contents: nil))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
            var block = [UInt8](repeating: 0x5A, count: 1 << 20)
            for index in 0..<(InterruptionTests.size >> 20) {
                block[0] = UInt8(truncatingIfNeeded: index)
                handle.write(Data(block))
            }
            try handle.close()
            (record, _) = try story.submit("A long video.", ["--attach", big])
            let created = try story.cli.ok(["case", "new", "T"] + story.admin)
            caseID = try #require(CLI.value(after: "Created case ", in: created))
            try story.cli.ok(["case", "assign", caseID, record] + story.admin)
            try story.cli.ok(["grant", caseID, "--to", story.lawyerKey, "--expires", "30d"] + story.admin)
        }

        var cli: CLI { story.cli }

        var administratorKey: String {
            get throws {
                let shown = try cli.ok(["identity", "show", cli.path("vault-administrator.id")])
                return try #require(CLI.value(after: "Public key: ", in: shown))
            }
        }
    }

    /// What a signalled run left.
    struct Outcome {
        let status: Int32
        let reason: Process.TerminationReason
        let err: String
        /// Whether a temporary of at least 1 MiB was seen before the signal was sent.
        let caught: Bool
    }

    /// Starts a program with SIGINT and SIGTERM as a shell at a terminal gives them (test runners may
    /// start children with SIGINT ignored, and an ignored signal stays ignored across exec), or ignored.
    static let launcher = """
        import os, signal, sys
        action = signal.SIG_IGN if sys.argv[1] == "ignore" else signal.SIG_DFL
        for number in (signal.SIGINT, signal.SIGTERM): signal.signal(number, action)
        os.execv(sys.argv[2], sys.argv[2:])
        """

    /// Runs `amanat ARGS`, waits until a temporary file (`.tmp-`) of at least 1 MiB appears in `folder`,
    /// then sends `signal`. With `ignoring`, amanat starts with SIGINT and SIGTERM ignored.
    static func interrupt(
        _ cli: CLI, _ arguments: [String], watching folder: String,
        with signal: Int32, ignoring: Bool = false
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", launcher, ignoring ? "ignore" : "default", CLI.binary] + arguments
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        let errors = cli.path("stderr-\(UUID().uuidString).txt")
        #expect(FileManager.default.createFile(atPath: errors, contents: nil))
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        var caught = false
        while process.isRunning, Date() < deadline, !caught {
            caught = temporaries(in: folder).contains { name in
                let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
                return (attributes?[.size] as? Int ?? 0) >= 1 << 20
            }
            if !caught { Thread.sleep(forTimeInterval: 0.002) }
        }
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        let err = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: errors)
        return Outcome(status: process.terminationStatus, reason: process.terminationReason, err: err, caught: caught)
    }

    /// The names of the temporary files in `folder`.
    static func temporaries(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// Every file under `folder`, as paths relative to it.
    static func everything(under folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    }

    @Test("Ctrl-C in open --out and SIGTERM in read --out: exit 130 and 143, no temporary, no plaintext")
    func decrypting() throws {
        let s = try Scene()
        try FileManager.default.removeItem(atPath: s.big)
        let files = s.cli.path("files")
        let opened = try Self.interrupt(
            s.cli, ["open", s.record, "--out", files] + s.story.lawyer,
            watching: files, with: SIGINT)
        #expect(opened.caught, "open finished before it could be interrupted")
        #expect(opened.reason == .exit && opened.status == 130, "\(opened.reason) \(opened.status): \(opened.err)")
        #expect(opened.err.hasPrefix("amanat: error: interrupted (SIGINT)") && opened.err.contains("amanat: hint: "))
        #expect(Self.everything(under: files).isEmpty, "left behind: \(Self.everything(under: files))")

        let read = try Self.interrupt(
            s.cli, ["read", s.record, "--out", files] + s.story.admin,
            watching: files, with: SIGTERM)
        #expect(read.caught, "read finished before it could be interrupted")
        #expect(read.reason == .exit && read.status == 143, "\(read.reason) \(read.status): \(read.err)")
        #expect(Self.everything(under: files).isEmpty, "left behind: \(Self.everything(under: files))")
        // The workspace holds no temporary anywhere, and the vault still works.
        #expect(!Self.everything(under: s.cli.directory).contains { $0.contains(".tmp-") })
        try s.cli.ok(["open", s.record, "--out", files] + s.story.lawyer)
        #expect(try FileManager.default.contentsOfDirectory(atPath: files).count == 1)
    }

    @Test("a SIGINT or SIGTERM ignored when amanat started (nohup, a script's background job) stays ignored")
    func ignored() throws {
        let s = try Scene()
        let files = s.cli.path("files")
        for signal in [SIGINT, SIGTERM] {
            try? FileManager.default.removeItem(atPath: files)
            let run = try Self.interrupt(
                s.cli, ["open", s.record, "--out", files] + s.story.lawyer,
                watching: files, with: signal, ignoring: true)
            #expect(run.caught && run.reason == .exit && run.status == 0, "\(run.status): \(run.err)")
            let saved = try FileManager.default.contentsOfDirectory(atPath: files)
            #expect(saved.count == 1 && !saved[0].contains(".tmp-"))
            let size = try FileManager.default.attributesOfItem(atPath: files + "/" + saved[0])[.size] as? Int
            #expect(size == Self.size)
        }
    }

    /// Runs a command in a pseudo-terminal, presses Ctrl-C at its passphrase prompt and reports the exit
    /// status and whether echo was off at the prompt and on again afterwards.
    static let ctrlCAtPrompt = """
        import os, pty, select, signal, sys, termios, time
        pid, fd = pty.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            os.execv(sys.argv[1], sys.argv[1:])
        shown, deadline = b"", time.monotonic() + 60
        def drain(until):
            global shown
            while until() and time.monotonic() < deadline:
                if select.select([fd], [], [], 0.1)[0]:
                    try:
                        chunk = os.read(fd, 4096)
                    except OSError:
                        return
                    if not chunk:
                        return
                    shown += chunk
        drain(lambda: b"Passphrase for" not in shown)
        time.sleep(0.5)
        during = not termios.tcgetattr(fd)[3] & termios.ECHO
        os.write(fd, b"\\x03")
        drain(lambda: True)
        _, status = os.waitpid(pid, 0)
        after = bool(termios.tcgetattr(fd)[3] & termios.ECHO)
        print(f"status={os.waitstatus_to_exitcode(status)} off-during={during} on-after={after}")
        print(shown.decode("utf-8", "replace"))
        """

    @Test("Ctrl-C at a passphrase prompt exits 130 and turns the terminal's echo back on")
    func ctrlCAtPrompt() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("text")
        let arguments = ["python3", "-c", Self.ctrlCAtPrompt, CLI.binary, "read", record]
        let result = try CLI.runExecutable("/usr/bin/env", arguments, cli: s.cli)
        #expect(result.out.hasPrefix("status=130 off-during=True on-after=True"), "\(result.out) \(result.err)")
        #expect(result.out.contains("amanat: error: interrupted (SIGINT)"), "\(result.out)")
    }

    @Test("Ctrl-C in submit and in export: exit 130, no temporary blob or bundle, nothing stored")
    func encrypting() throws {
        let s = try Scene()
        let blobs = s.cli.path("vault/blobs")
        let before = try FileManager.default.contentsOfDirectory(atPath: blobs).sorted()
        let text = try s.cli.write("t.txt", "another testimony")
        let submitted = try Self.interrupt(
            s.cli, ["submit", "--text-file", text, "--attach", s.big],
            watching: blobs, with: SIGINT)
        #expect(
            submitted.caught && submitted.reason == .exit && submitted.status == 130,
            "\(submitted.status): \(submitted.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs).sorted() == before)
        #expect(try s.cli.ok(["inbox"]).split(separator: "\n").count == 2, "only the first record is in the vault")

        let bundles = s.cli.path("bundles")
        try FileManager.default.createDirectory(atPath: bundles, withIntermediateDirectories: true)
        let arguments =
            ["export", s.caseID, "--to", s.story.lawyerKey, "--out", bundles + "/case.amanat"]
            + s.story.admin
        let exported = try Self.interrupt(s.cli, arguments, watching: bundles, with: SIGINT)
        #expect(
            exported.caught && exported.reason == .exit && exported.status == 130,
            "\(exported.status): \(exported.err)")
        #expect(Self.everything(under: bundles).isEmpty, "left behind: \(Self.everything(under: bundles))")
    }

    @Test("after SIGKILL, the orphan is removed by the next run; a live process's temporary never is")
    func killed() throws {
        let s = try Scene()
        try FileManager.default.removeItem(atPath: s.big)
        let bundle = s.cli.path("case.amanat")
        try s.cli.ok(["export", s.caseID, "--to", s.story.lawyerKey, "--out", bundle] + s.story.admin)
        let files = s.cli.path("files")
        let key = try s.administratorKey
        let killed = try Self.interrupt(
            s.cli, ["open", bundle, "--from", key, "--out", files] + s.story.lawyer,
            watching: files, with: SIGKILL)
        #expect(killed.caught && killed.reason == .uncaughtSignal)
        #expect(Self.temporaries(in: files).count == 1, "SIGKILL cannot be caught: an orphan is left")
        // A temporary of a live process (this test) and a file that only looks like one stay.
        let live = "keep.tmp-\(getpid())-0123456789ab"
        let lookalike = "notes.tmp-12x-0123456789ab"
        for name in [live, lookalike] {
            #expect(FileManager.default.createFile(atPath: files + "/" + name, contents: Data("x".utf8)))
        }

        try s.cli.ok(["open", bundle, "--from", key, "--out", files] + s.story.lawyer)
        #expect(Set(Self.temporaries(in: files)) == [live, lookalike])
        #expect(try FileManager.default.contentsOfDirectory(atPath: files).count == 3)

        // The same in the vault: a submit killed while encrypting leaves an orphan blob, and the next
        // command that uses the vault, even `inbox`, removes it.
        let blobs = s.cli.path("vault/blobs")
        let text = try s.cli.write("t.txt", "another testimony")
        let again = s.cli.path("again.bin")
        let saved = try #require(
            try FileManager.default.contentsOfDirectory(atPath: files)
                .first { !$0.contains(".tmp-") })
        try FileManager.default.copyItem(atPath: files + "/" + saved, toPath: again)
        let submit = try Self.interrupt(
            s.cli, ["submit", "--text-file", text, "--attach", again],
            watching: blobs, with: SIGKILL)
        #expect(submit.caught && Self.temporaries(in: blobs).count == 1)
        try s.cli.ok(["inbox"])
        #expect(Self.temporaries(in: blobs).isEmpty)
    }
}
