import AttunePlay
import Testing

/// Private screens on a shared screen: shown only when asked for twice in a row.
@Suite("Shared screen")
struct SharedScreenTests {
    @Test("asked for once it is held back; again on the very next line it is shown")
    func twiceInARow() {
        var screen = SharedScreen()
        let shown1 = screen.mayShow("journal", line: 4)
        #expect(!shown1)
        let shown2 = screen.mayShow("journal", line: 5)
        #expect(shown2)
        // Shown once, it warns again the next time.
        let shown3 = screen.mayShow("journal", line: 6)
        #expect(!shown3)
    }

    @Test("another line between, or another private screen, warns again")
    func notInARow() {
        var screen = SharedScreen()
        let shown4 = screen.mayShow("progress", line: 1)
        #expect(!shown4)
        let shown5 = screen.mayShow("progress", line: 3)
        #expect(!shown5, "a line in between")
        let shown6 = screen.mayShow("notes", line: 4)
        #expect(!shown6, "another screen")
        let shown7 = screen.mayShow("progress", line: 5)
        #expect(!shown7)
        let shown8 = screen.mayShow("progress", line: 6)
        #expect(shown8)
    }
}

@Suite("The group session 'group export' writes")
struct GroupSessionToExportTests {
    @Test("the one named, else the one in play, else the one played last, else the latest in the record")
    func order() throws {
        #expect(try GroupSessionToExport.choose(named: 2, playing: 5, playedLast: 4, latest: { 9 }) == 2)
        #expect(try GroupSessionToExport.choose(named: nil, playing: 5, playedLast: 4, latest: { 9 }) == 5)
        #expect(try GroupSessionToExport.choose(named: nil, playing: nil, playedLast: 4, latest: { 9 }) == 4)
        #expect(try GroupSessionToExport.choose(named: nil, playing: nil, playedLast: nil, latest: { 9 }) == 9)
        #expect(try GroupSessionToExport.choose(named: nil, playing: nil, playedLast: nil, latest: { nil }) == nil)
    }
}
