import AttuneCore
import AttunePlay
import AttuneRoom
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

