import AttuneCore
import Testing
@testable import AttuneCatalog

/// A sample of every `TransferText` case (issue 24): the LRS's problems, and the help of
/// `export xapi`, `translate` and `cache`.
enum TransferSamples {
    static let endpoint = "https://lrs.example.org/xAPI/statements"
    static let purposes: [TransferText.Purpose] = [.sending, .reading]
    static let connections: [TransferText.Connection] = [
        .cannotStart, .refused, .nameNotFound, .cutOff, .certificate, .invalidAnswer, .unusableAddress, .other,
    ]
    static let attempts: [TransferText.Attempt?] = [.busy, .serverError(status: 503), .didNotFinish(seconds: 4.2),
                                                    .didNotFinish(seconds: 20)] + connections.map { .connection($0) } + [nil]

    static let lrs: [TransferText.LRS] = [
        .notAnAddress(shown: "lrs.example.org"), .addressHasQuery(shown: "https://lrs.example.org/xAPI/?tenant=1"),
        .impossiblePort(shown: "https://lrs.example.org:70000/xAPI/", port: 70_000),
        .unusableAddress(shown: "https://lrs example.org/xAPI/"), .userHasColon,
        .notEncrypted(endpoint: "http://lrs.example.org/xAPI/statements"),
        .statementWithoutID, .notJSON, .unconfirmed(status: 204, count: 1), .unconfirmed(status: 200, count: 3),
        .listAnswered(status: 500), .requestNotMade,
        .notListed(status: 200, gist: "OK"), .notListed(status: 200, gist: nil),
        .rejected(status: 400, gist: "Bad request from tester:[hidden]"), .rejected(status: 422, gist: nil),
        .pagesForever(endpoint: endpoint, pages: 10_000), .tooMuchInAll(endpoint: endpoint, limit: 4 << 30),
        .nextPageElsewhere(endpoint: endpoint, more: "https://otro.example.net/xAPI/more/2"),
        .pagesInCircle(endpoint: endpoint, pages: 1), .pagesInCircle(endpoint: endpoint, pages: 3),
        .cohortNotAnswered(status: 500, gist: "Internal error"), .cohortNotAnswered(status: 404, gist: nil),
        .notStatements(endpoint: endpoint, gist: "hola"), .notStatements(endpoint: endpoint, gist: nil),
    ] + purposes.flatMap { purpose -> [TransferText.LRS] in
        [.tooLarge(endpoint: endpoint, limit: 1 << 20, purpose: purpose), .tooLarge(endpoint: endpoint, limit: 64 << 10, purpose: purpose),
         .tooLarge(endpoint: endpoint, limit: 200, purpose: purpose),
         .compressed(endpoint: endpoint, encoding: "gzip", purpose: purpose),
         .redirected(status: 302, target: "https://otro.example.net/xAPI/statements", purpose: purpose),
         .redirected(status: 301, target: nil, purpose: purpose), .refused(status: 401, purpose: purpose),
         .webPage(gist: "Bienvenido a la red del hotel", purpose: purpose)]
            + connections.map { .failed(endpoint: endpoint, why: $0, purpose: purpose) }
            + attempts.flatMap { last in
                [1, 3].flatMap { tries in
                    [true, false].map { outOfTime in
                        .unreachable(endpoint: endpoint, tries: tries, elapsed: tries == 1 ? 0.4 : 31.6, last: last,
                                     outOfTime: outOfTime, overall: 60, purpose: purpose)
                    }
                }
            }
    }

    static let help: [TransferText.Help] = [
        .xapiAbstract, .xapiDiscussion, .xapiFile, .xapiAccount, .xapiLRS, .xapiUser, .xapiPassword, .xapiInsecureHTTP,
        .xapiTimeout, .xapiIncludeReflections, .xapiCohort, .xapiIncludeDrafts, .extractAbstract, .extractDiscussion,
        .extractFile, .extractOutput, .extractForce, .statusAbstract, .statusDiscussion, .statusPaths, .cacheStatusAbstract,
        .cacheClearAbstract,
    ] + TransferText.Value.allCases.map { .value($0) }

    static var all: [TransferText] {
        lrs.map(TransferText.lrs) + help.map(TransferText.help) + [.cannotOpenFile(path: "/casos/maya.yaml")]
    }
}

/// English words a Spanish sentence about sending, fetching and options never needs, on top
/// of the catalog's common ones (`EnglishDetector` in CatalogTests.swift). The words of
/// options and commands (--user, --password, --include-drafts, attune cohort report) and
/// "web" (a Spanish word too) are left out: Spanish sentences show them as typed.
enum TransferEnglish {
    static let words: Set<String> = EnglishDetector.words.union([
        "send", "sent", "sending", "read", "reading", "answer", "answered", "statement", "statements", "address",
        "name", "page", "pages", "connection", "could", "after", "try", "tries", "seconds", "again", "ask", "check",
        "give", "your", "you", "network", "records", "record", "translation", "folder", "folders", "text", "texts",
        "compiled", "content", "remove", "say", "redirect", "encrypted", "secure", "certificate", "stopped", "larger",
        "administrator", "time", "allowed", "ran", "out",
    ])

