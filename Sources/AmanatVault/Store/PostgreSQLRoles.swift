/// The database roles of a vault kept in PostgreSQL, least privilege first (Docs/format.md §8.22):
///
/// - `DATABASE_intake`, for `amanat serve`: reads what checking the vault against the administrator's key
///   (the audit chain, grants and the records it names), submitting, following up and the return page
///   need (ciphertext and public keys), and may only add rows (mailboxes, records, blobs and their audit
///   entries). It can change and delete nothing, so a stolen intake password cannot erase or rewrite a
///   record or the audit log.
/// - `DATABASE_administrator`, for the administrator's and lawyers' commands: every row.
///
/// Roles belong to the whole PostgreSQL server, so their names carry the database's.
public enum PostgreSQLRoles {
    /// Tables the intake reads.
    static let intakeReads = [
        "amanatSchema", "vaultInfo", "authorName", "mailbox", "testimony", "reply", "grant", "caseFile",
        "caseRecord", "auditEntry", "blob", "blobPiece",
    ]
    /// Tables the intake adds rows to.
    static let intakeAdds = ["mailbox", "testimony", "auditEntry", "blob", "blobPiece"]

    /// The role names for `database`.
    public static func names(database: String) -> (intake: String, administrator: String) {
        (database + "_intake", database + "_administrator")
    }

    /// The SQL that makes the roles of the vault in `database`, to run once as the database's owner after
    /// `amanat init`. Passwords are set afterwards with psql's `\password`, never written in a file.
    public static func script(database: String) -> String {
        let (intake, administrator) = names(database: database)
        let quote = { (name: String) in "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let tables = { (names: [String]) in names.map(quote).joined(separator: ", ") }
        return """
            -- The database roles of the Amanat vault in \(database) (Docs/deploy.md). Run once as the
            -- database's owner:  psql -d \(database) -f THIS_FILE
            -- then give each role its password with psql's \\password (never on a command line).
            BEGIN;
            CREATE ROLE \(quote(intake)) LOGIN;
            CREATE ROLE \(quote(administrator)) LOGIN;
            GRANT CONNECT ON DATABASE \(quote(database)) TO \(quote(intake)), \(quote(administrator));
            GRANT USAGE ON SCHEMA public TO \(quote(intake)), \(quote(administrator));
            -- The intake (amanat serve): reads what submissions and the return page need; adds, never changes.
            GRANT SELECT ON \(tables(intakeReads)) TO \(quote(intake));
            GRANT INSERT ON \(tables(intakeAdds)) TO \(quote(intake));
            -- The administrator's and lawyers' commands.
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(quote(administrator));
            COMMIT;

            """
    }
}
