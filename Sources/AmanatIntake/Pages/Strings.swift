/// Every sentence the pages show, in Russian and English. Kept together so a translator sees all of it.
struct Strings {
    let language: Language
    init(_ language: Language) { self.language = language }

    private func t(_ ru: String, _ en: String) -> String { language == .ru ? ru : en }

    var footer: String {
        t(
            "Amanat не хранит ваш адрес, устройство или время посещения. "
                + "Всё, что вы отправляете, шифруется до сохранения.",
            "Amanat keeps no record of your address, your device or the time you visit. Everything you send is "
                + "encrypted before it is stored."
        )
    }

    // Home
    var homeTitle: String { t("Расскажите, что случилось", "Tell us what happened") }
    var homeIntro: String {
        t(
            "Здесь можно безопасно и без регистрации рассказать о "
                + "пропавшем близком человеке. Ваш рассказ увидят "
                + "только юристы и журналисты, которым доверено дело.",
            "Here you can tell us, safely and without an account, about a relative who disappeared. Only the lawyers "
                + "and journalists entrusted with the case will read it."
        )
    }
    var homePublication: String {
        t(
            "Организация может опубликовать отрывки из вашего "
                + "рассказа, чтобы о случившемся узнали, но только после "
                + "того, как из них уберут или заменят имена, телефоны, "
                + "адреса, места и точные даты.",
            "The organisation may publish excerpts of what you tell, so that people learn what happened, but only "
                + "after names, phone numbers, addresses, places and exact dates have been removed or replaced."
        )
    }
    var homeSubmit: String { t("Рассказать впервые", "Tell us for the first time") }
    var homeReturn: String {
        t(
            "Я уже писал(а): прочитать ответ или добавить",
            "I have written before: "
                + "read replies or add more")
    }
    var homeSafety: String {
        t(
            "Для большей безопасности откройте эту страницу в Tor Browser. "
                + "Не пишите с чужого или рабочего устройства.",
            "For more safety, open this page in Tor Browser. Do not write from a device that belongs to someone else "
                + "or to your work."
        )
    }

    // Submit form
    var submitTitle: String { t("Ваш рассказ", "Your testimony") }
    var submitIntro: String {
        t(
            "Напишите так подробно, как можете. Все поля, кроме "
                + "рассказа, можно оставить пустыми.",
            "Write as much as you can. Every field but the story itself may be left empty.")
    }
    var statementLabel: String { t("Что случилось", "What happened") }
    var statementHint: String {
        t(
            "Кто пропал, когда и где его видели в последний раз, кто "
                + "мог быть причастен.",
            "Who disappeared, when and where they were last seen, who may have been involved.")
    }
    var peopleLegend: String { t("Люди", "People") }
    func person(_ index: Int) -> String { t("Человек \(index)", "Person \(index)") }
    var personName: String { t("Имя", "Name") }
    var personRelation: String {
        t(
            "Кем приходится вам или что "
                + "сделал", "Relation to you, or what they did")
    }
    var placesLabel: String { t("Места (по одному в строке)", "Places (one per line)") }
    var datesLabel: String { t("Даты (по одной в строке)", "Dates (one per line)") }
    var contactLabel: String {
        t(
            "Как с вами связаться "
                + "(необязательно)", "How to contact you (optional)")
    }
    var contactHint: String {
        t(
            "Если оставите пустым, ответы будут только здесь, по "
                + "кодовой фразе.",
            "If you leave this empty, replies will only be here, with your codename.")
    }
    var filesLabel: String {
        t(
            "Фото, голосовые сообщения, "
                + "документы", "Photos, voice messages, documents")
    }
    func filesHint(limitMiB: Int) -> String {
        t(
            "До \(limitMiB) МБ всего. У фото JPEG и PNG мы удаляем скрытые "
                + "сведения (место съёмки, модель телефона, время). У "
                + "других файлов (видео, аудио, PDF, документы) такие "
                + "сведения остаются: если можете, сделайте снимок "
                + "экрана вместо файла.",
            "Up to \(limitMiB) MiB in all. From JPEG and PNG photos we remove hidden details (where and when it was "
                + "taken, the phone model). Other files (video, audio, PDF, documents) keep theirs: if you can, send "
                + "a screenshot instead."
        )
    }
    var send: String { t("Отправить", "Send") }

