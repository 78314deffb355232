import CYaml
import Foundation
import Yams

/// Turns a content file's text into a YAML node tree, reporting syntax problems as located
/// diagnostics written for authors rather than as parser errors.
public enum YAMLComposer {
    /// Deeper nesting than this is never needed in content, and the YAML reader recurses.
    public static let maximumNesting = 64

    /// The file's node tree, and what stands in the way of reading it. A syntax error leaves
    /// no tree; a key written twice in one block is reported and the file read on with the
    /// first value, so the rest of its findings come in the same pass.
    public static func compose(_ source: SourceText) -> (node: Node?, diagnostics: [Diagnostic]) {
        if let deep = tooDeep(source) { return (nil, [deep]) }
        // Before anything is built: an alias can stand for a whole tree, so a few kilobytes
        // of aliases (as a key, or nested) expand to more than any machine holds.
        if let alias = anchorOrAlias(in: source) { return (nil, [alias]) }
        let first = read(source.text, source)
        guard case let .failure(failure) = first else { return first.composed }
        // Keys repeated before a syntax error are reported with it.
        let repeats = DuplicateKeys.find(in: source.text)
        guard !repeats.isEmpty else { return first.composed }
        let findings = repeats.map { repeated in
            source.diagnostic(
                line: repeated.line, column: repeated.column,
                "'\(TerminalText.quoted(repeated.key))' is already written on line \(repeated.firstLine.grouped) of this block; "
                    + "only the first is read, so remove or rename this one", rule: .duplicateKey)
        }
        guard case .duplicatedKeysInMapping = failure else { return (nil, findings + first.composed.diagnostics) }
        var composed = read(DuplicateKeys.blanking(repeats, in: source.text), source).composed
        composed.diagnostics = findings + composed.diagnostics
        return composed
    }

    private enum Reading {
        case success(Node)
        case failure(Failure)

        enum Failure { case duplicatedKeysInMapping(Diagnostic), other(Diagnostic) }

        var composed: (node: Node?, diagnostics: [Diagnostic]) {
            switch self {
            case let .success(node): (node, [])
            case let .failure(.duplicatedKeysInMapping(diagnostic)), let .failure(.other(diagnostic)): (nil, [diagnostic])
            }
        }
    }

    /// One reading of `text` (the file's own, or with repeated keys blanked out).
    private static func read(_ text: String, _ source: SourceText) -> Reading {
        do {
            // The basic resolver leaves every scalar as text: the readers decide what is a
            // number, and resolving implicit types (regular expressions per scalar) was most
            // of the cost of reading a file.
            guard let node = try Yams.compose(yaml: text, Resolver.basic) else {
                return .failure(.other(source.diagnostic(
                    line: 1, column: 1, "the file is empty; it needs at least its top-level fields", rule: .missingField)))
            }
            return .success(node)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error { return .failure(.duplicatedKeysInMapping(diagnostic(for: error, in: source))) }
            return .failure(.other(diagnostic(for: error, in: source)))
        } catch {
            return .failure(.other(source.diagnostic(
                line: 1, column: 1, "the file could not be read as YAML text; save it as plain UTF-8 text", rule: .yamlSyntax)))
        }
    }

    /// The message for an anchor or alias, which content never needs.
    public static let aliasMessage = "YAML anchors and aliases (& and *) are not used in Attune content; write the text out in full"

