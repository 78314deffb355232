import AttuneCatalog
import AttuneCore
import AttunePlay
import AttuneRoom
import AttuneStore
import Foundation

/// Phones vote: `group serve` starts a small web server on the local network for the current
/// group session; `open` and `lock` run each vote; the terminal stays the trainer's console.
final class RoomController: ShellPart {
    unowned let shell: Shell
    var context: ShellContext { shell.context }
    /// The room page for phones, while the trainer serves it.
    var room: RoomServer?
    /// The number in the room, from `open of N`, to warn when more phones join than that.
    var roomSize: Int?
    /// The last "Phones: ..." line shown, so an unchanged count is not repeated.
    var lastRoomNotice = ""

    init(shell: Shell) { self.shell = shell }

    var group: GroupController { shell.group }
    var groupMode: Bool { group.groupMode }
    var board: RoomBoard? { group.board }
    var play: PlayController { shell.play }
    var groupPlay: GroupPlay? { group.groupPlay }

    /// `group serve [--bind ADDRESS[,ADDRESS]] [--port N]` and `group serve off`.
    func serve(_ arguments: [String]) {
        if arguments.first?.lowercased() == "off" {
            guard room != nil else {
                fail(words(.notRunning))
                return
            }
            stopRoom()
            say(words(.stopped))
            return
        }
        guard groupMode else {
            fail(group.words(.forGroupMode(command: "group serve")))
            return
        }
        guard room == nil else {
            say(words(.alreadyRunning))
            showJoin()
            return
        }
        var hosts = LocalAddresses.ipv4()
        var port: UInt16 = 8765
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let value = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch word {
            case "--bind":
                guard let value else { return fail(words(.bindUsage)) }
                hosts = value.split(separator: ",").map(String.init)
                index += 2
            case "--port":
                guard let value, let number = UInt16(value) else { return fail(words(.portUsage)) }
                port = number
                index += 2
            default:
                return fail(words(.serveUsage))
            }
        }
        guard !hosts.isEmpty else {
            fail(words(.noNetwork))
            return
        }
        guard let board else { return }
        do {
            room = try RoomServer(board: board, hosts: hosts, port: port, language: catalog.language)
        } catch {
            fail(words(error.reason))
            return
        }
        say(style.bold(words(.running)))
        showJoin()
    }

    /// The join link, room code and QR code, and the projector's address; shown again by `group serve`.
    func showJoin() {
        guard let room else { return }
        say(words(.joinAt))
        for address in room.addresses { say("  " + address) }
        say(words(.roomCode(room.board.code)))
        if !accessible, let link = room.addresses.first, let code = QRCode.blockText(for: link) {
            // The QR code is never wrapped: its lines are as wide as it needs.
            flushOutput()
            output.writePreformatted("\n" + code + "\n\n")
        }
        if let link = room.addresses.first { say(words(.projector(link: link))) }
        say(style.dim(words(.plainHTTP)))
    }

    func stopRoom() {
        room?.stop()
        room = nil
    }

    func openVoting(_ arguments: [String] = []) {
        guard requireRoom("open") != nil, let session = play.requireCase("open"), let group = groupPlay else { return }
        if !arguments.isEmpty {
            guard arguments.count == 2, arguments[0].lowercased() == "of", let size = Int(arguments[1]), (1...Tally.largestCount).contains(size) else {
                fail(words(.openUsage))
                return
            }
            roomSize = size
        }
        guard !session.offered.isEmpty else {
            fail(session.isAtEnding ? words(.caseEnded) : shell.group.words(.nothingToVoteOn))
            return
        }
        do {
            shell.group.say(try group.open())
        } catch {
            fail(shell.group.words(.nothingToVoteOn))
        }
        shell.group.reportSaveProblems(group)
    }

    func lockVoting() {
        guard requireRoom("lock") != nil, play.requireCase("lock") != nil, let group = groupPlay else { return }
        do {
            shell.group.say(try group.lock())
        } catch {
            fail(words(.lockNotOpen))
        }
        shell.group.reportSaveProblems(group)
    }

    /// The room's words about phones, in the trainer's language.
    private func words(_ line: RoomText.Phones) -> String { catalog.room(.phones(line)) }

    private func requireRoom(_ command: String) -> RoomBoard? {
        guard groupMode else {
            fail(words(.needsGroupMode(command: command)))
            return nil
        }
        guard room != nil, let board else {
            fail(words(.needsRoomPage(command: command)))
            return nil
        }
        return board
    }

    /// After each command while phones are connected: how many joined and voted.
    func roomNotice() {
        guard let room, let board else { return }
        let joined = room.joinedPhones(now: now())
        let line = words(.joined(joined, voted: board.phase == .voting ? board.voted : nil))
        if line != lastRoomNotice || board.phase == .voting {
            lastRoomNotice = line
            say(style.dim(line))
            if let roomSize, joined > roomSize {
                say(style.caution(words(.moreThanRoom(joined: joined, room: roomSize))) + words(.joinedTwice))
            }
        }
    }
}
