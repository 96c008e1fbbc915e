@_spi(Fuzzing) import AmanatIntake
import AmanatVault
import Foundation

extension FuzzTarget {
    /// `multipart/form-data` bodies (the submission form), fed in pieces cut where the input's first byte says.
    /// The parser holds no more than its stated bound after any piece, gives the same events however the body
    /// is cut, and a complete body it accepts, written again, parses to the same events.
    static let multipartForm = FuzzTarget(name: "multipart-form", reads: "multipart/form-data bodies") { bytes in
        guard let first = bytes.first else { return .refused }
        let body = Array(bytes.dropFirst())
        let whole = try MultipartFixtures.parse(body, pieces: [body.count])
        let step = Int(first) % 64 + 1
        let cut = try MultipartFixtures.parse(body, pieces: Array(repeating: step, count: body.count / step + 1))
        try require(cut.events == whole.events, "the events depend on where the body was cut")
        guard let events = whole.events, whole.complete else { return .refused }
        let again = try MultipartFixtures.parse(MultipartFixtures.write(events), pieces: [Int.max])
        try require(again.events == events && again.complete, "a body written from its events parses differently")
        return .accepted
    }

    /// `application/x-www-form-urlencoded` bodies (the codename forms): refused, or fields that, encoded
    /// again, parse to the same fields.
    static let urlEncodedForm = FuzzTarget(name: "urlencoded-form", reads: "x-www-form-urlencoded bodies") { bytes in
        guard let form = URLEncodedForm(bytes) else { return .refused }
        let encoded = form.fields.sorted { $0.key < $1.key }.map { encode($0.key) + "=" + encode($0.value) }
        let again = URLEncodedForm(Array(encoded.joined(separator: "&").utf8))
        try require(again?.fields == form.fields, "fields encoded again parse differently")
        return .accepted
    }

    private static func encode(_ text: String) -> String {
        text.utf8.map { byte in
            let plain = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            return plain ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded
        }.joined()
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}

/// The multipart body's boundary and a writer of events, for the multipart target.
enum MultipartFixtures {
    static let boundary = "AmanatFuzzBoundary"

    /// The events of `body` fed in pieces of the given sizes, merged (adjacent content joined), nil once
    /// the parser refuses; whether the closing delimiter came and `finish()` agreed.
    static func parse(
        _ body: [UInt8], pieces: [Int]
    ) throws(BrokenInvariant) -> (events: [MultipartParser.Event]?, complete: Bool) {
        var parser = MultipartParser(boundary: boundary)
        var events: [MultipartParser.Event] = []
        var offset = 0
        for size in pieces where offset < body.count {
            let end = min(body.count, offset + size)
            guard let more = try? parser.feed(body[offset..<end]) else { return (nil, false) }
            try require(
                parser.bufferedCount <= MultipartParser.memoryBound(boundary: boundary),
                "the parser held more than its bound")
            for event in more {
                if case .bytes(let new) = event, case .bytes(let old)? = events.last {
                    events[events.count - 1] = .bytes(old + new)
                } else if case .bytes(let new) = event, new.isEmpty {
                    continue
                } else {
                    events.append(event)
                }
            }
            offset = end
        }
        let complete = parser.isComplete && (try? parser.finish()) != nil
        return (events, complete)
    }

    /// A body holding `events`, written as a browser would.
    static func write(_ events: [MultipartParser.Event]) -> [UInt8] {
        var body: [UInt8] = []
        for event in events {
            switch event {
            case .begin(let name, let filename):
                var disposition = "Content-Disposition: form-data; name=\"\(quoted(name))\""
                if let filename { disposition += "; filename=\"\(quoted(filename))\"" }
                body += Array("--\(boundary)\r\n\(disposition)\r\n\r\n".utf8)
            case .bytes(let content): body += content
            case .end: body += Array("\r\n".utf8)
            }
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    private static func quoted(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "%22")
    }
}
