import AmanatCrypto
import AmanatVault
import Foundation

/// Before a case is exported: does the recipient hold a grant on it that was revoked or has expired? A
/// bundle gives her everything the case holds, so exporting to a lawyer whose access was taken away is
/// almost always a mistake, and is done only when confirmed (`--yes`, or "yes" at the terminal).
enum ExportRecipientCheck {
    /// One line saying why `recipient` should not get `caseID`, or nil when she holds an active grant on
    /// it or never held one (an outside lawyer, the usual case for a bundle).
    static func lapsedAccess(of recipient: Identity.PublicKey, on caseID: Case.ID, in vault: Vault) throws -> String? {
        let fingerprint = recipient.fingerprint
        let held = try vault.grants(case: caseID, today: CLIClock.today).filter {
            $0.grantee.fingerprint == fingerprint
        }
        if held.contains(where: { $0.status == .active }) { return nil }
        let revoked = held.compactMap { grant -> Day? in
            if case .revoked(let day) = grant.status { return day }
            return nil
        }
        if let day = revoked.max() {
            return "\(fingerprint) is a lawyer whose grant on case \(caseID) was revoked on \(day)"
        }
        if let day = held.filter({ $0.status == .expired }).map(\.expires).max() {
            return "\(fingerprint) is a lawyer whose grant on case \(caseID) expired on \(day)"
        }
        return nil
    }

    /// Goes on only if the export was confirmed: `yes` (the `--yes` flag), or an answer at the terminal.
    /// - Throws: `CLIError.refused` otherwise; nothing has been written then.
    static func confirm(_ reason: String, yes: Bool) throws {
        if yes { return Diagnostics.warning("\(reason); exporting anyway (--yes)") }
        guard Confirmation.canAsk else {
            throw CLIError.refused(
                "\(reason); nothing was exported",
                hint: "if she should have the whole case again, add --yes (or grant it to her again first)")
        }
        Diagnostics.warning("\(reason); the bundle would give her the whole case again")
        guard Confirmation.ask("Export the case to her anyway? Type yes to go on: ") else {
            throw CLIError.refused("nothing was exported", hint: "add --yes to export to her without being asked")
        }
    }
}
