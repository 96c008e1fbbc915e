import Foundation
import Testing

@testable import AmanatCrypto

/// The JSON dialect every stored structure is read in: RFC 8259 plus no duplicate members, integers only.
@Suite("Strict JSON")
struct StrictJSONTests {
    static func accepts(_ text: String) -> Bool {
        (try? StrictJSON.validate(Array(text.utf8), what: "test")) != nil
    }

    @Test(
        "well-formed documents pass",
        arguments: [
            #"{}"#, #"[]"#, #"{"a":1,"b":[true,false,null],"c":{"d":"x"}}"#, #" {"a" : -12} "#,
            #""\u00e9\ud83d\ude00\n""#,
            #"{"a":"ё","b":0}"#, #"{"a\u0062":1,"ab ":2}"#,
        ])
    func valid(_ text: String) {
        #expect(Self.accepts(text), "\(text)")
    }

    @Test(
        "duplicates, non-integers and everything else malformed are refused",
        arguments: [
            #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"x":{"a":1,"a":1}}"#, #"[{"k":1,"k":1}]"#,
            #"{"a":1.0}"#, #"{"a":1e3}"#, #"{"a":1E3}"#, #"{"a":01}"#, #"{"a":-0}"#, #"{"a":-}"#, #"{"a":+1}"#,
            #"{"a":1}x"#, #"{"a":1,}"#, #"[1,]"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":"\x"}"#, #""\ud800""#, #""\udc00""#,
            #""\ud800\u0041""#, "\"a\u{01}b\"", #"{"a":tru}"#, #"{"a":nul}"#, "", "   ", #"{"a":1"#, #"[1,2"#, #""abc"#,
            String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
        ])
    func invalid(_ text: String) {
        #expect(!Self.accepts(text), "\(text)")
    }

    @Test("bytes that are not UTF-8 are refused")
    func notUTF8() {
        for bytes: [UInt8] in [
            [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xFF, 0x22], [0x22, 0xE2, 0x82, 0x22],
        ] {
            #expect((try? StrictJSON.validate(bytes, what: "test")) == nil, "\(bytes)")
        }
        #expect((try? StrictJSON.validate([0x22, 0xE2, 0x82, 0xAC, 0x22], what: "test")) != nil)
    }

    @Test("everything Foundation's encoder writes for our structures passes")
    func roundTrip() throws {
        struct Sample: Codable {
            let id: String
            let size: Int
            let names: [String]
            let nested: [String: Int]
        }
        let data = try JSONEncoder().encode(
            Sample(id: "ab", size: 70_000, names: ["Ахмед", "\"q\"", "a/b"], nested: ["x": -3]))
        #expect(throws: Never.self) { try StrictJSON.validate(Array(data), what: "test") }
    }
}
