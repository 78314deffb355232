import AttuneCatalog
@testable import AttuneRoom
import Foundation
import Testing

/// Writes the two pages to files for the browser harness's fake room server
/// (Tests/Browser/fake_room.py), only when ATTUNE_ROOM_PAGES_DIR names a folder.
@Suite("RoomPagesDump")
struct RoomPagesDumpTests {
    static let folder = ProcessInfo.processInfo.environment["ATTUNE_ROOM_PAGES_DIR"]

    @Test("the participant page and the room screen written to files for the fake server",
          .enabled(if: folder != nil, "set ATTUNE_ROOM_PAGES_DIR to write the pages"))
    func dump() throws {
        let folder = URL(fileURLWithPath: try #require(Self.folder))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let code = "K7QX2M"
        try Data(RoomPages.participant(code: code).utf8).write(to: folder.appendingPathComponent("participant.html"))
        try Data(RoomPages.room(code: code).utf8).write(to: folder.appendingPathComponent("room.html"))
        try Data(RoomPages.participant(code: code, catalog: Spanish()).utf8).write(to: folder.appendingPathComponent("participant-es.html"))
        try Data(RoomPages.room(code: code, catalog: Spanish()).utf8).write(to: folder.appendingPathComponent("room-es.html"))
        try Data(code.utf8).write(to: folder.appendingPathComponent("code"))
    }

    @Test("the pages load nothing from outside and write case text as text, never as markup")
    func selfContained() {
        for page in [RoomPages.participant(code: "K7QX2M"), RoomPages.room(code: "K7QX2M")] {
            #expect(!page.contains("http://") && !page.contains("https://"))
            #expect(!page.contains("innerHTML") && !page.contains("eval("))
            // The rating words are only in the script's table of words (`W.rating`): which option
            // earned which comes with the reveal, in the room's state.
            let outsideTable = page.split(separator: "\n").filter { !$0.contains("rating: { attuned: ") }.joined(separator: "\n")
            for rating in [#""Attuned""#, ">Attuned", "Partly attuned", "Missed the cue", "Safety concern"] {
                #expect(!outsideTable.contains(rating), "no rating words are written into the page itself: \(rating)")
            }
        }
        #expect(RoomPages.room(code: "K7QX2M").contains(#"<img src="qr.svg" alt="QR code for the join address""#))
    }
}
