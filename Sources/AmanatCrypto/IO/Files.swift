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
        guard fd >= 0 else { throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot open")) }
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
/// renames into place. Dropped without `commit()`, the temporary file is deleted.
///
/// `durable: false` skips the two fsyncs, for files handed to the user (a decrypted attachment, an
/// exported bundle): the rename still makes them appear whole or not at all to every reader, but a
/// power cut right after may leave them empty. Vault data and identity files are always durable.
public final class AtomicFileWriter: ByteWriter {
    private var descriptor: Int32
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
        let suffix = SecureRandom.bytes(6).map { String($0, radix: 16) }.joined()
        temporaryPath = path + ".tmp-" + suffix
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions))
        guard fd >= 0 else { throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot create")) }
        // The umask may have narrowed the mode; never widened, but set it exactly.
        fchmod(fd, mode_t(permissions))
        descriptor = fd
    }

    deinit {
        if !committed {
            close(descriptor)
            unlink(temporaryPath)
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
        guard !durable || fsync(descriptor) == 0 else { throw AmanatCryptoError.io(path: path, reason: FileSystem.reason(errno, action: "cannot save")) }
        close(descriptor)
        committed = true
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
        guard placed == 0 else {
            throw AmanatCryptoError.io(path: path, reason: failure == EEXIST ? "already exists; choose another name or remove it first"
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
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Reads a whole small file (at most `limit` bytes).
    static func readSmallFile(_ path: String, limit: Int) throws -> (bytes: [UInt8], mode: UInt32) {
        let reader = try FileReader(path: path)
        let (mode, size) = try reader.status()
        guard size <= limit else { throw AmanatCryptoError.io(path: path, reason: "is too large (\(size) bytes) to be what was expected") }
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
    public static func encryptFile(at inputPath: String, to outputPath: String, using key: SymmetricKey,
                                   chunkSize: Int = defaultChunkSize, overwrite: Bool = false) throws -> Int {
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
    public static func decryptFile(at inputPath: String, to outputPath: String, using key: SymmetricKey,
                                   chunkSize: Int = defaultChunkSize, overwrite: Bool = false) throws -> Int {
        var reader = try FileReader(path: inputPath)
        var writer = try AtomicFileWriter(path: outputPath, overwrite: overwrite)
        let total = try decrypt(from: &reader, to: &writer, using: key, chunkSize: chunkSize, what: inputPath)
        try writer.commit()
        return total
    }
}
