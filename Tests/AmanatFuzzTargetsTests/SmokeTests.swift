import AmanatFuzzTargets
import AmanatTestSupport
import Foundation
import Testing

/// A short, seeded run of every target in `make test` (no sanitizer, no coverage guidance): each seed mutated
/// the ways libFuzzer starts with (bytes changed, inserted, removed, cut off, pieces repeated), every result
/// checked against the target's invariants. `make fuzz` is the real search; this keeps the targets honest
/// between runs of it, within a few seconds.
@Suite("Fuzz targets: a short seeded smoke run")
struct SmokeTests {
    static let rounds = 150
    /// Targets whose every mutated input is refused: a signature or an AEAD covers every byte.
    static let alwaysRefused: Set<String> = ["identity-file", "case-bundle", "audit-log", "projection-file"]

    @Test("mutated seeds keep every target's invariants", arguments: FuzzTarget.all.map(\.name))
    func mutatedSeeds(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        var random = SeededRandom(seed: UInt64(name.utf8.reduce(17) { $0 &* 31 &+ UInt64($1) }))
        var outcomes: [FuzzTarget.Outcome: Int] = [:]
        for seed in ReplayTests.files(name, "seeds").map(\.bytes) {
            for _ in 0..<Self.rounds {
                let input = Self.mutate(seed, &random)
                do {
                    outcomes[try target.check(input), default: 0] += 1
                } catch {
                    Issue.record("\(name): \(error) on a mutated seed: \(Data(input).base64EncodedString())")
                    return
                }
            }
        }
        // The mutations must reach the parser's refusals (a smoke run that saw only valid inputs tested little),
        // except where every text is a valid input.
        #expect(outcomes[.refused, default: 0] > 0 || name == "redaction-text", "\(name): no mutated seed was refused")
        #expect(outcomes[.accepted, default: 0] > 0 || Self.alwaysRefused.contains(name), "\(name): none accepted")
    }

    /// One to four of libFuzzer's simplest mutations.
    static func mutate(_ seed: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 2 where !bytes.isEmpty: bytes.remove(at: at)
            case 3: bytes = Array(bytes.prefix(at))
            default:
                let end = min(bytes.count, at + Int.random(in: 1...16, using: &random))
                bytes.insert(contentsOf: bytes[at..<end], at: at)
            }
        }
        return bytes
    }
}
