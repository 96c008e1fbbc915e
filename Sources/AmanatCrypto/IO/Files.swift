import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file through a POSIX descriptor, without buffering beyond what the caller asks for.
public final class FileReader: ByteReader {
    private let descriptor: Int32
    /// The path, for error messages.
    public let path: String

    /// Opens `path` for reading.
    /// - Throws: `AmanatCryptoError.io` when the file cannot be opened.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot open"))
        }
        self.descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    /// Reads up to `buffer.count` bytes.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot read"))
        }
    }

    /// The file's permission bits and size (`fstat`).
    func status() throws -> (mode: UInt32, size: Int) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot inspect"))
        }
        return (UInt32(info.st_mode), Int(info.st_size))
    }
}

/// Writes a file so that it appears whole or not at all: bytes go to a temporary file beside the
/// destination (created with the final permissions, 0600 by default), which `commit()` fsyncs and
/// renames into place. Dropped without `commit()`, the temporary file is deleted. Temporaries are
/// named and registered by `TemporaryFiles`, so an interrupted or killed process leaves none for long.
///
/// `durable: false` skips the two fsyncs, for files handed to the user (a decrypted attachment, an
/// exported bundle): the rename still makes them appear whole or not at all to every reader, but a
/// power cut right after may leave them empty. Vault data and identity files are always durable.
public final class AtomicFileWriter: ByteWriter {
    private let descriptor: Int32
    private let temporaryPath: String
    /// The destination path.
    public let path: String
    private var committed = false
    private let durable: Bool
    private let overwrite: Bool

    /// Creates the temporary file for `path`.
    /// - Parameters:
    ///   - path: the final destination.
    ///   - permissions: mode of the new file (default 0600: owner only).
    ///   - overwrite: whether an existing file at `path` may be replaced.
    ///   - durable: whether `commit()` waits for the disk (fsync); see the type's notes.
    /// - Throws: `AmanatCryptoError.io` when the file exists (and `overwrite` is false) or cannot be created.
    public init(path: String, permissions: UInt32 = 0o600, overwrite: Bool = false, durable: Bool = true) throws {
        self.durable = durable
        self.overwrite = overwrite
        if !overwrite, access(path, F_OK) == 0 {
            throw AmanatCryptoError.io(path: path, reason: "already exists; choose another name or remove it first")
        }
        self.path = path
        (descriptor, temporaryPath) = try TemporaryFiles.create(beside: path, permissions: permissions)
        // The umask may have narrowed the mode; never widened, but set it exactly.
        fchmod(descriptor, mode_t(permissions))
    }

    deinit {
        if !committed {
            let (descriptor, temporaryPath) = (descriptor, temporaryPath)
            TemporaryFiles.finish(descriptor) {
                close(descriptor)
                unlink(temporaryPath)
            }
        }
    }

    /// Writes all of `bytes` to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot write"))
            }
            offset += n
        }
    }

    /// Flushes the file to disk and moves it into place, then flushes the directory entry.
    /// - Throws: `AmanatCryptoError.io`; the destination is then untouched.
    public func commit() throws {
        precondition(!committed, "commit() called twice")
        guard !durable || fsync(descriptor) == 0 else {
            throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot save"))
        }
        committed = true
        // Under the registry's lock: an interruption removes the temporary either before it is moved into
        // place or not at all, never half way.
        let (descriptor, temporaryPath, path, overwrite) = (descriptor, temporaryPath, path, overwrite)
        let (placed, failure) = TemporaryFiles.finish(descriptor) { () -> (Int32, Int32) in
            close(descriptor)
            // Without `overwrite`, link() puts the file in place only if nothing is there yet (a file that
            // appeared since `init` is never replaced); with it, rename() replaces atomically.
            var placed = overwrite ? rename(temporaryPath, path) : link(temporaryPath, path)
            var failure = errno
            if placed != 0, !overwrite, failure == EPERM || failure == ENOTSUP || failure == EOPNOTSUPP {
                // File systems without hard links (FAT on a USB stick): check, then rename.
                placed = access(path, F_OK) == 0 ? -1 : rename(temporaryPath, path)
                failure = placed == 0 ? 0 : (access(path, F_OK) == 0 ? EEXIST : errno)
            }
            if !overwrite || placed != 0 { unlink(temporaryPath) }
            return (placed, failure)
        }
        guard placed == 0 else {
            throw AmanatCryptoError.io(
                path: path,
                reason: failure == EEXIST
                    ? "already exists; choose another name or remove it first"
                    : FileSystem.reason(failure, action: "cannot save"))
        }
        if durable { FileSystem.syncDirectory(containing: path) }
    }
}

/// Small POSIX helpers shared by the file types.
enum FileSystem {
    /// "cannot open: No such file or directory".
    static func reason(_ code: Int32, action: String) -> String {
        "\(action): \(String(cString: strerror(code)))"
    }

