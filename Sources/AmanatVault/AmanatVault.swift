// AmanatVault: the vault itself. Testimony records, attachments, cases, grants, revocation, source
// mailboxes and a signed audit log, stored through the `VaultStore` protocol (SQLite embedded).
//
// What the storing side can read: nothing of substance. A record's body is encrypted under a fresh
// record key, which is sealed to the vault's intake key (the administrator's X25519 public key), so
// submitting needs only public keys. Cases hold a versioned case key; assigning a record wraps its
// record key under the case key; a grant seals the case key to a lawyer and is signed by the
// administrator. Every byte is specified in Docs/format.md, section 8.
//
// Metadata kept in the clear: random ids, the day (not the time) of each event, padded sizes, the
// testimony's language, and which records belong to which case. No IP address or device data exists
// anywhere in the vault.
