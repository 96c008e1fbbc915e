import AmanatCrypto

#if canImport(Glibc)
import Glibc
#endif

/// The Swift side of each benchmark workload, mirroring SodiumBaseline's C exactly. Each runs in its
/// own process and prints "<seconds> <peak resident KiB>", so both sides are measured the same way.
enum Workloads {
    static func run(_ arguments: [String]) throws -> Int32 {
        guard let mode = arguments.first else { return 2 }
        let rest = Array(arguments.dropFirst())
        switch mode {
        case "stream-encrypt", "stream-decrypt", "stream-file-encrypt", "stream-file-decrypt":
            let key = try SymmetricKey(rawRepresentation: Hex.decodeSecret(Array(rest[0].utf8)))
            let start = Clock.now()
            switch mode {
            case "stream-encrypt":
                var reader = try FileReader(path: rest[1])
                var sink = Discard()
                try SecretStream.encrypt(from: &reader, to: &sink, using: key)
            case "stream-decrypt":
                var reader = try FileReader(path: rest[1])
                var sink = Discard()
                try SecretStream.decrypt(from: &reader, to: &sink, using: key)
            case "stream-file-encrypt":
                try SecretStream.encryptFile(at: rest[1], to: rest[2], using: key, overwrite: true)
            default:
                try SecretStream.decryptFile(at: rest[1], to: rest[2], using: key, overwrite: true)
            }
            report(Clock.now() - start)
        case "seal", "open":
            let count = Int(rest[0])!
            let size = Int(rest[1])!
            let recipient = X25519.PrivateKey()
            let message = SecureRandom.bytes(size)
            var start = Clock.now()
            var boxes: [[UInt8]] = []
            boxes.reserveCapacity(count)
            for _ in 0..<count { boxes.append(try SealedBox.seal(message, to: recipient.publicKey)) }
            var elapsed = Clock.now() - start
            if mode == "open" {
                start = Clock.now()
                for box in boxes { _ = try SealedBox.open(box, with: recipient) }
                elapsed = Clock.now() - start
            }
            report(elapsed)
        case "argon2id":
            let parameters = try Argon2id.Parameters(opsLimit: UInt64(rest[0])!, memLimit: UInt64(rest[1])!)
            let count = Int(rest[2])!
            let passphrase = SecretBytes(utf8: "correct horse battery staple")
            let salt = SecureRandom.bytes(Argon2id.saltSize)
            let start = Clock.now()
            for _ in 0..<count { _ = try Argon2id.deriveKey(from: passphrase, salt: salt, parameters: parameters) }
            report(Clock.now() - start)
        default:
            return 2
        }
        return 0
    }

    /// A writer that drops what it is given: measures the cryptography, not the disk.
    struct Discard: ByteWriter {
        mutating func write(_ bytes: UnsafeRawBufferPointer) throws {}
    }

    /// Prints the measurement. Peak memory is VmHWM, this address space's own peak; getrusage's
    /// ru_maxrss is not used because on Linux it carries the parent's peak across fork and exec.
    static func report(_ seconds: Double) {
        print("\(seconds) \(peakResidentKiB())")
    }

    static func peakResidentKiB() -> Int {
        guard var reader = try? FileReader(path: "/proc/self/status") else { return -1 }
        var buffer = [UInt8](repeating: 0, count: 16384)
        let n = (try? buffer.withUnsafeMutableBytes { try reader.readFully(into: $0) }) ?? 0
        for line in String(decoding: buffer[0..<n], as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:")
        {
            return Int(line.dropFirst(6).filter(\.isNumber)) ?? -1
        }
        return -1
    }
}

/// Monotonic wall-clock time in seconds.
enum Clock {
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
