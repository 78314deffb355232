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
                fail("The room page is not running.")
                return
            }
            stopRoom()
            say("The room page has stopped; phones can no longer reach it.")
            return
        }
        guard groupMode else {
            fail("'group serve' is for group mode. Type 'group on' first.")
            return
        }
        guard room == nil else {
            say("The room page is already running, with the same link and code.")
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
                guard let value else { return fail("Use '--bind ADDRESS', for example --bind 127.0.0.1.") }
                hosts = value.split(separator: ",").map(String.init)
                index += 2
            case "--port":
                guard let value, let number = UInt16(value) else { return fail("Use '--port N' with a number, for example --port 8765.") }
                port = number
                index += 2
            default:
                return fail("Use 'group serve', 'group serve --bind ADDRESS --port N' or 'group serve off'.")
            }
        }
        guard !hosts.isEmpty else {
            fail("This computer is on no local network, so phones cannot reach it. Join the room's network, or use "
                + "'group serve --bind 127.0.0.1' to try the pages on this computer.")
            return
        }
        guard let board else { return }
        do {
            room = try RoomServer(board: board, hosts: hosts, port: port)
        } catch {
            fail(error.description)
            return
        }
        say(style.bold("The room page is running."))
        showJoin()
    }

    /// The join link, room code and QR code, and the projector's address; shown again by `group serve`.
    func showJoin() {
        guard let room else { return }
        say("Phones on this network join at:")
        for address in room.addresses { say("  " + address) }
        say("Room code: \(room.board.code)")
        if !accessible, let link = room.addresses.first, let code = QRCode.blockText(for: link) {
            // The QR code is never wrapped: its lines are as wide as it needs.
            flushOutput()
            output.writePreformatted("\n" + code + "\n\n")
        }
        if let link = room.addresses.first { say("Room screen for the projector: \(link)room") }
        say(style.dim("Plain HTTP on this network, no names, no accounts. 'open' starts a vote, 'lock' closes it, "
            + "'group serve off' stops the page."))
    }

    func stopRoom() {
        room?.stop()
        room = nil
    }

    func openVoting(_ arguments: [String] = []) {
        guard requireRoom("open") != nil, let session = play.requireCase("open"), let group = groupPlay else { return }
        if !arguments.isEmpty {
            guard arguments.count == 2, arguments[0].lowercased() == "of", let size = Int(arguments[1]), (1...Tally.largestCount).contains(size) else {
                fail("Use 'open', or 'open of 12' with the number of people in the room.")
                return
            }
            roomSize = size
        }
        guard !session.offered.isEmpty else {
            fail(session.isAtEnding ? "The case has ended: there is nothing to vote on." : "There is nothing to vote on at this moment.")
            return
        }
        do {
            shell.group.say(try group.open())
        } catch {
            fail("There is nothing to vote on at this moment.")
        }
        shell.group.reportSaveProblems(group)
    }

    func lockVoting() {
        guard requireRoom("lock") != nil, play.requireCase("lock") != nil, let group = groupPlay else { return }
        do {
            shell.group.say(try group.lock())
        } catch {
            fail("Voting is not open. Type 'open' first, or give the room's tally with 'votes'.")
        }
        shell.group.reportSaveProblems(group)
    }

    private func requireRoom(_ command: String) -> RoomBoard? {
        guard groupMode else {
            fail("'\(command)' is for group mode with phones. Type 'group on', then 'group serve'.")
            return nil
        }
        guard room != nil, let board else {
            fail("'\(command)' needs the room page. Type 'group serve' first, or give the tally with 'votes'.")
            return nil
        }
        return board
    }

    /// After each command while phones are connected: how many joined and voted.
    func roomNotice() {
        guard let room, let board else { return }
        let joined = room.joinedPhones(now: now())
        let line = "Phones: \(joined) joined" + (board.phase == .voting ? ", \(board.voted) voted." : ".")
        if line != lastRoomNotice || board.phase == .voting {
            lastRoomNotice = line
            say(style.dim(line))
            if let roomSize, joined > roomSize {
                say(style.caution("More phones have joined (\(joined)) than the \(roomSize) in the room.")
                    + " Someone may have joined twice, or from outside the room; the tally counts each phone once.")
            }
        }
    }
}
