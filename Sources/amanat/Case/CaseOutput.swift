import AmanatVault
import Foundation

// What `case new --json` and `case assign --json` print (Docs/cli.md). Kept apart from CaseCommand.swift:
// ids, days and counts only, never the title or notes (they are stored encrypted).

extension Amanat.CaseCommand.New {
    /// `case new --json`: the new case as `case list --json` will show it.
    struct Created: Encodable {
        let case_id: String
        let created: String
        let key_version: Int

        /// The case `id` as the vault holds it.
        init(_ id: Case.ID, in vault: Vault) throws {
            guard let found = try vault.cases().first(where: { $0.id == id }) else {
                throw CLIError.notFound("case \(id) is not in the vault")
            }
            case_id = found.id.description
            created = found.createdDay.description
            key_version = found.keyVersion
        }
    }
}

extension Amanat.CaseCommand.Assign {
    /// `case assign --json`: the case and the full ids of the records filed into it.
    struct Filed: Encodable {
        let case_id: String
        let records: [String]
    }
}
