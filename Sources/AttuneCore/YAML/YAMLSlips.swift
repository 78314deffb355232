import CYaml
import Foundation
import Yams

/// The slips authors make most in content files, recognised from where libyaml stopped and
/// what it read just before, and each reported where the slip is rather than where the
/// parser noticed: a quote never closed (found lines later), an apostrophe inside '...', a
/// tab, a key indented too far, a bracket never closed, a key without its ':' (libyaml notices
/// on the next line; the slip is on the line that lacks it).
enum YAMLSlips {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        var message: SyntaxMessage
    }

    typealias Place = (line: Int, column: Int)

    /// The slip behind libyaml's `problem` at `mark` (1-based), if it is a known one.
    static func explain(problem: String, context: String?, contextMark: Place?, at mark: Place, in source: SourceText) -> Finding? {
        if context == "while scanning a quoted scalar", let opened = contextMark {
            return Finding(line: opened.line, column: opened.column,
                           message: .quoteNeverClosed(quote: quote(at: opened, in: source)))
        }
        if let scalar = lastScalar(before: mark, in: source), scalar.quoted {
            if scalar.end.line > scalar.start.line, mark.line <= scalar.end.line + 1 {
                let quote = quote(at: scalar.start, in: source)
                return Finding(line: scalar.start.line, column: scalar.start.column,
                               message: .quoteRunsOn(quote: quote, toLine: scalar.end.line))
            }
            if scalar.end.line == scalar.start.line, mark.line == scalar.end.line, mark.column >= scalar.end.column,
               let text = source.line(mark.line),
               text.unicodeScalars.dropFirst(scalar.end.column - 1).prefix(mark.column - scalar.end.column).allSatisfy({ $0 == " " }) {
                return closedEarly(scalar, line: text)
            }
        }
        if problem.contains("tab character") || (problem == "found character that cannot start any token"
            && source.line(mark.line)?.unicodeScalars.dropFirst(mark.column - 1).first == "\t"),
           let tab = tab(near: mark, in: source) {
            return Finding(line: tab.line, column: tab.column,
                           message: .tab)
        }
        if problem == "could not find expected ':'", context == "while scanning a simple key", let opened = contextMark,
           opened.line < mark.line, let finding = missingColon(at: opened, in: source) {
            return finding
        }
        if problem == "mapping values are not allowed in this context", let finding = indentedTooFar(at: mark, in: source) {
            return finding
        }
        if problem == "mapping values are not allowed in this context" || problem == "could not find expected ':'",
           let scalar = lastScalar(before: mark, in: source), !scalar.quoted, scalar.start.line < mark.line,
           let finding = missingColon(at: scalar.start, in: source) {
            return finding
        }
        if let opened = contextMark, opened.line < mark.line {
            switch problem {
            case "did not find expected ',' or ']'":
                return Finding(line: opened.line, column: opened.column,
                               message: .listNeverClosed)
            case "did not find expected ',' or '}'":
                return Finding(line: opened.line, column: opened.column,
                               message: .blockNeverClosed)
            default:
                break
            }
        }
        return nil
    }

    /// A quoted text closed by a quote meant as part of it: `'Don't worry'`, `"she said "hi""`.
    private static func closedEarly(_ scalar: Scalar, line: String) -> Finding {
        let column = scalar.end.column - 1
        guard scalar.single else {
            return Finding(line: scalar.end.line, column: column,
                           message: .quotationMarkClosesEarly)
        }
        // The word around the apostrophe, written as it should be: Don't as Don''t.
        let scalars = Array(line.unicodeScalars)
        let at = column - 1
        var start = at, end = at + 1
        while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
        while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
        let before = String(String.UnicodeScalarView(scalars[start..<at]))
        let after = String(String.UnicodeScalarView(scalars[(at + 1)..<end]))
        let example = before.isEmpty || after.isEmpty ? nil : "\(before)''\(after)"
        return Finding(line: scalar.end.line, column: column, message: .apostropheClosesEarly(example: example))
    }

    /// A line that starts with a key but has no ': ' after it (`rating unsafe`, `rating:unsafe`,
    /// a node id alone, `- id greet`): YAML reads it as text running on to the next line and
    /// only notices there. Reported on this line, quoting the key, with the line as it should be.
    /// Nil when `place` is not where its line's content starts (then it is text after a key).
    private static func missingColon(at place: Place, in source: SourceText) -> Finding? {
        guard let text = source.line(place.line) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let start = place.column - 1
        guard start < scalars.count,
              scalars[..<start].allSatisfy({ $0 == " " || $0 == "-" }) else { return nil }
        var content = String(String.UnicodeScalarView(scalars[start...]))
        if let comment = content.range(of: " #") { content = String(content[..<comment.lowerBound]) }
        content = content.trimmingCharacters(in: .whitespaces)
        guard let fixed = withColon(content) else { return nil }
        return Finding(line: place.line, column: place.column, message: fixed)
    }

    /// `rating unsafe` (or `rating:unsafe`, or a node id alone) as a message that quotes the
    /// key and gives the line as it should be; nil when the text does not start with a name.
    static func withColon(_ content: String) -> SyntaxMessage? {
        guard let first = content.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return nil }
        let key: String
        let value: String
        if let colon = content.firstIndex(of: ":"), !content[..<colon].contains(" ") {
            key = String(content[..<colon])
            value = String(content[content.index(after: colon)...])
            return .spaceAfterColon(written: quoted(content, limit: 40), fixed: quoted("\(key): \(value)", limit: 60))
        } else if let space = content.firstIndex(of: " ") {
            key = String(content[..<space])
            value = content[space...].trimmingCharacters(in: .whitespaces)
        } else {
            key = content
            value = ""
        }
        let fixed = value.isEmpty ? "\(key):" : "\(key): \(value)"
        return .missingColon(key: quoted(key, limit: 40), fixed: quoted(fixed, limit: 60))
    }

    /// For a block of `name: number` lines written as a name and a number without the ':'
    /// (`trust 0` or `trust:0` under `variables:`): the fix to add to the message, if any.
    public static func counterColonFix(for node: Node) -> SyntaxMessage? {
        guard case let .scalar(scalar) = node, scalar.style == .plain else { return nil }
        let parts = scalar.string.split(whereSeparator: { $0 == " " || $0 == ":" })
        guard parts.count == 2, Int(parts[1]) != nil else { return nil }
        return withColon(scalar.string)
    }

    /// A key on a line indented further than the `key: text` line above it, which YAML reads
    /// as more of that text, until the key's ':'.
    private static func indentedTooFar(at mark: Place, in source: SourceText) -> Finding? {
        guard let text = source.line(mark.line), let key = keyStart(text), key.colon == mark.column else { return nil }
        var number = mark.line - 1
        while number >= 1, let above = source.line(number),
              above.allSatisfy({ $0 == " " }) || above.drop(while: { $0 == " " }).hasPrefix("#") {
            number -= 1
        }
        guard number >= 1, let above = source.line(number), let previous = keyStart(above),
              key.column > previous.column, previous.hasValue else { return nil }
        return Finding(line: mark.line, column: key.column,
                       message: .indentedTooFar(key: quoted(key.name, limit: 40), above: quoted(previous.name, limit: 40)))
    }

    /// Where a `key: ...` line's key starts (after any `- `), where its ':' is, and whether
    /// text follows it on the line.
    private static func keyStart(_ line: String) -> (name: String, column: Int, colon: Int, hasValue: Bool)? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || (scalars[index] == "-" && index + 1 < scalars.count && scalars[index + 1] == " ") {
            index += 1
        }
        let start = index
        while index < scalars.count, !(scalars[index] == ":" && (index + 1 == scalars.count || scalars[index + 1] == " ")) {
            guard scalars[index] != " " || start < index else { return nil }
            if "\"'#{[".unicodeScalars.contains(scalars[index]) { return nil }
            index += 1
        }
        guard index < scalars.count, index > start else { return nil }
        let rest = scalars[(index + 1)...].drop { $0 == " " }
        let name = String(String.UnicodeScalarView(scalars[start..<index]))
        return (name, start + 1, index + 1, !(rest.isEmpty || rest.first == "#"))
    }

    /// The tab at or before `mark` on its line, else the first on the line or the line above.
    private static func tab(near mark: Place, in source: SourceText) -> Place? {
        for number in [mark.line, mark.line - 1] where number >= 1 {
            guard let text = source.line(number) else { continue }
            let scalars = Array(text.unicodeScalars)
            if number == mark.line, mark.column - 1 < scalars.count, scalars[mark.column - 1] == "\t" { return mark }
            if let index = scalars.firstIndex(of: "\t") { return (number, index + 1) }
        }
        return nil
    }

    private static func quote(at place: Place, in source: SourceText) -> String {
        source.line(place.line)?.unicodeScalars.dropFirst(place.column - 1).first == "'" ? "'" : "\""
    }

    struct Scalar {
        var start: Place
        /// Just after the scalar's last character (its closing quote).
        var end: Place
        var quoted: Bool
        var single: Bool
    }

    /// The last scalar libyaml's scanner reads that starts before `mark`.
    static func lastScalar(before mark: Place, in source: SourceText) -> Scalar? {
        var text = source.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Scalar? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var found: Scalar?
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                let type = token.type
                let start = (Int(token.start_mark.line) + 1, Int(token.start_mark.column) + 1)
                let before = start < mark
                if type == YAML_SCALAR_TOKEN, before {
                    let style = token.data.scalar.style
                    found = Scalar(
                        start: start, end: (Int(token.end_mark.line) + 1, Int(token.end_mark.column) + 1),
                        quoted: style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE,
                        single: style == YAML_SINGLE_QUOTED_SCALAR_STYLE)
                }
                yaml_token_delete(&token)
                if !before || type == YAML_STREAM_END_TOKEN || type == YAML_NO_TOKEN { break }
            }
            return found
        } ?? nil
    }
}
