// AmanatIntake: the anonymous web intake (`amanat serve`). Plain HTML pages in Russian and English,
// without JavaScript, for a source to tell what happened, attach files, receive a codename, and come
// back with it to read replies and add more. The server holds only the vault's public keys: every
// statement and file is encrypted as it arrives, before it touches the disk. No IP address, User-Agent
// or time of day is logged or stored. Depends on AmanatVault and nothing above it.
