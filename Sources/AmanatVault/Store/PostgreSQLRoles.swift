import AmanatCrypto

/// The database roles of a vault kept in PostgreSQL, least privilege first (Docs/format.md §8.22):
///
/// - `DATABASE_intake`, for `amanat serve`: reads what checking the vault against the administrator's key
///   (the audit chain, grants and the records it names), submitting, following up and the return page
///   need (ciphertext and public keys), and may only add rows (mailboxes, records, blobs and their audit
///   entries) and delete replies (those of a mailbox its source closes). It can change nothing and delete no
///   record, blob or audit entry, so a stolen intake password cannot erase or rewrite testimony or the log;
///   it could delete replies, which the audit check reports unless a `mailbox.close` entry names them.
/// - `DATABASE_administrator`, for the administrator's commands: every row.
/// - `DATABASE_grantee`, which every lawyer's own login joins (`loginScript`): row-level security lets her
///   see the records, memberships, terms, projections, mailboxes and replies only of the cases on which she
///   holds a grant valid today, and her own grants only while they are valid. Expiry and revocation are
///   enforced by the server, whatever her client does.
///
/// Roles belong to the whole PostgreSQL server, so their names carry the database's.
public enum PostgreSQLRoles {
    /// The role names of the vault in one database.
    public struct Names: Sendable, Equatable {
        /// `amanat serve`'s login.
        public var intake: String
        /// The administrator's login.
        public var administrator: String
        /// The group every lawyer's login is a member of (it cannot log in itself).
        public var grantee: String
    }

    /// The role names for `database`.
    public static func names(database: String) -> Names {
        Names(intake: database + "_intake", administrator: database + "_administrator", grantee: database + "_grantee")
    }

