/// One parser under fuzzing (Docs/fuzzing.md): a name, and a check that feeds an input to the product's own
/// code path and tests what came out. The same checks run under libFuzzer (`make fuzz`) and, on the committed
/// seeds and regression inputs, in `make test`.
public struct FuzzTarget: Sendable {
    /// What the product made of one input.
    public enum Outcome: Sendable, Equatable {
        /// The input was taken (and what came of it passed every invariant).
        case accepted
        /// The input was refused with an error, as it should be for anything not well formed.
        case refused
    }

    /// The target's name, also its folder under Tests/Fuzz ("identity-file").
    public let name: String
    /// What it reads, for `amanat-fuzz --list` and the docs.
    public let reads: String
    /// Feeds one input to the product.
    /// - Throws: `BrokenInvariant` when the product accepted something it must not, or gave back a wrong value.
    public let check: @Sendable ([UInt8]) throws -> Outcome

    /// The target named `name`, or nil.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// Every target, in the order of Docs/fuzzing.md.
    public static let all: [FuzzTarget] = [
        publicKey, identityFile, codename, recordBody, auditLog, vaultDatabase, caseBundle, redactionText,
        redactionPlan, projectionFile, multipartForm, urlEncodedForm, imageMetadata,
    ]
}

/// A fuzzed input made the product break one of its promises. The message names the promise, never the input.
public struct BrokenInvariant: Error, CustomStringConvertible, Sendable {
    /// Which promise.
    public let description: String

    init(_ description: String) { self.description = description }
}

/// Throws `BrokenInvariant(message)` unless `condition` holds.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(BrokenInvariant) {
    if !condition { throw BrokenInvariant(message()) }
}
