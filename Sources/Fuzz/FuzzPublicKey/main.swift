import AmanatCrypto
import FuzzDriver

/// Public key strings (`amanat1…`, Docs/format.md §6): refused, or accepted only as the one string that encodes
/// the key (spaces and letter case aside), so that no two strings a person could be shown name one key.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: FuzzDriver.bytes(start, count), as: UTF8.self)
    guard let key = try? Identity.PublicKey(string: text) else { return 0 }
    let typed = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
    FuzzDriver.require(typed.lowercased() == key.stringRepresentation, "a second spelling of one key was accepted")
    FuzzDriver.require((try? Identity.PublicKey(string: key.stringRepresentation)) == key, "it does not read back")
    return 0
}

FuzzDriver.run(testOneInput)
