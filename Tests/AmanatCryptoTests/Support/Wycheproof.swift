import Foundation
import Testing

/// One Wycheproof vector file (Vectors/wycheproof/, format `*_schema_v1.json`), decoded with a group
/// type that mirrors the JSON keys of its schema. Every runner goes through this one loader.
struct WycheproofFile<Group: WycheproofGroup>: Decodable {
    let algorithm: String
    let numberOfTests: Int
    let testGroups: [Group]

    /// Loads `Vectors/wycheproof/<name>.json` and checks that it holds as many tests as it says.
    static func load(_ name: String) throws -> WycheproofFile {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors/wycheproof"),
            "missing Wycheproof file \(name).json")
        let file = try JSONDecoder().decode(WycheproofFile.self, from: Data(contentsOf: url))
        #expect(file.testGroups.reduce(0) { $0 + $1.tests.count } == file.numberOfTests, "\(name): test count")
        return file
    }

    /// Every test with the group it belongs to.
    var tests: [(group: Group, test: Group.Test)] {
        testGroups.flatMap { group in group.tests.map { (group, $0) } }
    }
}

/// A test group: its own parameters (a key, sizes) and its tests.
protocol WycheproofGroup: Decodable {
    associatedtype Test: WycheproofTest
    var tests: [Test] { get }
}

/// The fields every Wycheproof test has.
protocol WycheproofTest: Decodable {
    var tcId: Int { get }
    var comment: String { get }
    var flags: [String] { get }
    var result: WycheproofResult { get }
}

extension WycheproofTest {
    /// "tcId 12 (flags): comment", for failure messages.
    var label: Comment { "tcId \(tcId) \(flags): \(comment)" }
}

/// Wycheproof's verdict. `valid` must be accepted and `invalid` refused; `acceptable` may go either
/// way, and each runner pins which way libsodium goes so that a change would be noticed.
enum WycheproofResult: String, Decodable {
    case valid
    case acceptable
    case invalid
}
