import AmanatCrypto
import AmanatPublication
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat export-public CASE`: writes a case's published projections as publishable files.
    struct ExportPublic: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export-public",
            abstract: "Write a case's published projections as Markdown, HTML or JSON files, ready to publish.",
            discussion: """
                Needs no identity: projections are public. Every signature is checked first; if one fails, \
                nothing is written. Each file is named after its projection's id and carries the signed \
                projection, which `amanat verify-projection` checks.

                Example:
                  amanat export-public 4be2c1 --format html --out public/
                """
        )

        @OptionGroup var vault: VaultOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Option(help: ArgumentHelp("md, html or json.", valueName: "FORMAT")) var format: ProjectionFormat = .md
        @Option(help: ArgumentHelp("The folder to write into (created if missing).", valueName: "DIR")) var out: String
        @OptionGroup var output: OutputOptions

        /// What `export-public --json` prints: the files written, public values only.
        struct Written: Encodable {
            struct File: Encodable {
                let path: String, projection: String, published: String, language: String
            }
            let `case`: String, format: String, files: [File]
        }

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.caseID(caseID, in: vault)
            let projections = try vault.projections(case: id)
            guard !projections.isEmpty else {
                throw CLIError.notFound(
                    "case \(id) has no published projections yet; publish one with `amanat publish RECORD --plan FILE`")
            }
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw CLIError.usage("cannot create the folder \(out)", hint: "check the path and its permissions")
            }
            var written: [Written.File] = []
            for projection in projections {
                let path = (out as NSString).appendingPathComponent("\(projection.id).\(format.rawValue)")
                let writer = try AtomicFileWriter(path: path, permissions: 0o644, overwrite: true)
                try Array(try ProjectionFile.render(projection, as: format).utf8).withUnsafeBytes {
                    try writer.write($0)
                }
                try writer.commit()
                written.append(
                    .init(
                        path: path, projection: projection.id.description, published: projection.published.description,
                        language: projection.language))
                if !output.json { print(path) }
            }
            if output.json {
                try output.printJSON(Written(case: id.description, format: format.rawValue, files: written))
            }
            FileHandle.standardError.write(
                Data("Wrote \(counted(projections.count, "projection")) of case \(id).\n".utf8))
        }
    }

    /// `amanat verify-projection FILE --key KEY`: anyone checks a published projection.
    struct VerifyProjection: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-projection",
            abstract: "Check that a published projection (md, html or json) is exactly what the editor signed.",
            discussion: """
                KEY is the editor's public key (amanat1…, from `amanat identity show`), or a file holding it, \
                such as one under Keys/. The signature must verify under that key, and the visible text of \
                a Markdown or HTML file must be byte for byte the signed text. Exit status 65 otherwise.

                Example:
                  amanat verify-projection public/5d0c….html --key Keys/editor.pub
                """
        )

        @Argument(help: ArgumentHelp("The projection file.", valueName: "FILE")) var file: String
        @Option(help: ArgumentHelp("The editor's public key, or a file holding it.", valueName: "KEY")) var key: String
        @OptionGroup var output: OutputOptions

        /// What `verify-projection --json` prints about a good projection (a bad one is an error, exit 65).
        struct Verified: Encodable {
            let projection: String, `case`: String, period: String, language: String, published: String
            let format: String, signer_fingerprint: String
        }

        func run() throws {
            let expected = try Self.publicKey(key)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.notFound("\(file): cannot read this file")
            }
            let (projection, format) = try ProjectionFile.verify(data, signer: expected.signing)
            if output.json {
                return try output.printUntrustedJSON(
                    Verified(
                        projection: projection.id.description, case: projection.caseLabel, period: projection.period,
                        language: projection.language, published: projection.published.description,
                        format: format.rawValue, signer_fingerprint: expected.fingerprint.description))
            }
            print(
                "Good projection \(projection.id): \(projection.caseLabel), \(projection.period), "
                    + "\(projection.language), published \(projection.published), signed by \(expected.fingerprint).")
        }

        static func publicKey(_ text: String) throws -> Identity.PublicKey { try PublicKeyArgument.parse(text) }
    }
}
