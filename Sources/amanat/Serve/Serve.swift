import AmanatCrypto
import AmanatIntake
import AmanatVault
import ArgumentParser
import Foundation
import Hummingbird

extension Amanat {
    /// `amanat serve`: the anonymous web intake.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Run the anonymous web intake: pages in Russian and English where a source submits and comes back "
                + "with her codename.",
            discussion: """
                The server holds only the vault's public keys: it cannot read what it stores. It logs no \
                address, browser or time of a visit. Listen on loopback and put Tor in front (Docs/deploy.md). \
                Stop it with Ctrl-C (or SIGTERM): submissions in progress finish first.

                The administrator's public key is required (--administrator-key, or AMANAT_ADMINISTRATOR_KEY), \
                as the key itself or a file outside the vault: the server refuses to start if the vault names \
                another key, so nobody who can write the vault's files can redirect submissions to a key of theirs.

                Examples:
                  amanat serve --vault ./vault --administrator-key amanat1…
                  amanat serve --administrator-key /etc/amanat/admin.pub --upload-limit 200
                """
        )

        @OptionGroup var vault: VaultOptions
        @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "HOST:PORT")) var listen =
            "127.0.0.1:8080"
        @Option(help: ArgumentHelp("Largest total of files in one submission, in MiB.", valueName: "MIB"))
        var uploadLimit = 500
        @Option(help: ArgumentHelp("Requests handled at once; more get a \"busy, try again\" page.", valueName: "N"))
        var maxRequests = 256
        @Option(
            help: ArgumentHelp(
                "Codename derivations at once (64 MiB of memory each); more wait in line.", valueName: "N"))
        var keyDerivations = 2
        @Option(
            help: ArgumentHelp(
                "Close a connection idle this many seconds, so idle sockets cannot hold the server.",
                valueName: "SECONDS"))
        var idleTimeout = 60
        @Option(
            help: ArgumentHelp(
                "Close a connection whose request headers are not whole this many seconds after their first byte.",
                valueName: "SECONDS"))
        var headerTimeout = 20
        @Option(
            help: ArgumentHelp(
                "Close a connection whose upload averages less than this many KiB/s after --upload-grace seconds.",
                valueName: "KIB"))
        var minUploadRate = 1
        @Option(
            help: ArgumentHelp(
                "Seconds an upload may take to start before --min-upload-rate applies.", valueName: "SECONDS"))
        var uploadGrace = 10
        @Option(
            help: ArgumentHelp(
                "Connections open at once; more get a short \"busy\" answer and are closed at once.",
                valueName: "N"))
        var maxConnections = 512
        @Option(help: ArgumentHelp("Files in one submission or follow-up; more are refused.", valueName: "N"))
        var maxFiles = 50

        func validate() throws {
            guard Self.address(listen) != nil else {
                throw ValidationError("--listen must be HOST:PORT, for example 127.0.0.1:8080")
            }
            guard (1...4096).contains(uploadLimit) else {
                throw ValidationError("--upload-limit must be 1 to 4096 MiB")
            }
            guard (1...10_000).contains(maxRequests) else { throw ValidationError("--max-requests must be 1 to 10000") }
            guard (1...64).contains(keyDerivations) else { throw ValidationError("--key-derivations must be 1 to 64") }
            guard (1...3600).contains(idleTimeout) else {
                throw ValidationError("--idle-timeout must be 1 to 3600 seconds")
            }
            guard (1...600).contains(headerTimeout) else {
                throw ValidationError("--header-timeout must be 1 to 600 seconds")
            }
            guard (0...102_400).contains(minUploadRate) else {
                throw ValidationError("--min-upload-rate must be 0 (no floor) to 102400 KiB/s")
            }
            guard (1...600).contains(uploadGrace) else {
                throw ValidationError("--upload-grace must be 1 to 600 seconds")
            }
            guard (1...100_000).contains(maxConnections) else {
                throw ValidationError("--max-connections must be 1 to 100000")
            }
            guard (1...10_000).contains(maxFiles) else { throw ValidationError("--max-files must be 1 to 10000") }
        }

        static func address(_ text: String) -> (host: String, port: Int)? {
            guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
                (1...65535).contains(port)
            else { return nil }
            let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return host.isEmpty ? nil : (host, port)
        }

        func run() throws {
            // Small freed blocks are overwritten too only without glibc's thread caches: start again without them.
            FreedMemory.restartWithoutThreadCaches()
            // Before any testimony or codename reaches memory: no core file, no tracing by other users.
            try ProcessHardening.forbidCoreDumps()
            if let folder = vault.location.folder {
                try IdentityFileGuard.refuse(in: folder, outside: vault.defaultAdministratorIdentityPath)
            }
            // And memory freed after a request keeps nothing of it (glibc's allocator overwrites freed blocks).
            if !FreedMemory.clearWhenFreed() {
                Diagnostics.warning(
                    "this C library cannot overwrite freed memory; copies of what sources send may stay in it longer")
            }
            // Room for every connection the cap allows, or the cap cannot keep descriptors from running out.
            let needed = FileDescriptors.needed(connections: maxConnections, requests: maxRequests)
            let available = FileDescriptors.raiseLimit(to: needed)
            if available < needed {
                Diagnostics.warning(
                    "the open-file limit (\(available)) is below what --max-connections and --max-requests need "
                        + "(\(needed)); raise it (LimitNOFILE=, ulimit -n) or lower --max-connections")
            }
            let vault = try openTrusted()
            let (host, port) = Self.address(listen)!
            if !["127.0.0.1", "::1", "localhost"].contains(host) {
                FileHandle.standardError.write(
                    Data(
                        ("amanat: warning: listening on \(host), not on loopback; sources should reach the intake "
                            + "only through Tor (Docs/deploy.md)\n").utf8))
            }
            var settings = IntakeSettings(
                host: host, port: port, uploadLimit: uploadLimit << 20, concurrencyLimit: maxRequests,
                keyDerivations: keyDerivations)
            settings.idleTimeoutSeconds = idleTimeout
            settings.headerTimeoutSeconds = headerTimeout
            settings.minimumUploadRate = minUploadRate << 10
            settings.uploadGraceSeconds = uploadGrace
            settings.connectionLimit = maxConnections
            settings.fileLimit = maxFiles
            let app = IntakeServer.application(vault: vault, settings: settings)
            print(
                "Amanat intake on http://\(listen)/ (vault \(self.vault.path)); Ctrl-C stops it after the "
                    + "submissions in progress."
            )
            let done = DispatchSemaphore(value: 0)
            let failure = Failure()
            Task {
                do { try await app.runService() } catch { failure.error = error }
                done.signal()
            }
            done.wait()
            if let error = failure.error {
                throw CLIError.refused("the intake stopped: \(error)", hint: "is another program using \(listen)?")
            }
        }

        /// Opens the vault against the administrator key given outside it; refuses to start without one.
        func openTrusted() throws -> Vault {
            guard let key = try vault.trustedAdministrator() else {
                throw CLIError.usage(
                    "amanat serve needs the administrator's public key, to check the vault against it",
                    hint: "add --administrator-key amanat1… (printed by `amanat init`), or set "
                        + "AMANAT_ADMINISTRATOR_KEY"
                )
            }
            if let given = vault.administratorKey ?? ProcessInfo.processInfo.environment["AMANAT_ADMINISTRATOR_KEY"],
                !given.lowercased().hasPrefix("amanat1"), let vaultFolder = vault.location.folder,
                let file = realpath(given, nil), let folder = realpath(vaultFolder, nil)
            {
                defer {
                    free(file)
                    free(folder)
                }
                if String(cString: file).hasPrefix(String(cString: folder) + "/") {
                    throw CLIError.usage(
                        "the administrator's key file is inside the vault, where whoever can change the vault can "
                            + "change it",
                        hint: "keep it outside the vault folder, for example in /etc/amanat")
                }
            }
            let opened = try Vault.open(vault.location, trust: .administrator(key))
            if !opened.settingsSigned {
                Diagnostics.warning(
                    "this vault's settings are not signed yet (it was made by an older Amanat); they will be at "
                        + "the administrator's next action")
            }
            return opened
        }

        final class Failure: @unchecked Sendable { var error: (any Error)? }
    }
}
