import AttuneCore
import Testing
@testable import AttuneCatalog

/// A sample of every `ToolText` case (issue 24): the command line's and the author tools'
/// words, the record's problems, the cache, and the words inside xAPI statements.
enum ToolSamples {
    static let contents = [
        ToolText.CacheContents(files: 27, bytes: 2_400_000, builds: 1, includesThisBuild: true, unusedDays: 30, keptBuilds: 3),
        ToolText.CacheContents(files: 54, bytes: 10, builds: 2, includesThisBuild: true, unusedDays: 30, keptBuilds: 3),
        ToolText.CacheContents(files: 81, bytes: 2_400_000, builds: 3, includesThisBuild: true, unusedDays: 30, keptBuilds: 3),
        ToolText.CacheContents(files: 27, bytes: 2_400_000, builds: 1, includesThisBuild: false, unusedDays: 30, keptBuilds: 3),
        ToolText.CacheContents(files: 54, bytes: 2_400_000, builds: 2, includesThisBuild: false, unusedDays: 30, keptBuilds: 3),
    ]

    static let all: [ToolText] = ToolText.Verb.allCases.map { .xapi(.verb($0)) } + [
        .xapi(.journalActivity), .xapi(.draftCase(title: "Maya, cuatro meses")),
    ] + [1, 3].flatMap { count -> [ToolText] in
        [.export(.wroteStatements(count: count, path: "/tmp/yo.jsonl")), .export(.replacedStatements(count: count, path: "/tmp/yo.jsonl")),
         .export(.sent(count: count, endpoint: "https://lrs.example.org/xAPI/statements", sentBefore: 0)),
         .export(.sent(count: count, endpoint: "https://lrs.example.org/xAPI/statements", sentBefore: 4_212)),
         .export(.conflicts(count: count)),
         .export(.notMarkedSent(problem: "Attune no pudo guardar en /d/attune.sqlite: disk I/O error", stored: count)),
         .cache(.removed(folder: "/home/ana/.cache/attune", files: count))]
    } + [
        .export(.conflictLabel), .export(.conflict(id: "6b2f8e4a-1c3d-5f5a-9b7e-210cd455a893")),
        .export(.accountNeedsName), .export(.fileOrLRS), .export(.fileAndLRS), .export(.timeoutRange),
        .export(.unencrypted(endpoint: "http://lrs.example.org/xAPI/", sending: true)),
        .export(.unencrypted(endpoint: "http://lrs.example.org/xAPI/", sending: false)),
        .export(.passwordInAddress(variable: "ATTUNE_LRS_PASSWORD")), .export(.addressCredentialsIgnored),
        .export(.passwordOption(variable: "ATTUNE_LRS_PASSWORD")), .export(.needUser),
        .export(.passwordPrompt(endpoint: "https://lrs.example.org/xAPI/")),
        .export(.noPassword(variable: "ATTUNE_LRS_PASSWORD", sending: true)),
        .export(.noPassword(variable: "ATTUNE_LRS_PASSWORD", sending: false)),
        .record(.cannotCreateFolder(folder: "/datos")), .record(.folderIsFile(folder: "/datos")),
        .record(.notOrdinaryFile(file: "/d/attune.sqlite", isLink: true)),
        .record(.notOrdinaryFile(file: "/d/attune.sqlite", isLink: false)),
        .record(.cannotWriteFile(folder: "/d", reason: "Permission denied")),
        .record(.newerVersion(path: "/d/attune.sqlite", copy: nil)),
        .record(.newerVersion(path: "/d/attune.sqlite", copy: "/d/attune.sqlite.backup-20261206-094000")),
        .record(.damaged(path: "/d/attune.sqlite", copy: nil)),
        .record(.damaged(path: "/d/attune.sqlite", copy: "/d/attune.sqlite.backup-20261206-094000")),
        .record(.couldNotOpen(path: "/d/attune.sqlite", detail: "disk I/O error")),
        .record(.couldNotSave(path: "/d/attune.sqlite", detail: "disk I/O error")),
        .record(.couldNotRead(path: "/d/attune.sqlite", detail: "disk I/O error")),
        .record(.unreadable(parts: [.init(table: "journal", row: 12)], total: 1, path: "/d/attune.sqlite")),
        .record(.unreadable(parts: ["playthrough", "choice", "draft"].map { .init(table: $0, row: 3) }, total: 5,
                            path: "/d/attune.sqlite")),
        .record(.unreadable(parts: ["groupSession", "groupDecision"].map { .init(table: $0, row: nil) }
                                + [.init(table: "groupPending", row: 1)], total: 3, path: "/d/attune.sqlite")),
        .dataFolder(.cannotKeep(path: "/datos", reason: .isFile)), .dataFolder(.cannotKeep(path: "/datos", reason: .cannotCreate)),
        .dataFolder(.cannotKeep(path: "/datos", reason: .notWritable)), .dataFolder(.madePrivate(path: "/datos")),
        .dataFolder(.noHistory(path: "/datos/history")),
        .cache(.empty(folder: "/home/ana/.cache/attune")), .cache(.noCacheNote), .cache(.isLink(folder: "/home/ana/.cache/attune")),
        .cache(.nothingToRemove(folder: "/home/ana/.cache/attune")), .cache(.noFolder),
        .saved(.groupSession(id: 3, decisions: 1, notes: 1), path: "/tmp/grupo.md", replaced: false),
        .saved(.groupSession(id: 3, decisions: 2, notes: 0), path: "/tmp/grupo.md", replaced: true),
    ] + contents.map { .cache(.holds(folder: "/home/ana/.cache/attune", $0)) }
        + accessReasons.map { .access($0) } + author.map { .author($0) }

