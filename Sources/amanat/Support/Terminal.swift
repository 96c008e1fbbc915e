import AmanatCrypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading secrets (passphrases, codenames) without echo and without argv: from a file, an
/// environment variable, or the terminal with echo turned off. They go straight into protected memory.
enum SecretInput {
    /// Reads a secret: `file` if given, else the environment variable `variable`, else a no-echo prompt
    /// on the terminal. Trailing newlines are removed.
    /// - Throws: `CLIError` when there is no terminal to ask and no other source.
    static func read(prompt: String, file: String?, variable: String) throws -> SecretBytes {
        if let file {
            let bytes = try readSecretFile(file)
            return trimmingNewlines(bytes)
        }
        if let value = ProcessInfo.processInfo.environment[variable] {
            return SecretBytes(utf8: value)
        }
        return try promptWithoutEcho(prompt)
    }

    /// Asks twice and insists the answers match (for new passphrases).
    static func readNew(prompt: String, file: String?, variable: String) throws -> SecretBytes {
        if file != nil || ProcessInfo.processInfo.environment[variable] != nil {
            return try read(prompt: prompt, file: file, variable: variable)
        }
        let first = try promptWithoutEcho(prompt)
        let second = try promptWithoutEcho("Type it again: ")
        guard first == second else { throw CLIError.usage("the two passphrases differ; nothing was changed", hint: nil) }
        guard first.count >= 8 else {
            throw CLIError.usage("a passphrase needs at least 8 characters", hint: "several unrelated words are easy to remember and hard to guess")
        }
        return first
    }

    /// Prompts on /dev/tty with echo off, reading into protected memory.
    static func promptWithoutEcho(_ prompt: String) throws -> SecretBytes {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            throw CLIError.usage("no terminal to ask for the secret", hint: "use --passphrase-file FILE or set AMANAT_PASSPHRASE (or AMANAT_CODENAME)")
        }
        defer { close(tty) }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        let hasTerminal = tcgetattr(tty, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ICANON)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer {
            if hasTerminal { tcsetattr(tty, TCSAFLUSH, &saved) }
            _ = write(tty, "\n", 1)
        }
        // Read byte by byte into a protected buffer, up to a newline.
        let limit = 4096
        var length = 0
        let buffer = try SecretBytes(count: limit) { raw in
            var byte: UInt8 = 0
            while length < limit, Glibc.read(tty, &byte, 1) == 1, byte != 10, byte != 13 {
                raw[length] = byte
                length += 1
            }
            byte = 0
        }
        return buffer.slice(0..<length)
    }

    /// A secret file's bytes, refusing files other users can read.
    static func readSecretFile(_ path: String) throws -> SecretBytes {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CLIError.notFound("\(path): no such file") }
        if info.st_mode & 0o077 != 0 {
            throw CLIError.usage("\(path) can be read by other users", hint: "protect it with: chmod 600 \(path)")
        }
        var reader = try FileReader(path: path)
        return try SecretBytes(count: Int(info.st_size)) { buffer in
            _ = try reader.readFully(into: buffer)
        }
    }

    static func trimmingNewlines(_ secret: SecretBytes) -> SecretBytes {
        var end = secret.count
        secret.withUnsafeBytes { bytes in
            while end > 0, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        }
        return secret.slice(0..<end)
    }
}
