import AttunePlay
import AttuneRoom
import AttuneStore
import Foundation
@testable import AttuneShell
import Testing
#if canImport(Glibc)
import Glibc
#endif

func port(of server: RoomServer) -> UInt16 {
    UInt16(server.addresses[0].split(separator: ":")[2].split(separator: "/")[0])!
}

private let moment = RoomMoment(caseTitle: "Maya, four months", label: "Moment 1", prompt: "What do you do first?",
                        choices: ["Greet Alicia", "Start the questionnaire", "Agree she's easy"])

@Suite("Room server over loopback", .serialized)
struct RoomServerTests {
    /// A room listening on loopback, voting open on `moment`.
    func openRoom() throws -> (RoomBoard, RoomServer, UInt16) {
        let board = RoomBoard()
        let server = try RoomServer(board: board, hosts: ["127.0.0.1"], port: 0)
        board.show(moment)
        board.openVoting()
        return (board, server, port(of: server))
    }

    @Test("200 phones vote at once: the tally is exact, a second vote counts once, and votes after lock are refused")
    func load() throws {
        let (board, server, port) = try openRoom()
        defer { server.stop() }
        // Two hundred phones on their own threads (blocking sockets stay off the task pool the
        // server runs on), all voting at once.
        let statuses = Mutex([Int]())
        let done = DispatchGroup()
        for number in 0..<200 {
            done.enter()
            Thread.detachNewThread {
                let status = RawHTTP.vote(port, code: board.code, device: device(number), decision: 1, choice: number % 3)
                statuses.withLock { $0.append(status) }
                done.leave()
            }
        }
        done.wait()
        let all = statuses.withLock { $0 }
        #expect(all.count == 200 && all.allSatisfy { $0 == 200 }, "\(Set(all))")
        // Fifty phones vote again for the same choice: still counted once each.
        for number in 0..<50 { _ = RawHTTP.vote(port, code: board.code, device: device(number), decision: 1, choice: number % 3) }
        #expect(board.lock() == [67, 67, 66])
        #expect(RawHTTP.vote(port, code: board.code, device: device(999), decision: 1, choice: 0) == 409)
        #expect(board.roomView().counts == [67, 67, 66])
    }

    @Test("bogus requests are refused with clear statuses and never change the tally")
    func bogusBurst() throws {
        let (board, server, port) = try openRoom()
        defer { server.stop() }
        #expect(RawHTTP.vote(port, code: board.code, device: device(1), decision: 1, choice: 1) == 200)
        // A slow client holds a connection open, sending a byte at a time.
        let slow = RawHTTP.connectLoopback(port)
        if let slow { RawHTTP.send(slow, Array("POST /r/\(board.code)/vote HTTP/1.1\r\nContent-Le".utf8)) }
        #expect(RawHTTP.vote(port, code: board.code, device: device(2), decision: 0, choice: 1) == 409, "a stale decision")
        #expect(RawHTTP.vote(port, code: board.code, device: device(2), decision: 1, choice: 7) == 422, "not offered")
        #expect(RawHTTP.request(port, "POST", "/r/\(board.code)/vote", body: "{not json")?.status == 400)
        #expect(RawHTTP.request(port, "POST", "/r/\(board.code)/vote", body: String(repeating: "x", count: 1_000_000))?.status == 413)
        #expect(RawHTTP.request(port, "GET", "/r/\(board.code)/nothing")?.status == 404)
        #expect(RawHTTP.request(port, "DELETE", "/r/\(board.code)/vote")?.status == 405)
        #expect(RawHTTP.request(port, "GET", "/etc/passwd")?.status == 404)
        // Wrong room codes: refused, then limited for this address.
        var statuses: [Int] = []
        for _ in 0..<15 { statuses.append(RawHTTP.vote(port, code: "WRONG1", device: device(3), decision: 1, choice: 1)) }
        #expect(statuses.first == 404)
        #expect(statuses.last == 429)
        #expect(RawHTTP.request(port, "GET", "/r/\(board.code)/state")?.status == 429, "the address waits a minute")
        if let slow { close(slow) }
        #expect(board.voted == 1)
        #expect(board.lock() == [0, 1, 0])
    }

    @Test("pages and feeds: the participant page, the room screen, and state with no ratings before the reveal")
    func pages() throws {
        let (board, server, port) = try openRoom()
        defer { server.stop() }
        let page = try #require(RawHTTP.request(port, "GET", "/r/\(board.code)/"))
        #expect(page.status == 200 && page.body.contains("<button") == false && page.body.contains("aria-live"))
        let room = try #require(RawHTTP.request(port, "GET", "/r/\(board.code)/room"))
        #expect(room.status == 200 && room.body.contains("phones have voted"))
        let state = try #require(RawHTTP.request(port, "GET", "/r/\(board.code)/state?device=\(device(5))"))
        #expect(state.body.contains("What do you do first?") && !state.body.contains("rating"))
    }
}

@Suite("Room page commands explain mistakes")
struct RoomCommandMistakeTests {
    @Test("serve, open and lock say what to do when used out of turn, and change nothing")
    func outOfTurn() throws {
        let store = try ProgressStore(directory: try temporaryDirectory().appendingPathComponent("data").path)
        let (shell, output) = makeShell(store: store)
        shell.execute("group serve --bind 127.0.0.1 --port 0")
        #expect(output.errors.contains("'group serve' is for group mode. Type 'group on' first."))
        shell.execute("group on")
        shell.execute("open")
        #expect(output.errors.contains("'open' needs the room page. Type 'group serve' first"))
        shell.execute("group serve --port many")
        #expect(output.errors.contains("Use '--port N' with a number"))
        shell.execute("group serve --bind")
        #expect(output.errors.contains("Use '--bind ADDRESS'"))
        shell.execute("group serve --bind 999.1.1.1 --port 0")
        #expect(output.errors.contains("'999.1.1.1' is not an address of this computer"))
        shell.execute("group serve off")
        #expect(output.errors.contains("The room page is not running."))
        shell.execute("group serve --bind 127.0.0.1 --port 0")
        #expect(output.text.contains("Room code:"))
        shell.execute("group serve --bind 127.0.0.1 --port 0")
        #expect(output.errors.contains("The room page is already running."))
        shell.execute("open")
        #expect(output.errors.contains("'open' works inside a case."))
        shell.execute("play visit")
        shell.execute("lock")
        #expect(output.errors.contains("Voting is not open. Type 'open' first"))
        shell.execute("open")
        shell.execute("lock")
        #expect(output.text.contains("No phone voted. Type the room's tally with 'votes'"))
        shell.execute("group off")
        #expect(shell.room == nil, "group off stops the page")
    }
}
