import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import Foundation
import FuzzDriver

/// Redaction plans as an editor's file gives them (`PlanDocument.decode`, Docs/redaction.md), applied to a text
/// with the case's terms: refused, or a published text in which no listed term is found. The seeds are plans
/// `amanat redact RECORD --plan-out` wrote for this very text (the plan records its digest).
let pseudonyms = try! Pseudonyms(key: SecretBytes(copying: Array("the fuzzed case's pseudonym key!".utf8)))

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzDriver.bytes(start, count)
    guard let plan = try? PlanDocument.decode(SecretBytes(copying: bytes)) else { return 0 }
    let text =
        "Мою дочь Заиру Мусаеву забрали 14 марта 2016 года в "
        + "Карабулаке. Её номер +7 (928) 123-45-67."
    let listed = ["Заира Мусаева", "place:Карабулак"]
    guard let redactor = try? Redactor(terms: listed + plan.terms.map(\.text)),
        let published = try? redactor.apply(plan, to: text, pseudonyms: pseudonyms)
    else { return 0 }
    for name in ["Заир", "Мусаев", "Карабулак", "928"] {
        FuzzDriver.require(!published.contains(name), "a listed term was published")
    }
    return 0
}

FuzzDriver.run(testOneInput)
