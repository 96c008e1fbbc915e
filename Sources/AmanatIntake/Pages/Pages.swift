import AmanatVault

/// The pages of the intake, as HTML strings. No page has a script; every form posts to the server.
enum Pages {
    static func home(_ language: Language) -> String {
        let t = Strings(language)
        let l = language.rawValue
        return Page(
            language: language, title: t.homeTitle,
            body: """
                <p class="lead">\(html(t.homeIntro))</p>
                <p>\(html(t.homePublication))</p>
                <nav class="choices">
                <a class="button" href="/\(l)/submit">\(html(t.homeSubmit))</a>
                <a class="button secondary" href="/\(l)/return">\(html(t.homeReturn))</a>
                </nav>
                <p class="note">\(html(t.homeSafety))</p>
                """, switchPath: "/\(language.other.rawValue)/"
        ).rendered
    }

    /// The submission form; after a refusal, filled again with everything she typed (`values`), and naming the
    /// files she must choose again (a browser cannot be given files back).
    static func submitForm(
        _ language: Language, csrf: String, limitMiB: Int, problem: String? = nil,
        values: [String: String] = [:], filesToChooseAgain: [String] = []
    ) -> String {
        let t = Strings(language)
        let l = language.rawValue
        /// ` value="…"` for an input, empty when she typed nothing there.
        func value(_ name: String) -> String { values[name].map { " value=\"\(html($0))\"" } ?? "" }
        /// A textarea's content; the leading line break is eaten by HTML parsers, so one is always written.
        func content(_ name: String) -> String { "\n" + html(values[name] ?? "") }
        let people = (1...3).map { index in
            """
            <fieldset class="person">
            <legend>\(html(t.person(index)))</legend>
            <label for="person\(index)">\(html(t.personName))</label>
            <input id="person\(index)" name="person\(index)" type="text" maxlength="200" autocomplete="off"\(value("person\(index)"))>
            <label for="relation\(index)">\(html(t.personRelation))</label>
            <input id="relation\(index)" name="relation\(index)" type="text" maxlength="200" autocomplete="off"\(value("relation\(index)"))>
            </fieldset>
            """
        }.joined(separator: "\n")
        let again =
            filesToChooseAgain.isEmpty
            ? "" : "<p class=\"problem\">\(html(t.chooseFilesAgain(filesToChooseAgain.joined(separator: ", "))))</p>"
        return Page(
            language: language, title: t.submitTitle,
            body: """
                \(problem.map { "<p class=\"problem\" role=\"alert\">\(html($0))</p>" } ?? "")
                <p>\(html(t.submitIntro))</p>
                <form method="post" action="/\(l)/submit" enctype="multipart/form-data" accept-charset="utf-8">
                <input type="hidden" name="csrf" value="\(html(csrf))">
                <label for="statement">\(html(t.statementLabel))</label>
                <p class="hint" id="statement-hint">\(html(t.statementHint))</p>
                <textarea id="statement" name="statement" rows="12" required aria-describedby="statement-hint">\(content("statement"))</textarea>
                <h2>\(html(t.peopleLegend))</h2>
                \(people)
                <label for="places">\(html(t.placesLabel))</label>
                <textarea id="places" name="places" rows="3">\(content("places"))</textarea>
                <label for="dates">\(html(t.datesLabel))</label>
                <textarea id="dates" name="dates" rows="3">\(content("dates"))</textarea>
                <label for="contact">\(html(t.contactLabel))</label>
                <p class="hint" id="contact-hint">\(html(t.contactHint))</p>
                <input id="contact" name="contact" type="text" maxlength="500" autocomplete="off" aria-describedby="contact-hint"\(value("contact"))>
                \(again)
                <label for="files">\(html(t.filesLabel))</label>
                <p class="hint" id="files-hint">\(html(t.filesHint(limitMiB: limitMiB)))</p>
                <input id="files" name="files" type="file" multiple aria-describedby="files-hint">
                <button type="submit">\(html(t.send))</button>
                </form>
                """, switchPath: "/\(language.other.rawValue)/submit"
        ).rendered
    }

    static func codename(_ language: Language, words: String) -> String {
        let t = Strings(language)
        let shown = html(words)
        defer { Wipe.string(shown) }
        return Page(
            language: language, title: t.codenameTitle,
            body: """
                <p>\(html(t.codenameIntro))</p>
                <p class="codename" id="codename">\(shown)</p>
                <p>\(html(t.codenameUse))</p>
                <p class="note">\(html(t.codenameExpiry))</p>
                <p><a class="button" href="/\(language.rawValue)/">\(html(t.codenameDone))</a></p>
                """, switchPath: "/\(language.other.rawValue)/"
        ).rendered
    }

