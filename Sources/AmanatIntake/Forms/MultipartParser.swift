import Foundation

/// A streaming reader of `multipart/form-data` bodies (RFC 7578): bytes go in as they arrive from the
/// network, events come out, and no more than one part's headers and a delimiter's length of body are
/// ever held, so a 500 MiB upload costs no more memory than a short one.
@_spi(Fuzzing) public struct MultipartParser {
    /// What the body holds, in order.
    @_spi(Fuzzing) public enum Event: Equatable {
        /// A part starts: its form field name, and for a file the name the browser sent.
        case begin(name: String, filename: String?)
        /// Bytes of the current part's content.
        case bytes([UInt8])
        /// The current part ended.
        case end
    }

    /// The body is not well-formed multipart (or is cut off).
    @_spi(Fuzzing) public struct Malformed: Error, Equatable {
        /// What was wrong, for tests (never shown with any content).
        let reason: String
    }

    private enum State { case preamble, headers, body, afterDelimiter, done }

    private let delimiter: [UInt8]  // CR LF "--" boundary
    private var buffer: [UInt8] = []
    private var state = State.preamble
    private static let maximumHeaderBytes = 8 * 1024
    private static let maximumPaddingBytes = 256

    /// A parser for the boundary from the request's Content-Type.
    @_spi(Fuzzing) public init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
        // The first delimiter may sit at the very start of the body, without the CR LF before it.
        buffer = Array("\r\n".utf8)
    }

    /// The boundary parameter of a `multipart/form-data` Content-Type, or nil.
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() where part.lowercased().hasPrefix("boundary=") {
            var value = String(part.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                return nil
            }
            return value
        }
        return nil
    }

    /// Whether the closing delimiter was seen.
    @_spi(Fuzzing) public var isComplete: Bool { state == .done }

    /// The bytes of the body the parser holds now (never more than `memoryBound(boundary:)`).
    @_spi(Fuzzing) public var bufferedCount: Int { buffer.count }

    /// The most a parser for `boundary` ever holds between two pieces of a body: one part's headers and
    /// their blank line, and a delimiter's length of content.
    @_spi(Fuzzing) public static func memoryBound(boundary: String) -> Int {
        maximumHeaderBytes + 4 + "\r\n--\(boundary)".utf8.count
    }

    /// Feeds the next bytes of the body.
    /// - Returns: the events they complete.
    /// - Throws: `Malformed` for a body that breaks the format.
    @_spi(Fuzzing) public mutating func feed(_ bytes: some Collection<UInt8>) throws -> [Event] {
        guard state != .done else { return [] }  // the epilogue is ignored
        Wipe.append(bytes, to: &buffer)
        var events: [Event] = []
        var position = 0
        loop: while true {
            switch state {
            case .preamble:
                guard let found = find(delimiter, from: position) else {
                    position = max(position, buffer.count - delimiter.count + 1)
                    break loop
                }
                position = found + delimiter.count
                state = .afterDelimiter
            case .afterDelimiter:
                guard buffer.count - position >= 2 else { break loop }
                if buffer[position] == UInt8(ascii: "-"), buffer[position + 1] == UInt8(ascii: "-") {
                    state = .done
                    Wipe.bytes(buffer)
                    buffer = []
                    return events
                }
                // Transport padding (spaces, tabs) may precede the CR LF.
                var cursor = position
                while cursor < buffer.count, buffer[cursor] == 0x20 || buffer[cursor] == 0x09 { cursor += 1 }
                // Browsers send none; a body of padding alone would otherwise be held whole.
                guard cursor - position <= Self.maximumPaddingBytes else {
                    throw Malformed(reason: "too much padding after a boundary")
                }
                guard buffer.count - cursor >= 2 else { break loop }
                guard buffer[cursor] == 0x0D, buffer[cursor + 1] == 0x0A else {
                    throw Malformed(reason: "no line break after a boundary")
                }
                position = cursor + 2
                state = .headers
            case .headers:
                guard let end = find(Array("\r\n\r\n".utf8), from: position) else {
                    guard buffer.count - position <= Self.maximumHeaderBytes else {
                        throw Malformed(reason: "part headers too long")
                    }
                    break loop
                }
                guard end - position <= Self.maximumHeaderBytes else {
                    throw Malformed(reason: "part headers too long")
                }
                let headers = String(decoding: buffer[position..<end], as: UTF8.self)
                events.append(try Self.begin(headers))
                position = end + 4
                state = .body
            case .body:
                if let found = find(delimiter, from: position) {
                    if found > position { events.append(.bytes(Array(buffer[position..<found]))) }
                    events.append(.end)
                    position = found + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Everything but what could be the start of a delimiter is content.
                    let safe = max(position, buffer.count - delimiter.count + 1)
                    if safe > position { events.append(.bytes(Array(buffer[position..<safe]))) }
                    position = safe
                    break loop
                }
            case .done:
                break loop
            }
        }
        Wipe.dropFirst(position, of: &buffer)
        return events
    }

    /// Zeroes what is left of the body in the parser (after a failure).
    func wipe() { Wipe.bytes(buffer) }

    /// Checks that the body ended properly.
    /// - Throws: `Malformed` when the closing delimiter never came (a cut-off upload).
    @_spi(Fuzzing) public func finish() throws {
        guard state == .done else { throw Malformed(reason: "the body ended before its closing boundary") }
    }

    /// The `begin` event for a part's headers.
    private static func begin(_ headers: String) throws -> Event {
        for line in headers.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            guard line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else {
                continue
            }
            let value = String(line[line.index(after: colon)...])
            let parameters = Self.parameters(value)
            guard value.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("form-data"),
                let name = parameters["name"]
            else {
                throw Malformed(reason: "a part is not a form field")
            }
            return .begin(name: name, filename: parameters["filename"])
        }
        throw Malformed(reason: "a part has no Content-Disposition")
    }

    /// `name="x"; filename="y"` parameters, quoted or not (browsers send UTF-8 in quotes and escape `"` as %22).
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " || $0 == "\t" }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    if character == "\\", rest.count > 1 { rest = rest.dropFirst() }
                    parsed.append(rest.first!)
                    rest = rest.dropFirst()
                }
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            result[key] = parsed.replacingOccurrences(of: "%22", with: "\"")
        }
        return result
    }

    /// The first index at or after `start` where `needle` begins in the buffer.
    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, buffer.count - start >= needle.count else { return nil }
        var index = start
        let last = buffer.count - needle.count
        return buffer.withUnsafeBufferPointer { haystack in
            while index <= last {
                if haystack[index] == first {
                    var match = true
                    for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                        match = false
                        break
                    }
                    if match { return index }
                }
                index += 1
            }
            return nil
        }
    }
}
