import AttuneCore
import Testing
@testable import AttuneShell

@Suite("Text layout")
struct TextLayoutTests {
    @Test("wraps at the width without breaking words")
    func wrap() {
        #expect(TextLayout.wrap("one two three four", width: 9) == ["one two", "three", "four"])
        #expect(TextLayout.wrap("a b", width: 10, indent: "  ", firstIndent: "- ") == ["- a b"])
        #expect(TextLayout.wrap("supercalifragilistic word", width: 5) == ["supercalifragilistic", "word"])
    }

    @Test("colour codes take no width")
    func colour() {
        let red = TextStyle(enabled: true).error("abc")
        #expect(TextLayout.visibleWidth(red) == 3)
        #expect(TextLayout.wrap("\(red) \(red)", width: 7) == ["\(red) \(red)"])
    }

    @Test("reflow joins hard-wrapped lines, keeps paragraphs and list items")
    func reflow() {
        let text = "First line\ncontinues here.\n\n- item one\n  goes on\n- item two\n"
        #expect(TextLayout.reflow(text, width: 80) == [
            "First line continues here.", "", "- item one goes on", "- item two",
        ])
        #expect(TextLayout.reflow("- a long item that wraps", width: 12) == ["- a long", "  item that", "  wraps"])
    }

    @Test("control characters from content cannot reach the terminal")
    func neutralize() {
        #expect(TextLayout.neutralize("safe\u{1B}]0;pwned\u{07}text\u{9B}") == "safe\u{FFFD}]0;pwned\u{FFFD}text\u{FFFD}")
        #expect(TextLayout.neutralize("line\nnext\ttab") == "line\nnext\ttab")
    }

    @Test("colour follows --color and NO_COLOR")
    func colorMode() {
        #expect(ColorMode.auto.resolve(environment: [:], outputIsTerminal: true))
        #expect(!ColorMode.auto.resolve(environment: [:], outputIsTerminal: false))
        #expect(!ColorMode.auto.resolve(environment: ["NO_COLOR": "1"], outputIsTerminal: true))
        #expect(ColorMode.auto.resolve(environment: ["NO_COLOR": ""], outputIsTerminal: true))
        #expect(!ColorMode.auto.resolve(environment: ["TERM": "dumb"], outputIsTerminal: true))
        #expect(ColorMode.always.resolve(environment: ["NO_COLOR": "1"], outputIsTerminal: false))
        #expect(!ColorMode.never.resolve(environment: [:], outputIsTerminal: true))
        #expect(TextStyle.plain.bold("x") == "x")
        #expect(TextStyle(enabled: true).bold("x") == "\u{1B}[1mx\u{1B}[0m")
    }

    @Test("the data folder follows --data-dir, ATTUNE_HOME, XDG_DATA_HOME, then HOME")
    func dataDirectory() {
        #expect(DataDirectory.resolve(option: "/a", environment: ["ATTUNE_HOME": "/b"]) == "/a")
        #expect(DataDirectory.resolve(option: nil, environment: ["ATTUNE_HOME": "/b", "XDG_DATA_HOME": "/c"]) == "/b")
        #expect(DataDirectory.resolve(option: nil, environment: ["XDG_DATA_HOME": "/c"]) == "/c/attune")
        #expect(DataDirectory.resolve(option: nil, environment: ["HOME": "/h"]) == "/h/.local/share/attune")
        // A relative XDG folder is ignored, as the XDG rules say; the cache follows the same rule.
        #expect(DataDirectory.resolve(option: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/h"]) == "/h/.local/share/attune")
        #expect(ContentCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/h"]) == "/h/.cache/attune")
        #expect(ContentCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/c"]) == "/c/attune")
    }
}
