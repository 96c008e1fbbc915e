import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import AmanatVault
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Errors the command line raises itself (the modules raise `AmanatVaultError` and `AmanatCryptoError`).
enum CLIError: Error {
    /// The command was used wrongly.
    case usage(String, hint: String?)
    /// A file, vault, record or case does not exist.
    case notFound(String)
    /// The command refused to go on (the demo found this build broken).
    case refused(String, hint: String?)
}

/// Documented exit codes (Docs/cli.md).
enum ExitStatus: Int32 {
    /// Success.
    case success = 0
    /// Anything not listed below.
    case failure = 1
    /// Wrong passphrase, wrong identity, or a codename that opens nothing.
    case authentication = 3
    /// No grant, an expired or revoked grant, or not the administrator.
    case denied = 4
    /// The leak check found something in a redacted text: nothing was printed.
    case leak = 5
    /// Usage error: bad flags or arguments.
    case usage = 64
    /// Data is damaged or was tampered with.
    case corrupted = 65
    /// The vault, record, case, grant or file does not exist.
    case notFound = 66
    /// A file could not be read or written.
    case io = 74
}

/// How an error is shown: `amanat: error: …`, optionally `amanat: hint: …`, and an exit status.
struct Diagnosis {
    let message: String
    let hint: String?
    let status: ExitStatus

    init(_ error: any Error) {
        switch error {
        case let error as CLIError:
            switch error {
            case .usage(let message, let hint): self.init(message, hint, .usage)
            case .notFound(let message): self.init(message, nil, .notFound)
            case .refused(let message, let hint): self.init(message, hint, .failure)
            }
        case let error as AmanatVaultError:
            self.init(vault: error)
        case let error as AmanatCryptoError:
            self.init(crypto: error)
        case let error as AmanatRedactionError:
            switch error {
            case .planMismatch, .unsupportedPlan: self.init(error.description, nil, .corrupted)
            case .stemmerUnavailable: self.init(error.description, nil, .failure)
            case .emptyTerm, .weakPseudonymKey, .invalidPlan, .undecidedSpans:
                self.init(error.description, nil, .usage)
            }
        case let error as PublicationError:
            switch error {
            case .leak: self.init(error.description, error.hint, .leak)
            case .projectionNotVerified: self.init(error.description, error.hint, .corrupted)
            default: self.init(error.description, error.hint, .usage)
            }
        default:
            self.init(String(describing: error), nil, .failure)
        }
    }

    private init(_ message: String, _ hint: String?, _ status: ExitStatus) {
        self.message = message
        self.hint = hint
        self.status = status
    }

    private init(vault error: AmanatVaultError) {
        switch error {
        case .vaultNotFound, .recordNotFound, .caseNotFound, .grantNotFound, .shredded, .mailboxClosed:
            self.init(error.description, nil, .notFound)
        case .notAdministrator, .accessDenied, .grantExpired, .grantRevoked, .permissionDenied:
            self.init(error.description, nil, .denied)
        case .unknownCodename, .malformedCodename: self.init(error.description, nil, .authentication)
        case .corrupted, .auditBroken, .auditMismatch, .projectionNotVerified, .administratorMismatch, .rolledBack:
            self.init(error.description, nil, .corrupted)
        case .invalidArgument, .attachmentTooLarge, .vaultExists: self.init(error.description, nil, .usage)
        case .crypto(let inner): self.init(crypto: inner)
        default: self.init(error.description, nil, .failure)
        }
    }

    private init(crypto error: AmanatCryptoError) {
        switch error {
        case .wrongPassphrase:
            self.init(
                error.description, "passphrases are case-sensitive; check the keyboard layout (Latin or Cyrillic)",
                .authentication)
        case .insecurePermissions: self.init(error.description, nil, .usage)
        case .authenticationFailed, .truncated, .trailingData, .invalidPadding, .invalidSignature:
            self.init(error.description, nil, .corrupted)
        case .notAnIdentityFile, .unsupportedVersion, .parametersOutOfRange, .parametersTooWeak:
            self.init(error.description, nil, .corrupted)
        case .weakPublicKey, .invalidSigningKey: self.init(error.description, nil, .usage)
        case .io(_, let reason) where reason.contains("No such file"): self.init(error.description, nil, .notFound)
        case .io: self.init(error.description, nil, .io)
        case .invalidEncoding, .checksumMismatch, .invalidLength, .invalidArgument:
            self.init(error.description, nil, .usage)
        default: self.init(error.description, nil, .failure)
        }
    }

    /// Writes the diagnosis to standard error. A message may name a file after a source's attachment, so
    /// on a terminal it is escaped like testimony (`TerminalText`).
    func report() {
        let terminal = isatty(2) == 1
        func shown(_ text: String) -> String { terminal ? TerminalText.escaped(text) : text }
        var text = "amanat: error: \(shown(message))\n"
        if let hint { text += "amanat: hint: \(shown(hint))\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
