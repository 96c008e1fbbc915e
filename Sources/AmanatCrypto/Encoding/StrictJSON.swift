/// The one JSON dialect Amanat reads (Docs/format.md §1, "JSON"): RFC 8259 JSON, plus three rules that
/// Foundation's decoder does not enforce, so that two readers can never see two different documents in
/// the same bytes:
/// - no object has two members with the same name (after unescaping);
/// - every number is an integer: no fraction, no exponent, no leading zero, no `-0`;
/// - nothing but white space follows the value, nesting is at most 32 deep, and the text is UTF-8
///   without unpaired surrogates.
///
/// It only checks: it builds nothing, copies no values, and so can run over decrypted bytes in secure
/// memory before they are decoded.
public enum StrictJSON {
    /// Checks `bytes`.
    /// - Throws: `AmanatCryptoError.invalidEncoding` naming `what` and the first rule broken.
    public static func validate(_ bytes: UnsafeRawBufferPointer, what: String) throws {
        var scanner = Scanner(bytes: bytes)
        do {
            scanner.skipWhitespace()
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            guard scanner.position == bytes.count else { throw Problem("something follows the JSON value") }
        } catch let problem as Problem {
            throw AmanatCryptoError.invalidEncoding(what: what, reason: problem.reason)
        }
    }

    /// Checks `bytes` (any contiguous bytes).
    public static func validate(_ bytes: some BytesView, what: String) throws {
        try bytes.withBytes { try validate($0, what: what) }
    }

    struct Problem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    struct Scanner {
        /// `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` and what they stand for.
        static let escapes: [UInt8: UInt8] = [
            0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A,
            0x72: 0x0D, 0x74: 0x09,
        ]
        let bytes: UnsafeRawBufferPointer
        var position = 0

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ literal: StaticString) throws {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw Problem("it is cut short") }
            for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
                throw Problem("it holds an unknown word")
            }
            position += count
        }

        mutating func value(depth: Int) throws {
            guard depth < 32 else { throw Problem("it is nested more than 32 deep") }
            switch current {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string(keeping: false)
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"): try expect("null")
            case .some(let byte) where byte == UInt8(ascii: "-") || (0x30...0x39).contains(byte): try integer()
            case .none: throw Problem("it is cut short")
            default: throw Problem("it is not JSON")
            }
        }

        mutating func object(depth: Int) throws {
            position += 1
            var names = Set<[UInt8]>()
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw Problem("a member name is not a string") }
                guard names.insert(try string(keeping: true)).inserted else {
                    throw Problem("an object has two members with the same name")
                }
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw Problem("a member has no value") }
                position += 1
                skipWhitespace()
                try value(depth: depth + 1)
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"):
                    position += 1
                    return
                default: throw Problem("an object is not closed")
                }
            }
        }

        mutating func array(depth: Int) throws {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                try value(depth: depth + 1)
                skipWhitespace()
                switch current {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"):
                    position += 1
                    return
                default: throw Problem("an array is not closed")
                }
            }
        }

        /// An integer: `-`? (`0` | [1-9][0-9]*), with no fraction or exponent after it.
        mutating func integer() throws {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, (0x30...0x39).contains(first) else { throw Problem("a number has no digits") }
            position += 1
            if first == 0x30 {
                if let next = current, (0x30...0x39).contains(next) { throw Problem("a number has a leading zero") }
                if position - start == 2 { throw Problem("a number is -0") }
            }
            while let byte = current, (0x30...0x39).contains(byte) { position += 1 }
            if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                throw Problem("a number is not an integer")
            }
        }

        /// A string. With `keeping`, returns its content as UTF-8 after unescaping (for member names, which
        /// are field names); values are checked without being copied anywhere (they may be testimony).
        mutating func string(keeping: Bool) throws -> [UInt8] {
            position += 1
            var content: [UInt8] = []
            var pendingHigh: UInt32?
            while true {
                guard let byte = current else { throw Problem("a string is not closed") }
                position += 1
                if byte == UInt8(ascii: "\"") {
                    guard pendingHigh == nil else { throw Problem("a string holds an unpaired surrogate") }
                    return content
                }
                guard byte >= 0x20 else { throw Problem("a string holds a control character") }
                if byte == UInt8(ascii: "\\") {
                    guard let escape = current else { throw Problem("a string is not closed") }
                    position += 1
                    if escape == UInt8(ascii: "u") {
                        let unit = try hex4()
                        if let high = pendingHigh {
                            guard (0xDC00...0xDFFF).contains(unit) else {
                                throw Problem("a string holds an unpaired surrogate")
                            }
                            if keeping { append(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &content) }
                            pendingHigh = nil
                        } else if (0xD800...0xDBFF).contains(unit) {
                            pendingHigh = unit
                        } else {
                            guard !(0xDC00...0xDFFF).contains(unit) else {
                                throw Problem("a string holds an unpaired surrogate")
                            }
                            if keeping { append(unit, to: &content) }
                        }
                        continue
                    }
                    guard pendingHigh == nil else { throw Problem("a string holds an unpaired surrogate") }
                    guard let unescaped = Self.escapes[escape] else {
                        throw Problem("a string holds an unknown escape")
                    }
                    if keeping { content.append(unescaped) }
                    continue
                }
                guard pendingHigh == nil else { throw Problem("a string holds an unpaired surrogate") }
                try utf8Sequence(startingWith: byte, into: &content, keeping: keeping)
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw Problem("a string is cut short") }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                position += 1
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw Problem("a string holds a bad \\u escape")
                }
                unit = unit << 4 | UInt32(digit)
            }
            return unit
        }

        /// One UTF-8 sequence whose first byte was just read: well-formed, shortest form, no surrogates.
        mutating func utf8Sequence(startingWith first: UInt8, into content: inout [UInt8], keeping: Bool) throws {
            if keeping { content.append(first) }
            let (length, low, high): (Int, UInt8, UInt8)
            switch first {
            case 0x00...0x7F: return
            case 0xC2...0xDF: (length, low, high) = (1, 0x80, 0xBF)
            case 0xE0: (length, low, high) = (2, 0xA0, 0xBF)
            case 0xED: (length, low, high) = (2, 0x80, 0x9F)
            case 0xE1...0xEF: (length, low, high) = (2, 0x80, 0xBF)
            case 0xF0: (length, low, high) = (3, 0x90, 0xBF)
            case 0xF4: (length, low, high) = (3, 0x80, 0x8F)
            case 0xF1...0xF3: (length, low, high) = (3, 0x80, 0xBF)
            default: throw Problem("it is not UTF-8")
            }
            for index in 0..<length {
                guard let byte = current, (index == 0 ? (low...high) : (0x80...0xBF)).contains(byte) else {
                    throw Problem("it is not UTF-8")
                }
                if keeping { content.append(byte) }
                position += 1
            }
        }

        func append(_ scalar: UInt32, to content: inout [UInt8]) {
            guard let value = Unicode.Scalar(scalar) else { return }
            content.append(contentsOf: Array(String(Character(value)).utf8))
        }
    }
}
