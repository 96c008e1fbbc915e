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

    /// A new passphrase: asked twice (the answers must match), or read once from a file or `variable`;
    /// at least 8 characters however it comes.
    static func readNew(prompt: String, file: String?, variable: String) throws -> SecretBytes {
        let passphrase: SecretBytes
        if file != nil || ProcessInfo.processInfo.environment[variable] != nil {
            passphrase = try read(prompt: prompt, file: file, variable: variable)
        } else {
            passphrase = try promptWithoutEcho(prompt)
            let second = try promptWithoutEcho("Type it again: ")
            guard passphrase == second else {
                throw CLIError.usage("the two passphrases differ; nothing was changed", hint: nil)
            }
        }
        guard passphrase.unprotectedCharacterCount >= 8 else {
            throw CLIError.usage(
                "a passphrase needs at least 8 characters; nothing was written",
                hint: "several unrelated words are easy to remember and hard to guess")
        }
        return passphrase
    }

    /// Prompts on /dev/tty with echo off, reading into protected memory.
    static func promptWithoutEcho(_ prompt: String) throws -> SecretBytes {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else {
            throw CLIError.usage(
                "there is no terminal to ask for the secret",
                hint:
                    "give it in a file (--passphrase-file, --new-passphrase-file, --codename-file) or in "
                    + "AMANAT_PASSPHRASE, AMANAT_NEW_PASSPHRASE or AMANAT_CODENAME"
            )
        }
        defer { close(tty) }
        _ = prompt.withCString { write(tty, $0, strlen($0)) }
        var saved = termios()
        let hasTerminal = tcgetattr(tty, &saved) == 0
        if hasTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            quiet.c_lflag |= tcflag_t(ICANON)
            Interruption.remember(terminal: tty, settings: saved)
            tcsetattr(tty, TCSAFLUSH, &quiet)
        }
        defer {
            if hasTerminal {
                tcsetattr(tty, TCSAFLUSH, &saved)
                Interruption.forget()
            }
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

extension SecretBytes {
    /// The number of characters (not bytes) of a UTF-8 secret, counted without making a String.
    var unprotectedCharacterCount: Int {
        withUnsafeBytes { bytes in
            var characters = 0
            for byte in bytes where byte & 0xC0 != 0x80 { characters += 1 }
            return characters
        }
    }
}
