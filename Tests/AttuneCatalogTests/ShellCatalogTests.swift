import AttuneCatalog
import AttuneCore
import Testing

/// One of each `ShellText` case, with values the shell passes (names, ids, counts, paths).
enum ShellSamples {
    static let texts: [ShellText] = commands + groups + others + prompts + files + knowledge + commandLine

    static let commands: [ShellText] = ShellCommandID.allCases.flatMap { id -> [ShellText] in
        [.usage(id), .summary(id), .details(id), .example(id), .terminalUsage(id), .terminalSummary(id)]
    }

    static let groups: [ShellText] = CommandGroupName.allCases.map(ShellText.groupHeading)
        + ShellOnlyReason.allCases.map(ShellText.shellOnly) + AuthorGuide.allCases.map(ShellText.guide)

    static let others: [ShellText] = [
        .helpMore, .helpForTrainersAndAuthors, .helpFromTerminal, .helpFormatPointer, .helpRunFromTerminal(command: "graph"),
        .helpAliases(["exit"]), .helpExampleLabel, .helpFormatHeading, .helpNewCase, .welcome,
        .unfinishedCase(title: "Maya, four months: a quiet home visit", command: "play maya"), .numberOutsideCase,
        .quoteNeverClosed(quote: "'", column: 12), .proseAtMoment(choices: 4), .proseAtMoment(choices: 0),
        .unknownCommand("shwo", suggestion: "show", commandLine: false), .unknownCommand("zzz", suggestion: nil, commandLine: true),
        .yesNoPrompt(accessible: false), .yesNoPrompt(accessible: true),
        .wrote(what: "tu diario", path: "/home/ana/diario.md"), .replaced(path: "/home/ana/diario.md", what: "tu diario"),
    ]

    static let prompts: [ShellText] = [false, true].flatMap { accessible -> [ShellText] in
        [.prompt(.outside(accessible: accessible)), .prompt(.ending(name: "Maya", accessible: accessible)),
         .prompt(.moment(name: "Maya", number: 2, choices: 4, room: "", accessible: accessible)),
         .prompt(.phonesVoted(1, accessible: accessible)), .prompt(.phonesVoted(12, accessible: accessible)),
         .prompt(.timeIsUp(accessible: accessible)), .prompt(.timeLeft(seconds: 125, accessible: accessible))]
    }

    static let files: [ShellText] = [
        PrivateFileProblem.noFolder("/tmp/gone"), .isFolder, .isLink, .notOrdinary, .cannotWriteThere, .diskFull,
        .diskFullNothingChanged, .system("Input/output error"), .systemNothingChanged("Input/output error"),
    ].map { ShellText.privateFile($0, path: "/tmp/gone/diario.md") }

    static let knowledge: [ShellText] = [
        KnowledgeText.empty, .topicsHeading, .entryCount(1), .entryCount(1_204), .topicsFooter, .facts, .sources, .seeAlso,
        .notInBase, .nothingMatches(query: "depresión"), .caseLabel, .searchFooter, .showNeedsID,
        .showTakesOneID(words: "secure attachment"),
        .unknownEntry(id: "tenet", starting: ["tenet.1", "tenet.2"], more: true, suggestion: nil),
        .unknownEntry(id: "tenet.9", starting: [], more: false, suggestion: "tenet.1"),
        .unknownEntry(id: "zzz", starting: [], more: false, suggestion: nil), .searchNeedsWords,
    ].map(ShellText.knowledge)

    static let commandLine: [ShellText] = [
        CommandLineText.abstract, .discussion, .groupFlag, .serveFlag, .bindOption, .portOption, .serveNeedsGroup,
        .bindNeedsServe, .portNeedsServe, .unknownOption("--colour"), .knowledgeOption, .scenariosOption, .dataDirOption,
        .colorOption, .noCacheOption, .langOption, .accessibleOption, .unknownLanguage("fr"), .errorLabel, .warningLabel,
        .noteLabel, .nothingSaved(reason: "(motivo)"),
        .worksInsideShell(command: "back", reason: .insideCase), .playExtra, .playCaseArgument, .playChooseOption,
        .stepNotTaken(step: 2, of: 3, choice: "9"), .example("play maya"), .wordsArgument,
        .cannotOpenFolder(knowledge: true, path: "/tmp/k", reason: "ENOENT"),
        .cannotOpenFolder(knowledge: false, path: "/tmp/s", reason: "ENOENT"),
        .contentProblems(errors: 2, warnings: 1), .contentProblems(errors: 0, warnings: 3), .contentProblems(errors: 1, warnings: 0),
    ].map(ShellText.commandLine)
}

@Suite("The shell's words in each language")
struct ShellCatalogTests {
    let english = English()
    let spanish = Spanish()