    static let accessReasons: [ContentAccessError.Reason] = [
        .noSuchFolder, .noSuchFile, .brokenLink(target: "/no/existe"), .linkLoop, .folderOnTheWayLocked, .partIsFile, .tooLong,
        .cannotOpen(system: "Input/output error"), .notAFolder, .folderUnreadable,
    ]

    static let author: [ToolText.Author] = [
        .noFolderToReload, .reloaded(entries: 1, cases: 1), .reloaded(entries: 42, cases: 7), .caseDidNotLoad(id: "maya"),
        .sameMoment, .pathChanged, .momentGone(node: "porch", command: "play maya", resumes: true),
        .momentGone(node: "porch", command: "play maya", resumes: false), .pathNotRecorded, .gotoNeedsNode(example: "arrival"),
        .noSuchNode(id: "arival", guess: "arrival"), .noSuchNode(id: "zzz", guess: nil), .setUsage,
        .noSuchCounter(name: "trus", guess: "trust", declared: ["trust", "calma"]), .noSuchCounter(name: "x", guess: nil, declared: []),
        .countersHeading, .noneDeclared, .startsAt(2), .visitedHeading, .choicesSoFarHeading, .noneYet,
        .unknownTarget(argument: "mya", folder: "/casos", guess: "maya"), .unknownTarget(argument: "zzz", folder: nil, guess: nil),
        .lintNeedsTarget,
    ] + accessReasons.map { .cannotReload(path: "/casos", reason: $0) } + accessReasons.map { .cannotOpenPath(path: "/casos", reason: $0) }
}

@Suite("The command line's and the tools' words, in each language")
struct ToolCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("no Spanish sentence of the tools holds an English word")
    func noEnglishInSpanish() {
        for text in ToolSamples.all {
            let words = spanish.tools(text)
            #expect(EnglishDetector.englishWords(in: words).isEmpty, "\(words)")
        }
    }

    @Test("every sentence reads differently in Spanish than in English")
    func translated() {
        for text in ToolSamples.all {
            #expect(spanish.tools(text) != english.tools(text), "\(text)")
            #expect(!english.tools(text).isEmpty)
        }
    }

    @Test("counts agree with their words in both languages")
    func plurals() {
        #expect(english.tools(.export(.wroteStatements(count: 1, path: "f"))) == "Wrote 1 statement to f.")
        #expect(english.tools(.export(.wroteStatements(count: 4_212, path: "f"))) == "Wrote 4,212 statements to f.")
        #expect(spanish.tools(.export(.wroteStatements(count: 1, path: "f"))) == "Se guardó 1 declaración en f.")
        #expect(spanish.tools(.export(.wroteStatements(count: 4_212, path: "f"))) == "Se guardaron 4,212 declaraciones en f.")
        #expect(spanish.tools(.export(.sent(count: 1, endpoint: "e", sentBefore: 0))) == "Se envió 1 declaración nueva a e.")
        #expect(spanish.tools(.export(.sent(count: 0, endpoint: "e", sentBefore: 3)))
            == "Se enviaron 0 declaraciones nuevas a e; 3 ya se habían enviado antes.")
        #expect(spanish.tools(.cache(.removed(folder: "c", files: 1))).contains("(1 archivo)"))
        #expect(spanish.tools(.cache(.removed(folder: "c", files: 2))).contains("(2 archivos)"))
        #expect(english.tools(.saved(.groupSession(id: 3, decisions: 1, notes: 2), path: "g.md", replaced: false))
            == "Wrote group session 3 (1 decision, 2 notes) to g.md")
    }

    @Test("the English of the record's problems is what Attune said before they were typed")
    func englishUnchanged() {
        #expect(english.tools(.author(.cannotReload(path: "/k", reason: .noSuchFolder)))
            == "Cannot reload: /k: no such folder. Nothing was changed.")
        #expect(english.tools(.author(.noSuchCounter(name: "trus", guess: "trust", declared: ["trust"])))
            == "The case has no counter 'trus'. Did you mean 'trust'? Its counters: trust.")
        #expect(english.tools(.record(.damaged(path: "/d/a.sqlite", copy: "/d/c")))
            == "Your progress file /d/a.sqlite is damaged and cannot be opened; Attune has not changed it. A copy was kept at "
            + "/d/c. To start a new record, move the damaged file aside; your old one stays in the copy.")
        #expect(english.tools(.record(.unreadable(parts: [.init(table: "choice", row: 1), .init(table: "journal", row: nil)],
                                                   total: 2, path: "/d/a.sqlite")))
            == "2 parts of your record could not be read: a choice you made (row 1 of the table 'choice') and a journal entry "
            + "(in the table 'journal'). They are kept in /d/a.sqlite, and left out of what Attune shows and exports; the rest "
            + "of your record works as usual.")
    }
}
