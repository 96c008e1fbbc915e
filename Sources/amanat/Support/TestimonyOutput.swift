import AmanatCrypto
import AmanatVault
import Foundation

/// Shows opened testimony: as text for a person, or as JSON; attachments written to a folder.
struct TestimonyOutput: Encodable {
    struct Person: Encodable { let name: String; let role: String }
    struct File: Encodable { let name: String; let size: Int; let saved_as: String? }

    let id: String
    let statement: String
    let people: [Person]
    let places: [String]
    let dates: [String]
    let language: String
    let contact: String
    let attachments: [File]

    /// Prepares `testimony` for output, exporting its attachments into `folder` when given.
    init(id: Testimony.ID, testimony: Testimony, vault: Vault, folder: String?) throws {
        var saved: [String] = []
        if let folder {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            for (index, attachment) in testimony.attachments.enumerated() {
                // Never trust a stored name as a path: keep only its last component, prefixed by the record.
                let safeName = attachment.name.split(separator: "/").last.map(String.init) ?? "attachment"
                let path = "\(folder)/\(id.description.prefix(8))-\(index + 1)-\(safeName)"
                try vault.exportAttachment(
                    attachment, to: path,
                    progress: ProgressBar.reporter(for: "amanat: decrypting \(safeName)", size: attachment.size))
                saved.append(path)
            }
        }
        self.init(id: id, testimony: testimony, saved: saved)
    }

    /// Prepares a testimony whose attachments (if any) were already saved to `saved`, in order.
    init(id: Testimony.ID, testimony: Testimony, saved: [String]) {
        self.id = id.description
        statement = testimony.statement
        people = testimony.people.map { Person(name: $0.name, role: $0.role) }
        places = testimony.places
        dates = testimony.dates
        language = testimony.language
        contact = testimony.contact
        attachments = testimony.attachments.enumerated().map { index, attachment in
            File(name: attachment.name, size: attachment.size, saved_as: index < saved.count ? saved[index] : nil)
        }
    }

    /// The testimony as a person reads it.
    var text: String {
        var lines = ["Record \(id) (\(language))", ""]
        lines.append(statement.trimmingCharacters(in: .newlines))
        lines.append("")
        if !people.isEmpty {
            lines.append(
                "People: "
                    + people.map { $0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))" }.joined(separator: "; "))
        }
        if !places.isEmpty { lines.append("Places: " + places.joined(separator: "; ")) }
        if !dates.isEmpty { lines.append("Dates: " + dates.joined(separator: "; ")) }
        if !contact.isEmpty { lines.append("Contact: " + contact) }
        for file in attachments {
            lines.append(
                "Attachment: \(file.name), \(file.size) bytes"
                    + (file.saved_as.map { " -> \($0)" } ?? " (use --out DIR to save it)"))
        }
        return lines.joined(separator: "\n")
    }
}