    // Codename
    var codenameTitle: String { t("Ваш рассказ получен", "Your testimony was received") }
    var codenameIntro: String {
        t(
            "Это ваша кодовая фраза. Она показывается только один "
                + "раз. Запишите её на бумаге и храните в надёжном месте, "
                + "отдельно от телефона.",
            "This is your codename. It is shown only once. Write it on paper and keep it somewhere safe, apart from "
                + "your phone."
        )
    }
    var codenameUse: String {
        t(
            "С ней вы сможете вернуться сюда, прочитать ответы "
                + "юристов и добавить новые сведения. Без неё никто, "
                + "даже мы, не сможет открыть ваш почтовый ящик. Для "
                + "входа достаточно первых четырёх букв каждого "
                + "слова.",
            "With it you can come back here, read the lawyers' replies and add more. Without it no one, not even us, "
                + "can open your mailbox. The first four letters of each word are enough to type."
        )
    }
    var codenameExpiry: String {
        t(
            "Если двенадцать месяцев вы ничего не "
                + "добавляете и вам никто не отвечает, "
                + "почтовый ящик закрывается, а ответы в нём "
                + "удаляются. Ваш рассказ остаётся у организации.",
            "If for twelve months you add nothing and no one replies, the mailbox is closed and the replies in it are "
                + "deleted. Your testimony stays with the organisation.")
    }
    var codenameDone: String { t("Я записал(а) кодовую фразу", "I have written my codename down") }

    // Return
    var returnTitle: String { t("Вернуться по кодовой фразе", "Come back with your codename") }
    var codenameLabel: String { t("Кодовая фраза (8 слов)", "Codename (8 words)") }
    var codenameHint: String {
        t(
            "Заглавные буквы, лишние пробелы и ё/е не важны; "
                + "достаточно первых четырёх букв каждого слова.",
            "Capitals, extra spaces and ё/е do not matter; the first four letters of each word are enough.")
    }
    var open: String { t("Открыть", "Open") }
    var mailboxTitle: String { t("Ваш почтовый ящик", "Your mailbox") }
    var noReplies: String {
        t(
            "Ответов пока нет. Загляните позже.",
            "No replies yet. "
                + "Please check again later.")
    }
    func replyFrom(day: String) -> String { t("Ответ от \(day)", "Reply from \(day)") }
    /// Who wrote a reply, as the vault proved it, with the writer's key fingerprint to compare.
    func writtenBy(organisation: Bool, name: String?, fingerprint: String) -> String {
        let named = name.map { "\($0) — " } ?? ""
        return organisation
            ? t(
                "Написал(а): \(named)организация (ключ \(fingerprint))",
                "Written by \(named)the organisation (key \(fingerprint))")
            : t(
                "Написал(а): \(named)юрист, которому организация передала "
                    + "ваше дело (ключ \(fingerprint))",
                "Written by \(named)a lawyer the organisation gave your case to (key \(fingerprint))")
    }

