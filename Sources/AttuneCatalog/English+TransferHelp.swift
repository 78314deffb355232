extension English {
    func transferHelp(_ help: TransferText.Help) -> String {
        switch help {
        case .xapiAbstract: "Your record as xAPI 1.0.3 statements: to a file (JSON lines) or sent to a Learning Record Store."
        case .xapiDiscussion:
            """
            One statement for each case attempted, choice made (with its rating and competencies), reflection \
            written and case completed. You are identified only by the account name you give. Reflection text is \
            included only with --include-reflections. Statement ids are fixed by your record, so sending again \
            never stores a statement twice; statements already sent to that LRS are skipped. With --cohort NAME, \
            each statement names the cohort your trainer gave (as a grouping activity, urn:attune:cohort:NAME), so \
            the trainer's 'attune cohort report' finds it; statements sent with a cohort are new statements, so \
            sending again with --cohort after sending without it sends them all once more.

            The password: set ATTUNE_LRS_PASSWORD, or leave it out and Attune asks for it (nothing is shown as you \
            type). --password works too, but other people using this computer can see a command line (in the list \
            of running programs), as they can a password written in the address. A user name and password \
            written in the address (https://name:password@host/) are used only when neither --user nor --password \
            is given; they are never shown or stored, and the password is hidden from every message, even when the \
            address is mistyped or the LRS repeats it.

            Statements go only to the address given: redirects are not followed, and plain http:// is refused \
            unless the LRS is on this computer (or you add --insecure-http). A statement counts as sent only when \
            the LRS confirms it by its id.
            """
        case .xapiFile: "The file to write (JSON lines). Omit it when sending with --lrs."
        case .xapiAccount: "The name that identifies you in the records (any name you choose)."
        case .xapiLRS: "The LRS's xAPI endpoint, for example https://lrs.example.org/xAPI/"
        case .xapiUser: "User name for the LRS."
        case .xapiPassword: "Password for the LRS. Better: set ATTUNE_LRS_PASSWORD, or leave this out to be asked."
        case .xapiInsecureHTTP:
            "Send to an http:// address that is not this computer, unencrypted: your password and records cross the network in clear text."
        case .xapiTimeout: "Give up sending after this many seconds in all (default 60)."
        case .xapiIncludeReflections: "Include the text of your reflections (left out unless you ask)."
        case .xapiCohort:
            "Tag every statement with the cohort your trainer named, so the trainer's cohort report (attune cohort report) includes you; without it you are left out."
        case .xapiIncludeDrafts:
            "Include cases you played from an author's draft (another folder than the bundled cases), as activities of their own (left out unless you ask)."
        case .extractAbstract:
            "Write the translation file to fill in: every text with its English as a comment above an empty text: \"\"."
        case .extractDiscussion:
            "Writes NAME.es.yaml beside NAME.yaml (for --lang es). When it exists, add --force to write it again: "
                + "its translated texts are kept, and those whose English changed are marked. Exit status 2 when the file "
                + "cannot be read or written, 1 when it has errors."
        case .extractFile: "A case file or a knowledge topic file."
        case .extractOutput: "Write here instead of beside the English file."
        case .extractForce: "Write over a translation file that exists (its translated texts are kept)."
        case .statusAbstract:
            "For each case and topic file: how many texts are translated, stale (the English changed since) and untranslated."
        case .statusDiscussion:
            "With no folders, the knowledge and scenarios folders in use. --lang es counts the Spanish translations "
                + "only; without it, every language Attune speaks besides English. Exit status 0; 2 when a folder cannot be opened."
        case .statusPaths: "Folders or files to look at."
        case .cacheStatusAbstract: "Say where the compiled content is kept and how large it is."
        case .cacheClearAbstract: "Remove the compiled content; the next start reads the content files afresh."
        case .value(let value):
            switch value {
            case .file: "file"
            case .account: "account"
            case .lrs: "lrs"
            case .user: "user"
            case .password: "password"
            case .seconds: "seconds"
            case .name: "name"
            case .paths: "paths"
            case .folder: "dir"
            case .language: "lang"
            }
        }
    }
}