    /// Finds the first YAML anchor (`&name`) or alias (`*name`) with libyaml's scanner,
    /// which reads tokens without building or expanding anything. A file with neither
    /// character followed by a name is not scanned at all.
    static func anchorOrAlias(in source: SourceText) -> Diagnostic? {
        var text = source.text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Diagnostic? in
            guard mayHoldAnchorOrAlias(bytes) else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var found: (line: Int, column: Int)?
            var more = 0
            var token = yaml_token_t()
            // A scanning error is left for the composer, which explains it.
            while yaml_parser_scan(&parser, &token) == 1 {
                let type = token.type
                if type == YAML_ANCHOR_TOKEN || type == YAML_ALIAS_TOKEN {
                    if found == nil {
                        found = (Int(token.start_mark.line) + 1, Int(token.start_mark.column) + 1)
                    } else {
                        more += 1
                    }
                }
                yaml_token_delete(&token)
                if type == YAML_STREAM_END_TOKEN || type == YAML_NO_TOKEN { break }
            }
            guard let found else { return nil }
            let others = more == 0 ? "" : " (and \(more.grouped) more in this file)"
            return source.diagnostic(line: found.line, column: found.column, aliasMessage + others, rule: .yamlSyntax)
        } ?? nil
    }

    /// Whether `&` or `*` is followed by a character that could start a name: the only way
    /// an anchor or alias can be written. Most files have none, and are not scanned.
    private static func mayHoldAnchorOrAlias(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 1 < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") || byte == UInt8(ascii: "*") {
                let next = bytes[index + 1]
                if next > 0x20, next != UInt8(ascii: ","), next != UInt8(ascii: "["), next != UInt8(ascii: "]"),
                   next != UInt8(ascii: "{"), next != UInt8(ascii: "}") {
                    return true
                }
            }
            index += 1
        }
        return false
    }

    /// Finds flow brackets ([ {) nested deeper than `maximumNesting`, outside quotes and
    /// comments, before the recursive reader meets them.
    static func tooDeep(_ source: SourceText) -> Diagnostic? {
        var depth = 0, line = 1, column = 0
        var quote: Character?
        var comment = false
        var previous: Character = "\n"
        for character in source.text {
            column += 1
            // Quotes and comments end at the line's end here: that can only over-count
            // brackets (a harmless message), never hide nesting from this check.
            if character == "\n" {
                line += 1
                column = 0
                comment = false
                quote = nil
                previous = character
                continue
            }
            defer { previous = character }
            if comment { continue }
            if let open = quote {
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'":
                if depth > 0 || " [{,".contains(previous) { quote = character }
            case "#" where previous == " " || previous == "\n" || previous == "\t":
                comment = true
            case "[", "{":
                depth += 1
                if depth > maximumNesting {
                    return source.diagnostic(
                        line: line, column: column,
                        "brackets are nested more than \(maximumNesting) deep here; content never needs that many",
                        rule: .yamlSyntax)
                }
            case "]", "}":
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // Yams' own "a second document" error carries a context that is no place in the file.
            let opened = context.flatMap { $0.text.hasPrefix("expected a single document") ? nil : ($0.mark.line, $0.mark.column) }
            if let slip = YAMLSlips.explain(problem: problem, context: context?.text, contextMark: opened,
                                            at: (mark.line, mark.column), in: source) {
                return source.diagnostic(line: slip.line, column: slip.column, .syntax(slip.message), rule: .yamlSyntax)
            }
            let place = onALine(mark, opened: opened, in: source)
            let message = explain(problem: problem, context: context?.text, at: place, in: source)
            return source.diagnostic(line: place.line, column: place.column, message, rule: .yamlSyntax)
        case let .reader(problem, offset, value, _):
            // Yams gives the offset in characters.
            let characters = offset ?? 0
            let index = source.text.index(source.text.startIndex, offsetBy: characters, limitedBy: source.text.endIndex)
                ?? source.text.endIndex
            let (line, column) = source.position(ofByte: source.text.utf8.distance(from: source.text.utf8.startIndex, to: index))
            let message: String
            if problem.contains("control characters"), let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) {
                message = "\(TerminalText.describe(scalar)) is in the file here; content files hold plain text only, so delete it"
            } else {
                message = "the file is not valid UTF-8 text; save it as UTF-8"
            }
            return source.diagnostic(line: line, column: column, message, rule: .yamlSyntax)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\(TerminalText.quoted($0))'" }.joined(separator: ", ")
            return source.diagnostic(
                line: context.mark.line, column: context.mark.column,
                "the key \(names) appears more than once in the same block; keep one", rule: .duplicateKey)
        case .dataCouldNotBeDecoded:
            return source.diagnostic(
                line: 1, column: 1, "the file is not valid UTF-8 text; save it as UTF-8", rule: .yamlSyntax)
        case .memory:
            return source.diagnostic(
                line: 1, column: 1, "the file is too large or too complicated to read", rule: .yamlSyntax)
        default:
            return source.diagnostic(
                line: 1, column: 1, "the file could not be read as YAML", rule: .yamlSyntax)
        }
    }

    /// A place on a line of the file: libyaml reports a problem at the end of the text just
    /// past the last line; it is shown where the unfinished thing started, when libyaml says,
    /// else at the end of the last line with text.
    private static func onALine(_ mark: Mark, opened: (Int, Int)?, in source: SourceText) -> (line: Int, column: Int) {
        let pastTheEnd = mark.line > source.lineCount
            || (mark.line == source.lineCount && mark.line > 1 && source.line(mark.line)?.isEmpty == true)
        guard pastTheEnd else { return (mark.line, mark.column) }
        if let opened { return opened }
        var line = min(mark.line, source.lineCount)
        while line > 1, source.line(line)?.allSatisfy({ $0 == " " }) == true { line -= 1 }
        return (line, (source.line(line)?.unicodeScalars.count ?? 0) + 1)
    }

    /// libyaml's problems, restated with the usual cause and what to do about it, in words
    /// for an author rather than a parser.
    static func explain(problem: String, context: String?, at mark: (line: Int, column: Int), in source: SourceText) -> String {
        let line = source.excerpt(line: mark.line, column: mark.column)
        let character = line.flatMap { $0.text.unicodeScalars.dropFirst($0.caret).first }
        let shown: String
        if let character {
            shown = TerminalText.isInvisible(character) ? TerminalText.describe(character) : "'\(character)'"
        } else {
            shown = "this character"
        }
        switch problem {
        case "found character that cannot start any token" where character == "\t",
             "found a tab character that violates indentation",
             "found a tab character where an indentation space is expected":
            return "a tab character here; YAML indents with spaces only"
        case "found character that cannot start any token":
            return "\(shown) cannot start a value here; put the text in quotes"
        case "did not find expected alphabetic or numeric character" where context?.contains("anchor") == true
            || context?.contains("alias") == true:
            return "\(shown) cannot start a value: in YAML '&' and '*' there make anchors and aliases, which content "
                + "does not use; put the text in quotes"
        case "mapping values are not allowed in this context", "found unexpected ':'":
            return "unexpected ':' here; if the text contains a colon, put the whole text in quotes"
        case "mapping keys are not allowed in this context":
            return "'?' here starts a complicated YAML key, which content does not use; put the text in quotes"
        case "did not find expected key":
            return "this line does not line up with the keys above it; check its indentation"
        case "did not find expected '-' indicator":
            return "this line does not line up with the list items above it; check its indentation"
        case "block sequence entries are not allowed in this context":
            return "a '- ' list item cannot start here; check the indentation, or put the text in quotes"
        case "found undefined alias":
            return aliasMessage
        case "could not find expected ':'" where context == "while scanning a simple key":
            return "a key without ':' after it, or a key longer than 1,024 characters; write a short 'key: value'"
        case "could not find expected ':'":
            return "a key without ':' after it; write 'key: value'"
        case "found unexpected end of stream":
            return "the file ends inside an unfinished value; a quote or bracket may not be closed"
        case "did not find expected node content":
            return "a value is missing here, or starts with a character that needs quotes; put the text in quotes"
        case "did not find expected ',' or ']'":
            return "a list in [ ] is not closed here; add ']' or put the text in quotes"
        case "did not find expected ',' or '}'":
            return "a block in { } is not closed here; add '}' or put the text in quotes"
        case "did not find expected whitespace or line break", "did not find expected whitespace":
            return "a space or the end of the line is needed here; if this is text, put it in quotes"
        case "did not find expected comment or line break":
            return "unexpected text after the end of a value (after a closing quote, or after '|' or '>'); "
                + "put the whole text in quotes"
        case "found an indentation indicator equal to 0":
            return "a number after '|' or '>' sets the indentation and cannot be 0; remove it"
        case "found unknown escape character":
            return "an unknown backslash escape inside double quotes; write \\\\ for a backslash, or use single quotes"
        case "found invalid Unicode character escape code", "did not find expected hexdecimal number":
            return "a \\u or \\x escape inside double quotes that is not a valid character code; "
                + "write the character itself, or use single quotes"
        case "found unexpected document indicator":
            return "a line starting with '---' or '...' inside a value; put the text in quotes"
        case "but found another document", "did not find expected <document start>":
            return "a second document starts here; a content file holds one document, so remove the '---' line "
                + "or check the indentation"
        case _ where problem.hasPrefix("Maximum nesting level"):
            return "lists and blocks are nested inside each other more than 1,000 levels deep here; "
                + "content never needs more than a few, so this is probably not a content file"
        case "found undefined tag handle", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet",
             "found an incorrect trailing UTF-8 octet", "did not find expected tag URI", "did not find the expected '>'",
             "did not find expected '!'", "found unexpected non-alphabetical character":
            return "'!' here starts a YAML type tag, which content does not use; put the text in quotes"
        case _ where problem.contains("directive") || problem.contains("version number") || problem.contains("%YAML")
            || problem.contains("%TAG") || problem.hasPrefix("found incompatible YAML document")
            || problem == "did not find expected digit or '.' character":
            return "a line starting with '%' is a YAML directive, which content does not use; remove it or put the text in quotes"
        default:
            // Not in this list: say where, in plain words; libyaml's own are for programmers.
            return "this line cannot be read as YAML; check its quotes, colons and indentation against the lines above"
        }
    }
}
