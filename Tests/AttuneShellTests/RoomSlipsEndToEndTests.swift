import AttuneStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The trainer's slips with phones voting, through the real binary and real HTTP: each once
/// threw away every phone vote, or put ratings on the projector too early.
@Suite("Phones and a trainer's slips, end to end", .serialized)
struct RoomSlipsEndToEndTests {
    /// A live group session of Maya with the room page on loopback; its port and code.
    func room(_ data: String) throws -> (LiveAttune, UInt16, String) {
        let live = try LiveAttune(["--group", "--serve", "--bind", "127.0.0.1", "--port", "0", "--data-dir", data,
                                   "--color", "never"])
        live.waitFor("the join link") { $0.contains("Room code:") }
        let link = try #require(live.joinLink)
        let (port, code) = try #require(RoomEndToEndTests.parts(of: link))
        live.type("play maya")
        live.waitFor("the first moment") { $0.contains("What do you do first?") }
        return (live, port, code)
    }

    /// The decision number phones vote on now, read as a phone reads it.
    func decision(_ port: UInt16, _ code: String) -> Int {
        let body = RawHTTP.request(port, "GET", "/r/\(code)/state")?.body ?? ""
        guard let data = body.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return -1 }
        return object["decision"] as? Int ?? -1
    }

    @Test("open twice keeps the votes; open after lock reopens with them; choosing while open locks first and keeps the tally")
    func openTwiceAndChooseWhileOpen() throws {
        let folder = try temporaryDirectory()
        let (live, port, code) = try room(folder.appendingPathComponent("data").path)
        live.type("open of 4")
        live.waitFor("voting open") { $0.contains("Voting is open on phones") }
        let number = decision(port, code)
        for phone in 0..<5 {
            #expect(RawHTTP.vote(port, code: code, device: "phone-\(phone)", decision: number, choice: phone < 3 ? 0 : 1) == 200)
        }
        live.type("open")
        live.waitFor("the second open") { $0.replacingOccurrences(of: "\n", with: " ").contains("Voting is already open, and the 5 votes in are kept.") }
        live.waitFor("the room-size warning") { $0.replacingOccurrences(of: "\n", with: " ").contains("More phones have joined (5) than the 4 in the room.") }
        live.type("lock")
        live.waitFor("the phones' bars") { $0.contains("The phones' votes (5 in all)") }
        live.type("open")
        live.waitFor("reopened") { $0.replacingOccurrences(of: "\n", with: " ").contains("Voting is open again. The 5 votes already in are kept") }
        #expect(RawHTTP.vote(port, code: code, device: "phone-5", decision: number, choice: 2) == 200)
        live.type("1")
        live.waitFor("the lock before the choice") {
            $0.replacingOccurrences(of: "\n", with: " ").contains("Voting closed before the choice; the tally (3 / 2 / 1, from phones) goes with it.")
        }
        live.type("group export 1 \(folder.path)/session.md")
        live.waitFor("the export") { $0.contains("session.md") }
        live.quit()
        let markdown = try String(contentsOfFile: folder.appendingPathComponent("session.md").path, encoding: .utf8)
        #expect(markdown.contains("Votes counted from phones."))
        #expect(markdown.contains("| 3 |") && markdown.contains("| 2 |"))
    }

    @Test("ratings stay off the phones and the projector until 'reveal', which is labelled with its moment")
    func noRatingsBeforeReveal() throws {
        let (live, port, code) = try room(try temporaryDirectory().appendingPathComponent("data").path)
        live.type("votes 6 2 1")
        live.type("1")
        live.waitFor("the next moment") { $0.contains("How do you respond?") }
        for path in ["/r/\(code)/state", "/r/\(code)/room-state"] {
            let body = RawHTTP.request(port, "GET", path)?.body ?? ""
            #expect(body.contains("\"phase\":\"chosen\""), "\(body)")
            #expect(!body.contains("\"rating\"") && !body.contains("\"reveal\""), "\(path): \(body)")
        }
        live.type("reveal")
        live.waitFor("the reveal") { $0.contains("How each option met the family") }
        let revealed = RawHTTP.request(port, "GET", "/r/\(code)/room-state")?.body ?? ""
        #expect(revealed.contains("\"momentNumber\":1") && revealed.contains("\"rating\":\"attuned\""), "\(revealed)")
        live.type("open")
        live.waitFor("voting on moment 2") { $0.contains("Voting is open on phones: 4 choices") }
        let voting = RawHTTP.request(port, "GET", "/r/\(code)/state")?.body ?? ""
        #expect(!voting.contains("\"rating\""), "the reveal leaves when the next vote opens")
        live.quit()
    }

    @Test("after 'stop' phones see that voting is over; a crash mid-vote keeps the phones' votes for 'group resume'")
    func stopAndCrash() throws {
        let data = try temporaryDirectory().appendingPathComponent("data").path
        let (live, port, code) = try room(data)
        live.type("open")
        live.waitFor("voting open") { $0.contains("Voting is open on phones") }
        let number = decision(port, code)
        for phone in 0..<4 { #expect(RawHTTP.vote(port, code: code, device: "phone-\(phone)", decision: number, choice: phone % 2) == 200) }
        // A crash: nothing said goodbye.
        kill(live.process.processIdentifier, SIGKILL)
        live.process.waitUntilExit()
        let again = try LiveAttune(["--group", "--serve", "--bind", "127.0.0.1", "--port", "0", "--data-dir", data, "--color", "never"])
        again.waitFor("the join link") { $0.contains("Room code:") }
        let link = try #require(again.joinLink)
        let (port2, code2) = try #require(RoomEndToEndTests.parts(of: link))
        again.type("group resume 1")
        again.waitFor("the kept votes") { $0.replacingOccurrences(of: "\n", with: " ").contains("Kept from before for this moment: the phones' tally 2 / 2 / 0 (4 votes).") }
        again.type("stop")
        again.waitFor("the stop") { $0.replacingOccurrences(of: "\n", with: " ").contains("'group resume 1' continues it.") }
        let state = RawHTTP.request(port2, "GET", "/r/\(code2)/state")?.body ?? ""
        #expect(state.contains("\"phase\":\"closed\""), "\(state)")
        again.quit()
        let store = try ProgressStore(directory: data)
        #expect(try store.groupSession(1)?.pending?.tally == [2, 2, 0])
    }
}
