import AttuneCatalog
import AttuneCore
import Foundation

/// The pages' words in one language: the table their script reads (`W`), and the escaping
/// that keeps a word from ever becoming markup or ending the script.
extension RoomPages {
    /// The page's words for its script, as a JavaScript object literal: `W.moved`,
    /// `W.rating.attuned`. Placeholders `{n}` and `{m}` are filled by `fill()`. Safe inside a
    /// `<script>` element: `<`, `>` and `&` are escaped.
    static func scriptWords(_ catalog: any MessageCatalog) -> String {
        let keyed: [(String, RoomText.Page)] = [
            ("notAnswering", .notAnswering), ("moved", .moved), ("stoppedOver", .stoppedOver), ("stillTrying", .stillTrying),
            ("yourVoteIsIn", .yourVoteIsIn), ("votingOpen", .votingOpen), ("votingClosedCounting", .votingClosedCounting),
            ("chosenWaiting", .chosenWaiting), ("revealedBelow", .revealedBelow), ("endedPath", .endedPath),
            ("closedThanks", .closedThanks), ("waiting", .waiting), ("chooseOne", .chooseOne), ("whatDoYouDo", .whatDoYouDo),
            ("yourVote", .yourVote), ("yourVoteWas", .yourVoteWas), ("didNotReach", .didNotReach), ("tooOld", .tooOld),
            ("momentNumber", .momentNumber), ("revealHeading", .revealHeading), ("revealTitleOf", .revealTitleOf),
            ("roomChoseOption", .roomChoseOption), ("voteOne", .voteOne), ("votesOther", .votesOther),
            ("roomsChoice", .roomsChoice), ("pathLineChose", .pathLineChose), ("pathLineMatched", .pathLineMatched),
            ("pathLineBest", .pathLineBest), ("matchedOne", .matchedOne), ("matchedOther", .matchedOther),
            ("timeIsUp", .timeIsUp), ("matched", .matched), ("notMatched", .notMatched), ("notCounted", .notCounted),
            ("votedOne", .votedOne), ("votedOther", .votedOther), ("roomMoved", .roomMoved), ("openAgain", .openAgain),
            ("serverGone", .serverGone), ("opensWhenReady", .opensWhenReady), ("openChooseOnPhone", .openChooseOnPhone),
            ("closed", .closed), ("overForCase", .overForCase), ("optionNumber", .optionNumber),
        ]
        var fields = keyed.map { "\($0.0): \(scriptString(catalog.room(.page($0.1))))" }
        let ratings = Rating.allCases.map { "\($0.rawValue): \(scriptString(catalog.room(.page(.rating($0)))))" }
        fields.append("rating: { " + ratings.joined(separator: ", ") + " }")
        return "{\n    " + fields.joined(separator: ",\n    ") + "\n  }"
    }

    /// `text` as a JavaScript string literal that cannot end its `<script>` element.
    static func scriptString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003C"
            case ">": result += "\\u003E"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04X", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// `text` safe as HTML text or a quoted attribute.
    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The script's shared helpers: `fill(W.x, n, m)` puts values in a template's `{n}` and `{m}`
    /// (as plain text, never as a replacement pattern).
    static let fillScript = #"""
          function fill(template, n, m) {
            return String(template).replace("{n}", function () { return String(n); }).replace("{m}", function () { return String(m); });
          }
          function momentName(number) { return typeof number === "number" ? fill(W.momentNumber, number) : ""; }
          function ratingName(id) { return Object.prototype.hasOwnProperty.call(W.rating, id) ? W.rating[id] : ""; }
          function votesName(n) { return fill(n === 1 ? W.voteOne : W.votesOther, n); }
        """#
}
