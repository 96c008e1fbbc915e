import AmanatCrypto
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM in the middle of a command: every temporary file the command is writing
/// (a decrypted attachment, a bundle, a blob) is removed, so no plaintext and no half-written file stays
/// behind, the terminal gets its echo back if a passphrase was being asked, and `amanat` exits with
/// 130 (SIGINT) or 143 (SIGTERM). Files that were complete before the signal are kept.
enum Interruption {
    /// The terminal whose settings a passphrase prompt changed, and the settings to put back.
    private static let prompt = Mutex<(descriptor: Int32, settings: termios)?>(nil)

    /// Blocks SIGINT and SIGTERM in the calling thread, and so in every thread started after it, and
    /// waits for them on a thread of its own: there, unlike in a signal handler, taking a lock and
    /// removing files is safe. Call it from `main` before any other thread is started. A signal that was
    /// already ignored when `amanat` started (under `nohup`, or in a background job of a script) is left
    /// ignored, as whoever started it intended.
    static func install() {
        let handled = [SIGINT, SIGTERM].filter { !isIgnored($0) }
        guard !handled.isEmpty else { return }
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in handled { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waited = signals
        let waiter = Thread {
            var set = waited
            var received: Int32 = 0
            while sigwait(&set, &received) != 0 {}
            restoreTerminal()
            let name = received == SIGINT ? "interrupted (SIGINT)" : "stopped (SIGTERM)"
            TemporaryFiles.removeAllAndExit(
                status: 128 + received,
                message: """
                    amanat: error: \(name); the files it was writing were removed
                    amanat: hint: files that were complete before the signal were kept; run the command again to finish

                    """)
        }
        waiter.start()
    }

    /// Whether `signal` is set to be ignored (SIG_IGN).
    private static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
    }

    /// Remembers that `descriptor` (a terminal) runs with echo off until `forget()`, so that a signal
    /// puts `settings` back before `amanat` exits.
    static func remember(terminal descriptor: Int32, settings: termios) {
        prompt.withLock { $0 = (descriptor, settings) }
    }

    /// The prompt has put the terminal's settings back itself.
    static func forget() {
        prompt.withLock { $0 = nil }
    }

    private static func restoreTerminal() {
        prompt.withLock { terminal in
            guard let terminal else { return }
            var settings = terminal.settings
            tcsetattr(terminal.descriptor, TCSAFLUSH, &settings)
            _ = write(terminal.descriptor, "\n", 1)
        }
    }

    /// Removes the temporaries that a killed `amanat` left in the vault at `path` (see `TemporaryFiles`).
    static func removeOrphans(vault path: String) {
        TemporaryFiles.removeOrphans(in: path)
        TemporaryFiles.removeOrphans(in: path + "/blobs")
    }
}

/// A command that works on a vault: before it runs, the vault is cleared of orphaned temporaries.
protocol VaultCommand {
    var vault: VaultOptions { get }
}

extension Amanat.Submit: VaultCommand {}
extension Amanat.Inbox: VaultCommand {}
extension Amanat.Read: VaultCommand {}
extension Amanat.Open: VaultCommand {}
extension Amanat.Reply: VaultCommand {}
extension Amanat.Replies: VaultCommand {}
extension Amanat.Export: VaultCommand {}
extension Amanat.Revoke: VaultCommand {}
extension Amanat.Audit: VaultCommand {}
extension Amanat.Migrate: VaultCommand {}
extension Amanat.Redact: VaultCommand {}
extension Amanat.Publish: VaultCommand {}
extension Amanat.ExportPublic: VaultCommand {}
extension Amanat.GrantCommand.Issue: VaultCommand {}
extension Amanat.GrantCommand.List: VaultCommand {}
extension Amanat.CaseCommand.New: VaultCommand {}
extension Amanat.CaseCommand.Assign: VaultCommand {}
extension Amanat.CaseCommand.List: VaultCommand {}
extension Amanat.CaseCommand.Show: VaultCommand {}
