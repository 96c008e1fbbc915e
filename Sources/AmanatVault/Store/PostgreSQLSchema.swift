/// The PostgreSQL schema, revision by revision (the `amanatSchema` table holds the revision a database
/// has). Revisions are never edited once shipped; changes get a new one. Revision 1 holds the tables of
/// the SQLite schema's revision 4 (Docs/format.md §6), with the same names and columns: integers are
/// BIGINT, byte strings BYTEA, text TEXT compared byte by byte (COLLATE "C"), so rows sort as in SQLite.
enum PostgreSQLSchema {
    static let revisions: [[String]] = [
        [
            #"""
            CREATE TABLE "vaultInfo" ("formatVersion" BIGINT PRIMARY KEY, "intakeKey" BYTEA NOT NULL,
                "administratorSigningKey" BYTEA NOT NULL, "codenameSalt" BYTEA NOT NULL,
                "codenameOpsLimit" BIGINT NOT NULL, "codenameMemLimit" BIGINT NOT NULL,
                "createdDay" TEXT COLLATE "C" NOT NULL, "settingsSignature" BYTEA)
            """#,
            #"""
            CREATE TABLE "mailbox" ("id" BYTEA PRIMARY KEY, "replyKey" BYTEA NOT NULL,
                "createdDay" TEXT COLLATE "C" NOT NULL)
            """#,
            #"""
            CREATE TABLE "testimony" ("id" BYTEA PRIMARY KEY, "kind" BIGINT NOT NULL,
                "mailboxID" BYTEA NOT NULL REFERENCES "mailbox", "day" TEXT COLLATE "C" NOT NULL,
                "language" TEXT COLLATE "C" NOT NULL, "sizeBucket" BIGINT NOT NULL, "wrappedKey" BYTEA NOT NULL,
                "body" BYTEA NOT NULL)
            """#,
            #"CREATE INDEX ON "testimony" ("day")"#,
            #"""
            CREATE TABLE "caseFile" ("id" BYTEA PRIMARY KEY, "createdDay" TEXT COLLATE "C" NOT NULL,
                "keyVersion" BIGINT NOT NULL, "title" BYTEA NOT NULL, "pseudonymKey" BYTEA)
            """#,
            #"""
            CREATE TABLE "caseKey" ("caseID" BYTEA NOT NULL REFERENCES "caseFile", "version" BIGINT NOT NULL,
                "sealedForAdministrator" BYTEA NOT NULL, PRIMARY KEY ("caseID", "version"))
            """#,
            #"""
            CREATE TABLE "caseRecord" ("caseID" BYTEA NOT NULL REFERENCES "caseFile",
                "recordID" BYTEA NOT NULL REFERENCES "testimony", "keyVersion" BIGINT NOT NULL,
                "wrappedKey" BYTEA NOT NULL, "day" TEXT COLLATE "C" NOT NULL, PRIMARY KEY ("caseID", "recordID"))
            """#,
            #"CREATE INDEX ON "caseRecord" ("recordID")"#,
            #"""
            CREATE TABLE "grant" ("id" BYTEA PRIMARY KEY, "caseID" BYTEA NOT NULL REFERENCES "caseFile",
                "granteeEncryptionKey" BYTEA NOT NULL, "granteeSigningKey" BYTEA NOT NULL,
                "permissions" BIGINT NOT NULL, "issuedDay" TEXT COLLATE "C" NOT NULL,
                "expiresDay" TEXT COLLATE "C" NOT NULL, "keyVersion" BIGINT NOT NULL, "sealedCaseKey" BYTEA NOT NULL,
                "signature" BYTEA NOT NULL, "revokedDay" TEXT COLLATE "C", "supersededBy" BYTEA)
            """#,
            #"CREATE INDEX ON "grant" ("caseID")"#,
            #"""
            CREATE TABLE "reply" ("id" BYTEA PRIMARY KEY, "mailboxID" BYTEA NOT NULL REFERENCES "mailbox",
                "day" TEXT COLLATE "C" NOT NULL, "sealed" BYTEA NOT NULL)
            """#,
            #"CREATE INDEX ON "reply" ("mailboxID")"#,
            #"""
            CREATE TABLE "auditEntry" ("sequence" BIGINT PRIMARY KEY, "day" TEXT COLLATE "C" NOT NULL,
                "actor" BYTEA, "action" TEXT COLLATE "C" NOT NULL, "objects" TEXT COLLATE "C" NOT NULL,
                "previousHash" BYTEA NOT NULL, "entryHash" BYTEA NOT NULL, "signature" BYTEA)
            """#,
            #"""
            CREATE TABLE "projection" ("id" BYTEA PRIMARY KEY, "caseID" BYTEA NOT NULL REFERENCES "caseFile",
                "caseLabel" TEXT COLLATE "C" NOT NULL, "language" TEXT COLLATE "C" NOT NULL,
                "period" TEXT COLLATE "C" NOT NULL, "publishedDay" TEXT COLLATE "C" NOT NULL,
                "text" TEXT COLLATE "C" NOT NULL, "publisherSigningKey" BYTEA NOT NULL, "signature" BYTEA NOT NULL)
            """#,
            #"CREATE INDEX ON "projection" ("caseID")"#,
            #"""
            CREATE TABLE "redactionPlan" ("projectionID" BYTEA PRIMARY KEY REFERENCES "projection",
                "recordID" BYTEA NOT NULL REFERENCES "testimony", "sealed" BYTEA NOT NULL)
            """#,
            #"CREATE INDEX ON "redactionPlan" ("recordID")"#,
            #"""
            CREATE TABLE "authorName" ("signingKey" BYTEA PRIMARY KEY, "encryptionKey" BYTEA NOT NULL,
                "name" TEXT COLLATE "C" NOT NULL, "day" TEXT COLLATE "C" NOT NULL, "signature" BYTEA NOT NULL)
            """#,
            #"""
            CREATE TABLE "caseTerms" ("caseID" BYTEA PRIMARY KEY REFERENCES "caseFile",
                "revision" BIGINT NOT NULL, "keyVersion" BIGINT NOT NULL, "sealed" BYTEA NOT NULL)
            """#,
        ],
        // Revision 2: attachments' encrypted bytes, in pieces; a blob exists once its "blob" row does.
        [
            #"""
            CREATE TABLE "blobPiece" ("blobID" BYTEA NOT NULL, "position" BIGINT NOT NULL, "bytes" BYTEA NOT NULL,
                PRIMARY KEY ("blobID", "position"))
            """#,
            #"CREATE TABLE "blob" ("id" BYTEA PRIMARY KEY, "size" BIGINT NOT NULL, "pieces" BIGINT NOT NULL)"#,
        ],
        // Revision 3: each case's retention policy (SQLite's revision 5). A database whose roles were made
        // already (`PostgreSQLRoles.script`) gives the administrator's role this table too, and lawyers the
        // rows of their cases.
        [
            #"""
            CREATE TABLE "caseRetention" ("caseID" BYTEA PRIMARY KEY REFERENCES "caseFile",
                "revision" BIGINT NOT NULL, "keepUntil" TEXT COLLATE "C", "keepDaysAfterClose" BIGINT,
                "closedDay" TEXT COLLATE "C", "day" TEXT COLLATE "C" NOT NULL, "signature" BYTEA NOT NULL)
            """#,
            #"""
            DO $$ DECLARE administrator TEXT := current_database() || '_administrator';
                grantee TEXT := current_database() || '_grantee';
            BEGIN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = administrator) THEN
                    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON "caseRetention" TO %I', administrator);
                    EXECUTE format('GRANT SELECT ON "caseRetention" TO %I', grantee);
                    ALTER TABLE "caseRetention" ENABLE ROW LEVEL SECURITY;
                    EXECUTE format('CREATE POLICY "administrator" ON "caseRetention" TO %I USING (true) '
                        || 'WITH CHECK (true)', administrator);
                    EXECUTE format('CREATE POLICY "grantee" ON "caseRetention" TO %I USING ('
                        || '"caseID" IN (SELECT "amanatGrantedCases"()))', grantee);
                END IF;
            END $$
            """#,
        ],
        // Revision 4: the intake deletes the replies of a mailbox its source closes (`mailbox.close`, in the same
        // transaction). A database whose roles were made already gives the intake's role that right.
        [
            #"""
            DO $$ DECLARE intake TEXT := current_database() || '_intake';
            BEGIN
                IF EXISTS (SELECT FROM pg_roles WHERE rolname = intake) THEN
                    EXECUTE format('GRANT DELETE ON "reply" TO %I', intake);
                END IF;
            END $$
            """#
        ],
    ]
}
