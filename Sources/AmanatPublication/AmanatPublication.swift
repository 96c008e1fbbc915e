/// AmanatPublication: an editor's redacted, signed excerpts of a vault's records.
///
/// It joins the vault (records, the case's term list, the pseudonym key, the signed public table) to the
/// redaction module (plans, their application and the leak check). `PublicationDesk` is the only way to
/// publish: it builds the list a record is checked against (the case's terms, the fields of every record
/// of the case, and the plan's own terms), applies the reviewed plan, runs the leak check, and only then
/// asks the vault to sign and store the projection. `ProjectionFile` writes and reads the publishable
/// files (Markdown, HTML, JSON; Docs/format.md §8.19) and verifies them byte for byte.
///
/// Layering: AmanatVault and AmanatRedaction below it; the `amanat` executable above.
public enum AmanatPublication {}