    static func words(in text: String) -> [String] {
        EnglishDetector.englishWords(in: text, words: words)
    }
}

@Suite("Sending, fetching and the transfer commands' help, in each language")
struct TransferCatalogTests {
    let spanish = Spanish()
    let english = English()

    @Test("no Spanish sentence about an LRS or these commands' options holds an English word")
    func noEnglishInSpanish() {
        for text in TransferSamples.all {
            let words = spanish.transfer(text)
            #expect(TransferEnglish.words(in: words).isEmpty, "\(text): \(words)")
        }
    }

    @Test("every sentence reads differently in Spanish, and the detector catches the English")
    func translated() {
        // The same in both: an option's value named by the option.
        let alike: Set<TransferText> = []
        for text in TransferSamples.all where !alike.contains(text) {
            #expect(spanish.transfer(text) != english.transfer(text), "\(text)")
            #expect(!english.transfer(text).isEmpty)
        }
        let caught = TransferSamples.all.filter { !TransferEnglish.words(in: english.transfer($0)).isEmpty }.count
        #expect(caught * 10 >= TransferSamples.all.count * 9, "the detector sees English in most English sentences")
    }

    @Test("the English of the LRS's problems is what Attune said before they were typed")
    func englishUnchanged() {
        #expect(english.transfer(.lrs(.unreachable(endpoint: "http://127.0.0.1:9/statements", tries: 2, elapsed: 1.52,
                                                   last: .connection(.refused), outOfTime: true, overall: 2, purpose: .sending)))
            == "Could not reach the LRS at http://127.0.0.1:9/statements after 2 tries in 1.5 seconds: nothing answered at "
            + "that address (the connection was refused), and the time allowed for sending (2.0 seconds, --timeout) ran out. "
            + "Check the address and your connection, or ask the LRS's administrator, then run the same command again; "
            + "statements already sent are not sent twice.")
        #expect(english.transfer(.lrs(.unreachable(endpoint: "e", tries: 1, elapsed: 12.4, last: nil, outOfTime: false,
                                                   overall: 60, purpose: .reading)))
            == "Could not reach the LRS at e after 1 try in 12 seconds: no answer. Check the address and your connection, "
            + "or ask the LRS's administrator, then run the same command again.")
        #expect(english.transfer(.lrs(.failed(endpoint: "e", why: .certificate, purpose: .reading)))
            == "Could not read from the LRS at e: a secure connection could not be made (the LRS's certificate was not "
            + "accepted). Check the address with the LRS's administrator.")
        #expect(english.transfer(.lrs(.notStatements(endpoint: "e", gist: nil)))
            == "The LRS at e answered with something that is not a list of statements (an empty answer). The report was "
            + "not written. Check the address with the LRS's administrator.")
        #expect(english.transfer(.lrs(.tooLarge(endpoint: "e", limit: 1 << 20, purpose: .sending)))
            == "The LRS at e sent an answer larger than 1 MB, far more than an LRS sends; Attune stopped reading it. "
            + "Nothing more was sent. Check the address with the LRS's administrator.")
        #expect(english.transfer(.lrs(.unconfirmed(status: 204, count: 1)))
            == "The LRS answered 204 but did not confirm 1 of the statements: it did not list its id, and did not return it "
            + "when asked. It was not marked as sent and will be sent again next time. If this happens again, ask the "
            + "LRS's administrator.")
        #expect(english.transfer(.cannotOpenFile(path: "x.yaml")) == "cannot open x.yaml: no such file.")
        #expect(english.transfer(.help(.value(.seconds))) == "seconds")
    }

    @Test("counts and times agree with their words in Spanish")
    func spanishForms() {
        #expect(spanish.transfer(.lrs(.unreachable(endpoint: "e", tries: 1, elapsed: 0.42, last: .busy, outOfTime: false,
                                                   overall: 60, purpose: .sending)))
            .hasPrefix("No se pudo llegar al LRS en e tras 1 intento en 0.4 segundos: el LRS dijo que estaba demasiado ocupado (429)."))
        #expect(spanish.transfer(.lrs(.unreachable(endpoint: "e", tries: 3, elapsed: 31.6, last: nil, outOfTime: true,
                                                   overall: 30, purpose: .reading)))
            .hasPrefix("No se pudo llegar al LRS en e tras 3 intentos en 32 segundos: sin respuesta, y se acabó el tiempo "
                + "permitido para leer (30 segundos, --timeout)."))
        #expect(spanish.transfer(.lrs(.unconfirmed(status: 204, count: 1))).contains("No se marcó como enviada"))
        #expect(spanish.transfer(.lrs(.unconfirmed(status: 204, count: 2))).contains("No se marcaron como enviadas"))
        #expect(spanish.transfer(.lrs(.pagesInCircle(endpoint: "e", pages: 1))).contains("después de 1 página)"))
        #expect(spanish.transfer(.lrs(.pagesForever(endpoint: "e", pages: 10_000))).contains("después de 10,000 páginas."))
    }
}