    /// fsyncs the directory holding `path`, so a rename survives a crash.
    static func syncDirectory(containing path: String) {
        let fd = open(directory(containing: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// The folder `path` is in: "." for a bare name, "/" for a file at the root.
    static func directory(containing path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Reads a whole small file (at most `limit` bytes).
    static func readSmallFile(_ path: String, limit: Int) throws -> (bytes: [UInt8], mode: UInt32) {
        let reader = try FileReader(path: path)
        let (mode, size) = try reader.status()
        guard size <= limit else {
            throw AmanatCryptoError.io(path: path, reason: "is too large (\(size) bytes) to be what was expected")
        }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        let n = try bytes.withUnsafeMutableBytes { try readerFill(reader, $0) }
        return (Array(bytes[0..<n]), mode)
    }

    private static func readerFill(_ reader: FileReader, _ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var r = reader
        return try r.readFully(into: buffer)
    }
}

extension SecretStream {
    /// Encrypts the file at `inputPath` into a new file at `outputPath` (0600, written atomically).
    /// - Returns: the number of plaintext bytes encrypted.
    /// - Throws: `AmanatCryptoError.io` for file problems; no output file is left behind on failure.
    @discardableResult
    public static func encryptFile(
        at inputPath: String, to outputPath: String, using key: SymmetricKey,
        chunkSize: Int = defaultChunkSize, overwrite: Bool = false
    ) throws -> Int {
        var reader = try FileReader(path: inputPath)
        var writer = try AtomicFileWriter(path: outputPath, overwrite: overwrite)
        let total = try encrypt(from: &reader, to: &writer, using: key, chunkSize: chunkSize)
        try writer.commit()
        return total
    }

    /// Decrypts the file at `inputPath` into a new file at `outputPath` (0600). The output appears only
    /// once every frame has verified; on any failure no output file is left behind.
    /// - Returns: the number of plaintext bytes.
    /// - Throws: `AmanatCryptoError.truncated`, `.authenticationFailed` or `.io`.
    @discardableResult
    public static func decryptFile(
        at inputPath: String, to outputPath: String, using key: SymmetricKey,
        chunkSize: Int = defaultChunkSize, overwrite: Bool = false
    ) throws -> Int {
        var reader = try FileReader(path: inputPath)
        var writer = try AtomicFileWriter(path: outputPath, overwrite: overwrite)
        let total = try decrypt(from: &reader, to: &writer, using: key, chunkSize: chunkSize, what: inputPath)
        try writer.commit()
        return total
    }
}

/// The temporary files of `AtomicFileWriter`: those this process is writing, so that an interrupted
/// command can remove them before it exits, and those a killed process left, so that the next process
/// to write beside them removes them.
///
/// A temporary is named `DESTINATION.tmp-PID-RANDOM` (the writer's process id in decimal, then 12 hex
/// digits) and its writer holds an exclusive `flock` on it while it is open. Another process removes it
/// only when no process with that id is running and nobody holds the lock, so a live writer's temporary
/// is never taken from it, not even by a process in another PID namespace sharing the folder.
public enum TemporaryFiles {
    /// Open temporaries of this process, by descriptor.
    private static let live = Mutex<[Int32: String]>([:])
    /// Folders this process has already cleared of orphans.
    private static let cleared = Mutex<Set<String>>([])

    /// Creates (exclusively, with `permissions`) and registers a new temporary beside `destination`, after
    /// removing the orphans in its folder the first time this process writes there.
    /// - Throws: `AmanatCryptoError.io` when it cannot be created.
    static func create(beside destination: String, permissions: UInt32) throws -> (descriptor: Int32, path: String) {
        let folder = FileSystem.directory(containing: destination)
        if cleared.withLock({ $0.insert(folder).inserted }) { removeOrphans(in: folder) }
        let random = SecureRandom.bytes(6).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let path = "\(destination).tmp-\(getpid())-\(random)"
        let descriptor = live.withLock { files -> Int32 in
            let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(permissions))
            if fd >= 0 {
                _ = flock(fd, LOCK_EX | LOCK_NB)
                files[fd] = path
            }
            return fd >= 0 ? fd : -errno
        }
        guard descriptor >= 0 else {
            let reason = FileSystem.reason(-descriptor, action: "cannot create")
            throw AmanatCryptoError.io(path: destination, reason: reason)
        }
        return (descriptor, path)
    }

    /// Forgets the temporary open as `descriptor` and runs `body` (which closes it, and moves it into
    /// place or removes it) while no interruption can remove files.
    static func finish<Result: Sendable>(_ descriptor: Int32, _ body: () -> Result) -> Result {
        live.withLock { files in
            files[descriptor] = nil
            return body()
        }
    }

    /// Removes every temporary this process is writing, writes `message` to standard error and ends the
    /// process with `status` at once (no `atexit` handlers, no flushing). Meant for a signal: it holds the
    /// registry until the end, so no temporary is created or moved into place after it started.
    public static func removeAllAndExit(status: Int32, message: String) -> Never {
        live.withLock { files -> Never in
            for path in files.values { unlink(path) }
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(status)
        }
    }

    /// Removes from `folder` the temporaries whose writer has died (see the type's notes); files that are
    /// not temporaries, and live temporaries, are left alone. Errors are ignored.
    public static func removeOrphans(in folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard let owner = writer(ofTemporary: name), owner != getpid(),
                kill(owner, 0) != 0, errno == ESRCH
            else { continue }
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
            path.withUnsafeBufferPointer { bytes in
                let cPath = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
                let fd = Glibc.open(cPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                guard fd >= 0 else { return }
                if flock(fd, LOCK_EX | LOCK_NB) == 0 { unlink(cPath) }
                close(fd)
            }
        }
    }

    /// The process id in a temporary's name (`….tmp-PID-` and 12 hex digits), or nil for any other name.
    static func writer(ofTemporary name: [UInt8]) -> pid_t? {
        let hex = name.suffix(12)
        guard name.count > 18, hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
            name[name.count - 13] == UInt8(ascii: "-")
        else { return nil }
        let front = name[..<(name.count - 13)]
        let digits = front.reversed().prefix { (48...57).contains($0) }
        guard (1...10).contains(digits.count), front.dropLast(digits.count).suffix(5).elementsEqual(".tmp-".utf8),
            let pid = pid_t(String(decoding: digits.reversed(), as: UTF8.self)), pid > 0
        else { return nil }
        return pid
    }
}