    static func returnForm(_ language: Language, csrf: String, problem: String? = nil) -> String {
        let t = Strings(language)
        let l = language.rawValue
        return Page(
            language: language, title: t.returnTitle,
            body: """
                \(problem.map { "<p class=\"problem\" role=\"alert\">\(html($0))</p>" } ?? "")
                <form method="post" action="/\(l)/return" accept-charset="utf-8">
                <input type="hidden" name="csrf" value="\(html(csrf))">
                <label for="codename">\(html(t.codenameLabel))</label>
                <p class="hint" id="codename-hint">\(html(t.codenameHint))</p>
                <input id="codename" name="codename" type="text" required autocomplete="off" autocapitalize="none" autocorrect="off" spellcheck="false" aria-describedby="codename-hint">
                <button type="submit">\(html(t.open))</button>
                </form>
                """, switchPath: "/\(language.other.rawValue)/return"
        ).rendered
    }

    static func mailbox(_ language: Language, replies: [Reply], codename: String, csrf: String, limitMiB: Int) -> String
    {
        let t = Strings(language)
        let shown =
            replies.isEmpty
            ? "<p>\(html(t.noReplies))</p>"
            : replies.map { reply in
                let by = t.writtenBy(
                    organisation: reply.role == .administrator, name: reply.authorName,
                    fingerprint: reply.author.fingerprint.description)
                return "<article class=\"reply\"><h2>\(html(t.replyFrom(day: t.date(reply.day.description))))</h2>\n"
                    + "<p class=\"from\">\(html(by))</p>\n\(paragraphs(reply.text))\n</article>"
            }.joined(separator: "\n")
        let fields = followUpFields(language, csrf: csrf, codename: codename, limitMiB: limitMiB)
        let decisions = decisionForms(language, csrf: csrf, codename: codename)
        defer { [fields, decisions].forEach(Wipe.string) }
        return Page(
            language: language, title: t.mailboxTitle,
            body: """
                \(shown)
                <h2>\(html(t.addMoreTitle))</h2>
                \(fields)
                \(decisions)
                """, switchPath: "/\(language.other.rawValue)/return"
        ).rendered
    }

    /// Her two decisions about what she gave: ask for the testimony to be withdrawn, close the mailbox.
    private static func decisionForms(_ language: Language, csrf: String, codename: String) -> String {
        let t = Strings(language)
        let l = language.rawValue
        let (codename, csrf) = (html(codename), html(csrf))
        defer { Wipe.string(codename) }
        return """
            <h2>\(html(t.withdrawTitle))</h2>
            <form method="post" action="/\(l)/withdraw" accept-charset="utf-8">
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="codename" value="\(codename)">
            <p>\(html(t.withdrawText))</p>
            <button type="submit" class="secondary">\(html(t.withdrawButton))</button>
            </form>
            <h2>\(html(t.closeTitle))</h2>
            <form method="post" action="/\(l)/close" accept-charset="utf-8">
            <input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="codename" value="\(codename)">
            <p>\(html(t.closeText))</p>
            <label class="check"><input type="checkbox" name="understood" value="yes" required>
            \(html(t.closeUnderstood))</label>
            <button type="submit" class="secondary">\(html(t.closeButton))</button>
            </form>
            """
    }

    /// The page after a decision: what happened, and the way back.
    static func decided(_ language: Language, title: String, text: String) -> String {
        Page(
            language: language, title: title,
            body: """
                <p>\(html(text))</p>
                <p><a class="button" href="/\(language.rawValue)/">\(html(Strings(language).back))</a></p>
                """, switchPath: "/\(language.other.rawValue)/"
        ).rendered
    }

    /// The follow-up form alone, after a refusal: filled in with what she typed (her codename stays in the
    /// hidden field, on a `no-store` page), naming the files to choose again.
    static func followUpForm(
        _ language: Language, csrf: String, codename: String, limitMiB: Int, problem: String,
        statement: String, filesToChooseAgain: [String]
    ) -> String {
        let t = Strings(language)
        let again =
            filesToChooseAgain.isEmpty
            ? "" : "<p class=\"problem\">\(html(t.chooseFilesAgain(filesToChooseAgain.joined(separator: ", "))))</p>"
        let fields = followUpFields(
            language, csrf: csrf, codename: codename, limitMiB: limitMiB, statement: statement)
        defer { Wipe.string(fields) }
        return Page(
            language: language, title: t.addMoreTitle,
            body: """
                <p class="problem" role="alert">\(html(problem))</p>
                \(again)
                \(fields)
                """, switchPath: "/\(language.other.rawValue)/return"
        ).rendered
    }

