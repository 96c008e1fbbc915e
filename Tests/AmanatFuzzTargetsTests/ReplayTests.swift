import AmanatCrypto
@testable import AmanatFuzzTargets
import Foundation
import Testing

/// The fuzz targets (Docs/fuzzing.md) on what is committed under Tests/Fuzz: every seed is accepted, every
/// regression input (what fuzzing once found) passes its target's invariants, and the seeds the tool makes
/// today are still accepted, so the corpus cannot go stale.
@Suite("Fuzz targets: seeds and regression inputs replayed")
struct ReplayTests {
    static let folder = FuzzFixtures.folder

    static func files(_ target: String, _ kind: String) -> [(name: String, bytes: [UInt8])] {
        let path = folder + "/" + target + "/" + kind
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: path + "/" + name).map { (name, Array($0)) }
        }
    }

    @Test("each target has a folder with seeds and a dictionary, and each folder is a target")
    func folders() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter {
            !$0.hasPrefix(".") && $0 != "lsan-suppressions"
        }
        #expect(Set(names) == Set(FuzzTarget.all.map(\.name)))
        #expect(FuzzTarget.all.count >= 12)
        for target in FuzzTarget.all {
            #expect(!Self.files(target.name, "seeds").isEmpty, "\(target.name) has no seed")
            let dictionary = try String(
                contentsOfFile: Self.folder + "/" + target.name + "/dictionary", encoding: .utf8)
            #expect(
                dictionary.split(separator: "\n").contains { $0.hasPrefix("\"") }, "\(target.name): empty dictionary")
        }
    }

    @Test("every committed seed is accepted by its target", arguments: FuzzTarget.all.map(\.name))
    func seeds(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        for seed in Self.files(name, "seeds") {
            #expect(try target.check(seed.bytes) == .accepted, "\(name)/seeds/\(seed.name) is refused")
        }
    }

    @Test("every regression input keeps its target's invariants", arguments: FuzzTarget.all.map(\.name))
    func regressions(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        for input in Self.files(name, "regressions") {
            do {
                _ = try target.check(input.bytes)
            } catch {
                Issue.record("\(name)/regressions/\(input.name): \(error)")
            }
        }
    }

    @Test("what the tool makes today is accepted; AMANAT_FUZZ_WRITE_SEEDS=1 writes it as the seeds")
    func freshSeeds() throws {
        let seeds = try FuzzSeeds.make()
        for (name, files) in seeds { FuzzFixtures.made(files.map(\.1), for: name) }
        for (name, files) in seeds {
            let target = try #require(FuzzTarget.named(name))
            for (file, bytes) in files {
                #expect(try target.check(bytes) == .accepted, "a fresh \(name) seed (\(file)) is refused")
            }
        }
        guard ProcessInfo.processInfo.environment["AMANAT_FUZZ_WRITE_SEEDS"] == "1" else { return }
        for (name, files) in seeds {
            let path = Self.folder + "/" + name + "/seeds"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (file, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + file)) }
        }
    }
}
