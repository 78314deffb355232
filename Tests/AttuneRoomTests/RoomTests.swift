import AttuneCore
import AttuneCatalog
import AttunePlay
@testable import AttuneRoom
import Foundation
import Testing

let moment = RoomMoment(caseTitle: "Maya, four months", number: 1, prompt: "What do you do first?",
                        choices: ["Greet Alicia", "Start the questionnaire", "Agree she's easy"])

func device(_ number: Int) -> String { String(format: "%032x", number) }

@Suite("Room board: votes as tallies")
struct RoomBoardTests {
    @Test("a device votes once, may change its vote until lock, and votes after lock are refused")
    func votingRules() throws {
        let board = RoomBoard()
        board.show(moment)
        #expect(throws: VoteRefusal.notOpen) { try board.vote(device: device(1), decision: 1, choice: 0) }
        #expect(board.participantView(device: device(1)).choices.isEmpty, "choices appear only once voting opens")
        board.openVoting()
        try board.vote(device: device(1), decision: 1, choice: 0)
        try board.vote(device: device(1), decision: 1, choice: 2)
        try board.vote(device: device(2), decision: 1, choice: 2)
        #expect(throws: VoteRefusal.stale) { try board.vote(device: device(3), decision: 0, choice: 0) }
        #expect(throws: VoteRefusal.notOffered) { try board.vote(device: device(3), decision: 1, choice: 3) }
        #expect(throws: VoteRefusal.badDevice) { try board.vote(device: "me", decision: 1, choice: 0) }
        #expect(board.voted == 2)
        #expect(board.lock() == [0, 0, 2])
        #expect(throws: VoteRefusal.notOpen) { try board.vote(device: device(4), decision: 1, choice: 0) }
        #expect(board.roomView().counts == [0, 0, 2])
    }

    @Test("phones never see ratings before the reveal, nor anything but the open moment")
    func participantSeesLittle() throws {
        let board = RoomBoard()
        board.show(moment)
        board.openVoting()
        let json = String(decoding: try JSONEncoder().encode(board.participantView(device: device(1))), as: UTF8.self)
        #expect(!json.contains("attuned") && !json.contains("rating"))
        _ = board.lock()
        try board.apply(.chose(RoomReveal(momentNumber: 1, chosen: 1, options: [.init(number: 1, text: "Greet Alicia", rating: .attuned, why: "You joined both.", votes: 3)]),
                               next: moment, summary: nil))
        #expect(board.participantView(device: device(1)).reveal == nil, "the choice alone reveals nothing")
        #expect(board.roomView().reveal == nil)
        try board.apply(.reveal)
        #expect(board.participantView(device: device(1)).reveal?.options.first?.rating == .attuned)
        #expect(board.participantView(device: device(1)).reveal?.momentNumber == 1)
    }

    @Test("the join link encodes as a QR code with block characters")
    func qrCode() throws {
        let text = try #require(QRCode.blockText(for: "http://192.168.1.20:8765/r/K7QX2M/"))
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 14)
        #expect(lines.allSatisfy { $0.count == lines[0].count })
        #expect(text.contains("█"))
    }
}


@Suite("Room pages: the language a phone reads")
struct RoomLanguageTests {
    @Test("Accept-Language names es or en: the most wanted wins, q=0 never; anything else is the trainer's language")
    func acceptLanguage() {
        let cases: [(String?, Language, Language)] = [
            (nil, .spanish, .spanish), ("", .english, .english), ("es-MX,es;q=0.9,en;q=0.8", .english, .spanish),
            ("en-US,en;q=0.9", .spanish, .english), ("fr-FR,fr;q=0.9,de;q=0.8", .spanish, .spanish),
            ("fr-FR,fr;q=0.9,de;q=0.8", .english, .english), ("en;q=0.2, es;q=0.8", .english, .spanish),
            ("es;q=0, en;q=0.1", .spanish, .english), ("es;q=0", .english, .english), ("*", .spanish, .spanish),
            ("de, es;q=0.5, en;q=0.5", .english, .spanish), ("english, es;q=0.1", .english, .spanish),
            ("es_US", .english, .spanish), ("ES", .english, .spanish), ("es;q=abc, en;q=0.4", .spanish, .english),
            ("en;q=2", .spanish, .spanish),
        ]
        for (header, trainer, expected) in cases {
            #expect(Router.language(accepting: header, trainer: trainer) == expected, "\(header ?? "none") with a \(trainer) trainer")
        }
    }

    @Test("a page's words are escaped for its script and its markup")
    func escaping() {
        #expect(RoomPages.scriptString(#"a "b" </script> & \ c"#) == #""a \"b\" \u003C/script\u003E \u0026 \\ c""#)
        #expect(RoomPages.html(#"<b> & "x""#) == "&lt;b&gt; &amp; &quot;x&quot;")
        let spanish = RoomPages.participant(code: "K7QX2M", catalog: Spanish())
        #expect(spanish.contains(#"<html lang="es">"#) && spanish.contains(#"yourVoteIsIn: "Tu voto llegó."#))
        #expect(RoomPages.participant(code: "K7QX2M").contains(#"<html lang="en">"#))
    }
}