    /// Tables the intake reads.
    static let intakeReads = [
        "amanatSchema", "vaultInfo", "authorName", "mailbox", "testimony", "reply", "grant", "caseFile",
        "caseRecord", "auditEntry", "blob", "blobPiece",
    ]
    /// Tables the intake adds rows to.
    static let intakeAdds = ["mailbox", "testimony", "auditEntry", "blob", "blobPiece"]
    /// Tables every row of which a lawyer reads: settings, names, the audit chain her client verifies and
    /// attachments (ciphertext under keys that only an opened record holds).
    static let granteeReadsAll = ["amanatSchema", "vaultInfo", "authorName", "auditEntry", "blob", "blobPiece"]
    /// Tables a lawyer adds to, each row checked by its policy: replies, publications and their audit entries.
    static let granteeAdds = ["auditEntry", "reply", "projection", "redactionPlan", "caseTerms"]
    /// The tables under row-level security, each with the rule for a lawyer's rows (SQL over the row).
    static let granteeRules: [(table: String, rule: String)] = [
        // Other lawyers' grants stay visible: the audit entries they sign are verified against them, and
        // their sealed keys open only with those lawyers' secret keys. Her own, only while valid today.
        (
            "grant",
            #""granteeSigningKey" <> "amanatGranteeKey"() OR "id" IN (SELECT "amanatValidGrants"())"#
        ),
        ("caseFile", #""id" IN (SELECT "amanatGrantedCases"())"#),
        ("caseRecord", #""caseID" IN (SELECT "amanatGrantedCases"())"#),
        ("testimony", #""id" IN (SELECT "recordID" FROM "caseRecord")"#),
        ("mailbox", #""id" IN (SELECT "mailboxID" FROM "testimony")"#),
        ("reply", #""mailboxID" IN (SELECT "id" FROM "mailbox")"#),
        ("caseTerms", #""caseID" IN (SELECT "amanatGrantedCases"())"#),
        ("caseRetention", #""caseID" IN (SELECT "amanatGrantedCases"())"#),
        ("projection", #""caseID" IN (SELECT "amanatGrantedCases"())"#),
        ("redactionPlan", #""recordID" IN (SELECT "id" FROM "testimony")"#),
        // The administrator's own copies of case keys: never a lawyer's.
        ("caseKey", "false"),
    ]

    /// The SQL that makes the roles of the vault in `database`, to run once as the database's owner after
    /// `amanat init`. Passwords are set afterwards with psql's `\password`, never written in a file.
    public static func script(database: String) -> String {
        let names = names(database: database)
        let (intake, administrator, grantee) = (quote(names.intake), quote(names.administrator), quote(names.grantee))
        let policies = granteeRules.map { table, rule in
            """
            ALTER TABLE \(quote(table)) ENABLE ROW LEVEL SECURITY;
            CREATE POLICY "intake" ON \(quote(table)) TO \(intake) USING (true) WITH CHECK (true);
            CREATE POLICY "administrator" ON \(quote(table)) TO \(administrator) USING (true) WITH CHECK (true);
            CREATE POLICY "grantee" ON \(quote(table)) TO \(grantee) USING (\(rule)) WITH CHECK (\(rule));
            """
        }
        return """
            -- The database roles of the Amanat vault in \(database) (Docs/deploy.md). Run once as the
            -- database's owner:  psql -d \(database) -f THIS_FILE
            -- then give each role its password with psql's \\password (never on a command line).
            BEGIN;
            CREATE ROLE \(intake) LOGIN;
            CREATE ROLE \(administrator) LOGIN;
            CREATE ROLE \(grantee) NOLOGIN;
            GRANT CONNECT ON DATABASE \(quote(database)) TO \(intake), \(administrator), \(grantee);
            GRANT USAGE ON SCHEMA public TO \(intake), \(administrator), \(grantee);

            -- Which lawyer each login is: one row per login, written by `amanat grant login`'s script.
            CREATE TABLE "granteeLogin" ("role" TEXT COLLATE "C" PRIMARY KEY, "signingKey" BYTEA NOT NULL);
            -- The lawyer the session's login is (NULL for any other login: then her rules show nothing).
            CREATE FUNCTION "amanatGranteeKey"() RETURNS BYTEA LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public, pg_temp
                AS $$ SELECT "signingKey" FROM "granteeLogin" WHERE "role" = session_user $$;
            -- Her grants valid today: not revoked, not replaced, and today (UTC, whatever the session's time
            -- zone says) no later than the last day.
            CREATE FUNCTION "amanatValidGrants"() RETURNS SETOF BYTEA LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public, pg_temp
                AS $$ SELECT "id" FROM "grant" WHERE "granteeSigningKey" = "amanatGranteeKey"()
                    AND "revokedDay" IS NULL AND "supersededBy" IS NULL
                    AND "expiresDay" >= to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') $$;
            CREATE FUNCTION "amanatGrantedCases"() RETURNS SETOF BYTEA LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public, pg_temp
                AS $$ SELECT "caseID" FROM "grant" WHERE "id" IN (SELECT "amanatValidGrants"()) $$;
            REVOKE ALL ON FUNCTION "amanatGranteeKey"(), "amanatValidGrants"(), "amanatGrantedCases"() FROM PUBLIC;
            GRANT EXECUTE ON FUNCTION "amanatGranteeKey"(), "amanatValidGrants"(), "amanatGrantedCases"()
                TO \(grantee);

            -- The intake (amanat serve): reads what submissions and the return page need; adds, never changes.
            GRANT SELECT ON \(tables(intakeReads)) TO \(intake);
            GRANT INSERT ON \(tables(intakeAdds)) TO \(intake);
            -- A source who closes her mailbox has its replies deleted at once (Docs/format.md §8.26).
            GRANT DELETE ON "reply" TO \(intake);
            -- The administrator's commands.
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(administrator);
            -- Lawyers: every table but the administrator's case keys and the logins, row by row below.
            GRANT SELECT ON \(tables(granteeReadsAll + granteeRules.map(\.table).filter { $0 != "caseKey" }))
                TO \(grantee);
            GRANT INSERT ON \(tables(granteeAdds)) TO \(grantee);
            GRANT UPDATE ON "caseTerms" TO \(grantee);

            -- Row-level security: the intake and the administrator see every row; a lawyer, her cases'.
            \(policies.joined(separator: "\n"))
            COMMIT;

            """
    }

    /// The SQL that lets a lawyer's own login, `login`, see what her grants cover: it makes the login (a
    /// member of `DATABASE_grantee`) and records which signing key is hers. Run once as the database's owner;
    /// her password is set afterwards with psql's `\password`.
    public static func loginScript(database: String, login: String, signingKey: [UInt8]) -> String {
        """
        -- The database login of one lawyer of the Amanat vault in \(database). Run once as the
        -- database's owner:  psql -d \(database) -f THIS_FILE
        -- then give the login its password with psql's \\password (never on a command line).
        BEGIN;
        CREATE ROLE \(quote(login)) LOGIN IN ROLE \(quote(names(database: database).grantee));
        INSERT INTO "granteeLogin" ("role", "signingKey") VALUES (\(literal(login)), '\\x\(Hex.encode(signingKey))');
        COMMIT;

        """
    }

    /// Whether `login` may name a lawyer's login: 1 to 63 bytes of ASCII letters, digits and underscores,
    /// not starting with a digit (PostgreSQL's limit, and nothing that needs care on a command line).
    public static func isAcceptableLogin(_ login: String) -> Bool {
        let bytes = Array(login.utf8)
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard (1...63).contains(bytes.count), let first = bytes.first, !digits.contains(first) else { return false }
        return bytes.allSatisfy { byte in
            let lower = byte | 0x20
            return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || digits.contains(byte) || byte == 0x5F
        }
    }

    private static func quote(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    private static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
    private static func tables(_ names: [String]) -> String { names.map(quote).joined(separator: ", ") }
}
