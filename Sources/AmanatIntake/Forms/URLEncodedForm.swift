/// An `application/x-www-form-urlencoded` body (the codename form), already collected and bounded.
@_spi(Fuzzing) public struct URLEncodedForm {
    @_spi(Fuzzing) public private(set) var fields: [String: String] = [:]

    /// Parses `name=value&…` (`+` is a space, `%XX` a byte; values are UTF-8).
    /// - Returns: nil for a body that is not such a form.
    @_spi(Fuzzing) public init?(_ body: [UInt8]) {
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : []) else {
                return nil
            }
            fields[name] = value
        }
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// Zeroes the values (her codename) once the page is made.
    func wipe() { for value in fields.values { Wipe.string(value) } }

    private static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        defer { Wipe.bytes(out) }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex,
                    let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2])
                else { return nil }
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(validating: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