    /// A day ("2026-11-25") as people write it: "25 ноября 2026", "25 November 2026".
    func date(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return day }
        let russian = [
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря",
        ]
        let english = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(parts[2]) \((language == .ru ? russian : english)[parts[1] - 1]) \(parts[0])"
    }
    var addMoreTitle: String { t("Добавить сведения", "Add more") }
    var addMoreLabel: String { t("Что вы хотите добавить", "What you want to add") }
    var addedTitle: String { t("Добавлено", "Added") }
    var addedText: String {
        t(
            "Ваши новые сведения получены и зашифрованы. Их увидят те "
                + "же люди, что и ваш первый рассказ.",
            "What you added was received and encrypted. The same people who read your first testimony will see it.")
    }
    var back: String { t("Вернуться на главную", "Back to the start") }

    // Her decisions
    var withdrawTitle: String { t("Отозвать рассказ", "Withdraw your testimony") }
    var withdrawText: String {
        t(
            "Вы можете попросить организацию удалить "
                + "ваш рассказ и файлы. Решение примет "
                + "администратор; ответ придёт сюда.",
            "You can ask the organisation to delete your testimony and files. The administrator decides; the answer "
                + "will come here.")
    }
    var withdrawButton: String {
        t("Попросить удалить мой рассказ", "Ask for my testimony to be deleted")
    }
    var withdrawnTitle: String { t("Просьба отправлена", "Your request was sent") }
    var withdrawnText: String {
        t(
            "Организация увидит, что вы просите "
                + "удалить ваш рассказ. Вернитесь сюда позже "
                + "с кодовой фразой, чтобы прочитать ответ.",
            "The organisation will see that you ask for your testimony to be deleted. Come back later with your "
                + "codename to read the answer.")
    }
    var closeTitle: String { t("Закрыть почтовый ящик", "Close your mailbox") }
    var closeText: String {
        t(
            "Все ответы в ящике будут удалены сразу и "
                + "навсегда, и кодовая фраза больше ничего "
                + "не откроет. Ваш рассказ останется у "
                + "организации; чтобы его удалили, сначала "
                + "попросите об этом выше.",
            "Every reply in the mailbox is deleted at once and for good, and your codename will open nothing more. "
                + "Your testimony stays with the organisation; to have it deleted, ask above first.")
    }
    var closeUnderstood: String {
        t(
            "Я понимаю, что ответы нельзя будет вернуть",
            "I understand that the replies cannot be brought back")
    }
    var closeButton: String {
        t("Закрыть ящик и удалить ответы", "Close the mailbox and delete the replies")
    }
    var closeNotConfirmed: String {
        t(
            "Ящик не закрыт: отметьте, что вы "
                + "понимаете, что ответы нельзя будет вернуть.",
            "The mailbox was not closed: tick the box that says you understand the replies cannot be brought back.")
    }
    var closedTitle: String { t("Почтовый ящик закрыт", "Your mailbox is closed") }
    func closedText(replies: Int) -> String {
        t(
            "Ответов удалено: \(replies). Кодовая фраза больше ничего не "
                + "открывает; её можно забыть.",
            "Replies deleted: \(replies). Your codename opens nothing more; you can forget it.")
    }
    func mailboxClosed(day: String) -> String {
        t(
            "Этот почтовый ящик закрыт \(day), ответы в "
                + "нём удалены. Чтобы добавить сведения, "
                + "расскажите заново: вы получите новую "
                + "кодовую фразу.",
            "This mailbox was closed on \(day) and the replies in it were deleted. To add to your testimony, tell us "
                + "again from the start: you will get a new codename.")
    }

    // Errors
    var errorTitle: String { t("Что-то пошло не так", "Something went wrong") }
    var nothingStored: String {
        t(
            "Ничего из этой отправки не "
                + "сохранено.", "Nothing from this attempt was stored.")
    }
    var badCodename: String {
        t(
            "Эта кодовая фраза не подходит. Проверьте каждое слово "
                + "(достаточно первых четырёх букв) и попробуйте ещё раз.",
            "This codename does not open a mailbox. Check each word (the first four letters are enough) and try again.")
    }
    var expiredForm: String {
        t(
            "Страница формы устарела (прошло больше восьми часов или "
                + "она открыта в другом окне). Вот новая форма: "
                + "пожалуйста, заполните её ещё раз.",
            "The form had expired (more than eight hours passed, or it was opened in another window). Here is a "
                + "fresh form: please fill it in again."
        )
    }
    func chooseFilesAgain(_ names: String) -> String {
        t(
            "Ваш текст сохранён на этой странице, но файлы браузер "
                + "вернуть не может. Выберите их ещё раз: \(names).",
            "Your words are back on this page, but a browser cannot be given files back. Please choose them again: "
                + "\(names)."
        )
    }
    var emptyStatement: String {
        t(
            "Напишите, пожалуйста, хотя бы несколько слов о том, что "
                + "случилось.",
            "Please write at least a few words about what happened.")
    }
    func tooLarge(limitMiB: Int) -> String {
        t(
            "Файлы слишком большие: всего можно до \(limitMiB) МБ. "
                + "Попробуйте отправить меньше файлов или файлы "
                + "поменьше.",
            "The files are too large: up to \(limitMiB) MiB in all. Try fewer or smaller files.")
    }
    var malformed: String {
        t(
            "Форма пришла повреждённой или неполной (возможно, "
                + "прервалась связь). Попробуйте отправить ещё раз.",
            "The form arrived damaged or incomplete (perhaps the connection broke). Please send it again.")
    }
    var badImage: String {
        t(
            "Одно из фото (JPEG или PNG) повреждено или не загрузилось "
                + "целиком, и мы не смогли безопасно удалить из него "
                + "скрытые сведения. Попробуйте отправить его ещё раз "
                + "или сделайте снимок экрана.",
            "One of the photos (JPEG or PNG) is damaged or did not arrive whole, so its hidden details could not be "
                + "removed safely. Try sending it again, or send a screenshot of it."
        )
    }
    var busy: String {
        t(
            "Сейчас слишком много отправок. Подождите минуту и "
                + "попробуйте снова: ваш текст лучше сначала "
                + "скопировать.",
            "Too many people are sending right now. Wait a minute and try again; copy your text somewhere first.")
    }
    /// The busy answer to a form she sent: her words are on the page again.
    var busyWordsBack: String {
        t(
            "Сейчас слишком много отправок. Ваш текст снова на этой "
                + "странице: "
                + "подождите минуту и отправьте его ещё раз.",
            "Too many people are sending right now. Your words are back on this page: "
                + "wait a minute and send them again."
        )
    }
    func tooManyFiles(limit: Int) -> String {
        t(
            "Слишком много файлов: за один раз можно отправить не "
                + "больше \(limit). "
                + "Выберите меньше файлов, а остальные добавьте потом "
                + "по кодовой фразе.",
            "Too many files: up to \(limit) can be sent at once. "
                + "Choose fewer, and add the rest later with your codename."
        )
    }
    var notFound: String { t("Такой страницы нет.", "There is no such page.") }
    var serverError: String {
        t(
            "Сервер не смог сохранить отправку. Попробуйте позже.",
            "The server could not store what you sent. Please try again later.")
    }
}