    private static func followUpFields(
        _ language: Language, csrf: String, codename: String, limitMiB: Int,
        statement: String = ""
    ) -> String {
        let t = Strings(language)
        let (codename, statement) = (html(codename), html(statement))
        defer { [codename, statement].forEach(Wipe.string) }
        return """
            <form method="post" action="/\(language.rawValue)/follow-up" enctype="multipart/form-data" accept-charset="utf-8">
            <input type="hidden" name="csrf" value="\(html(csrf))">
            <input type="hidden" name="codename" value="\(codename)">
            <label for="statement">\(html(t.addMoreLabel))</label>
            <textarea id="statement" name="statement" rows="8">\n\(statement)</textarea>
            <label for="files">\(html(t.filesLabel))</label>
            <p class="hint" id="files-hint">\(html(t.filesHint(limitMiB: limitMiB)))</p>
            <input id="files" name="files" type="file" multiple aria-describedby="files-hint">
            <button type="submit">\(html(t.send))</button>
            </form>
            """
    }

    static func added(_ language: Language) -> String {
        let t = Strings(language)
        return Page(
            language: language, title: t.addedTitle,
            body: """
                <p>\(html(t.addedText))</p>
                <p><a class="button" href="/\(language.rawValue)/">\(html(t.back))</a></p>
                """, switchPath: "/\(language.other.rawValue)/"
        ).rendered
    }

    static func problem(_ language: Language, _ message: String, nothingStored: Bool, retry: String? = nil) -> String {
        let t = Strings(language)
        return Page(
            language: language, title: t.errorTitle,
            body: """
                <p class="problem" role="alert">\(html(message))</p>
                \(nothingStored ? "<p>\(html(t.nothingStored))</p>" : "")
                <p><a class="button" href="\(html(retry ?? "/\(language.rawValue)/"))">\(html(t.back))</a></p>
                """, switchPath: "/\(language.other.rawValue)/"
        ).rendered
    }

    /// The whole style sheet: calm, readable on a phone, no web fonts, no images.
    static let style = """
        :root{color-scheme:light;--ink:#1f2a30;--soft:#5b6b73;--line:#d5dde0;--accent:#2d5f73;--paper:#fbfaf7}
        *{box-sizing:border-box}
        body{margin:0;background:var(--paper);color:var(--ink);font:1.125rem/1.6 "Noto Serif","DejaVu Serif",Georgia,serif}
        header{display:flex;justify-content:space-between;align-items:center;max-width:40rem;margin:0 auto;padding:1rem 1.25rem}
        header a{color:var(--accent);text-decoration:none}
        .home{font-weight:bold;letter-spacing:.05em}
        main{max-width:40rem;margin:0 auto;padding:0 1.25rem 2rem}
        h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 1rem}
        h2{font-size:1.2rem;margin:2rem 0 .5rem}
        .lead{font-size:1.2rem}
        .note,.hint,footer{color:var(--soft);font-size:.95rem}
        .hint{margin:.1rem 0 .4rem}
        label,legend{display:block;font-weight:bold;margin-top:1.2rem}
        fieldset{border:1px solid var(--line);border-radius:.4rem;margin-top:1.2rem;padding:.2rem 1rem 1rem}
        input[type=text],input[type=password],textarea{width:100%;font:inherit;padding:.6rem;border:1px solid #9fb0b7;border-radius:.4rem;background:#fff}
        input[type=file]{font:inherit;margin:.4rem 0;max-width:100%}
        form button{display:block}
        button,.button{display:inline-block;margin-top:1.5rem;padding:.75rem 1.4rem;border:0;border-radius:.4rem;background:var(--accent);color:#fff;font:inherit;text-decoration:none;cursor:pointer}
        .button.secondary,button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
        label.check{font-weight:normal;display:flex;gap:.5rem;align-items:flex-start}
        label.check input{margin-top:.45rem}
        .choices{display:flex;flex-direction:column;gap:.2rem;margin:1.5rem 0}
        .codename{font-size:1.7rem;line-height:1.5;font-weight:bold;letter-spacing:.03em;background:#fff;border:2px dashed var(--accent);border-radius:.4rem;padding:1rem;word-spacing:.35em}
        .problem{background:#fff4e5;border-left:4px solid #b35c00;padding:.75rem 1rem}
        .reply{background:#fff;border:1px solid var(--line);border-radius:.4rem;padding:.5rem 1rem;margin:1rem 0}
        .reply h2{margin-top:.5rem}
        footer{max-width:40rem;margin:0 auto;padding:1rem 1.25rem 2rem;border-top:1px solid var(--line)}
        :focus-visible{outline:3px solid #e0a030;outline-offset:2px}
        """
}
