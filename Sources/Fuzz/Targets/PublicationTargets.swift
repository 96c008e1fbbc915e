import AmanatCrypto
import AmanatPublication
import AmanatVault
import Foundation

extension FuzzTarget {
    /// Projection files in their three formats (format.md §8.19). Only a file the lawyer signed (a seed, byte
    /// for byte) verifies; a file that merely parses reads back to the same projection once rendered again.
    static let projectionFile = FuzzTarget(name: "projection-file", reads: "projection files, md/html/json (§8.19)") {
        bytes in
        if let (projection, format) = try? ProjectionFile.parse(String(decoding: bytes, as: UTF8.self)) {
            let rendered = try? ProjectionFile.render(projection, as: format)
            let again = rendered.flatMap { try? ProjectionFile.parse($0) }
            try require(again?.0 == projection && again?.1 == format, "a rendered projection parses differently")
        }
        let signer = FuzzFixtures.lawyer.publicKey.signing
        guard (try? ProjectionFile.verify(Data(bytes), signer: signer)) != nil else { return .refused }
        try require(FuzzFixtures.seeds("projection-file").contains(bytes), "a file the lawyer never signed verified")
        return .accepted
    }
}