    @Test("no Spanish shell message holds an English sentence")
    func noEnglishInSpanish() {
        for text in ShellSamples.texts {
            // Usage lines and examples are command lines: command names and sub-words stay as typed.
            switch text {
            case .usage, .example, .terminalUsage: continue
            default: break
            }
            let words = spanish.shell(text)
            #expect(EnglishDetector.englishWords(in: words).isEmpty, "\(text): \(words)")
        }
    }

    @Test("every sentence reads differently in Spanish than in English, keeping the names typed")
    func translated() {
        // Texts that are the same in both languages: a command typed as is, a label or a
        // system's words.
        let alike: Set<String> = ["attune> ", "Attune", "error:", "Ejemplo: ", "Example: "]
        for text in ShellSamples.texts {
            let inEnglish = english.shell(text), inSpanish = spanish.shell(text)
            if inEnglish.isEmpty || alike.contains(inEnglish) { continue }
            if case .usage = text { continue }
            if case .prompt(.timeLeft(_, accessible: false)) = text { continue }
            if case .example = text { continue }
            #expect(inEnglish != inSpanish, "\(text)")
        }
        for id in ShellCommandID.allCases {
            // A placeholder is in the language unless it is a letter or an abbreviation ("show ID", "choose N").
            let usage = english.shell(.usage(id))
            if usage.contains(where: \.isUppercase), !["show ID", "choose N"].contains(usage) {
                #expect(spanish.shell(.usage(id)) != usage, "\(id)")
            }
            // The usage starts with the command's name, as typed, in both languages.
            let name = id.rawValue
            #expect(english.shell(.usage(id)).hasPrefix(name) || english.shell(.usage(id)).hasPrefix("attune \(name)"))
            #expect(spanish.shell(.usage(id)).hasPrefix(name) || spanish.shell(.usage(id)).hasPrefix("attune \(name)"))
            #expect(!spanish.shell(.summary(id)).isEmpty)
            // An example is a command line: the same command in both languages.
            let example = spanish.shell(.example(id))
            #expect(example.isEmpty == english.shell(.example(id)).isEmpty, "\(id)")
            #expect(example.isEmpty || example.hasPrefix(name), "\(id): \(example)")
            #expect(spanish.shell(.terminalUsage(id)).isEmpty == english.shell(.terminalUsage(id)).isEmpty, "\(id)")
        }
    }

    @Test("counts agree with their nouns in each language")
    func plurals() {
        #expect(english.shell(.knowledge(.entryCount(1))) == "1 entry")
        #expect(english.shell(.knowledge(.entryCount(1_204))) == "1,204 entries")
        #expect(spanish.shell(.knowledge(.entryCount(1))) == "1 entrada")
        #expect(spanish.shell(.knowledge(.entryCount(1_204))) == "1,204 entradas")
        #expect(spanish.shell(.prompt(.phonesVoted(1, accessible: true))) == ", votó 1 teléfono")
        #expect(spanish.shell(.prompt(.phonesVoted(3, accessible: true))) == ", votaron 3 teléfonos")
        #expect(spanish.shell(.commandLine(.contentProblems(errors: 2, warnings: 1))).hasPrefix(
            "Problemas en el contenido: 2 errores y 1 advertencia."))
        #expect(english.shell(.commandLine(.contentProblems(errors: 1, warnings: 0))).hasPrefix("Content problems: 1 error."))
    }

    @Test("the prompt's time left keeps two digits of seconds")
    func timeLeft() {
        #expect(english.shell(.prompt(.timeLeft(seconds: 65, accessible: false))) == " · 1:05")
        #expect(spanish.shell(.prompt(.timeLeft(seconds: 65, accessible: false))) == " · 1:05")
        #expect(spanish.shell(.prompt(.timeLeft(seconds: 65, accessible: true))) == ", quedan 1 minuto y 5 segundos")
        #expect(spanish.shell(.prompt(.timeLeft(seconds: 1, accessible: true))) == ", queda 1 segundo")
        #expect(spanish.shell(.prompt(.timeLeft(seconds: 120, accessible: true))) == ", quedan 2 minutos")
    }

    @Test("a yes in Spanish is sí, si or s, and the English y and yes still count")
    func yesWords() {
        let yes = Set(spanish.shell(.yesWords).split(separator: " ").map(String.init))
        #expect(yes.isSuperset(of: ["sí", "si", "s", "y", "yes"]))
        #expect(!yes.contains("no"))
        #expect(Set(english.shell(.yesWords).split(separator: " ").map(String.init)) == ["y", "yes"])
    }

    @Test("the --help of attune says how to choose the language, in each language")
    func languageInHelp() {
        for catalog in [english, spanish] as [any MessageCatalog] {
            let text = catalog.shell(.commandLine(.discussion))
            for needed in ["--lang es", "--lang en", "ATTUNE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
                #expect(text.contains(needed), "\(catalog.language): \(needed)")
            }
        }
    }
}
