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
            source.diagnostic(line: repeated.line, column: repeated.column,
                              .reading(.duplicateKeyAbove(TerminalText.quoted(repeated.key), firstLine: repeated.firstLine)),
                              rule: .duplicateKey)
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
                return .failure(.other(source.diagnostic(line: 1, column: 1, .reading(.emptyFile), rule: .missingField)))
            }
            return .success(node)
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping = error { return .failure(.duplicatedKeysInMapping(diagnostic(for: error, in: source))) }
            return .failure(.other(diagnostic(for: error, in: source)))
        } catch {
            return .failure(.other(source.diagnostic(line: 1, column: 1, .reading(.notYAMLText), rule: .yamlSyntax)))
        }
    }

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
            return source.diagnostic(line: found.line, column: found.column, .reading(.anchorsAndAliases(more: more)),
                                     rule: .yamlSyntax)
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
                    return source.diagnostic(line: line, column: column, .reading(.bracketsTooDeep(limit: maximumNesting)),
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
            return source.diagnostic(line: place.line, column: place.column, .reading(message), rule: .yamlSyntax)
        case let .reader(problem, offset, value, _):
            // Yams gives the offset in characters.
            let characters = offset ?? 0
            let index = source.text.index(source.text.startIndex, offsetBy: characters, limitedBy: source.text.endIndex)
                ?? source.text.endIndex
            let (line, column) = source.position(ofByte: source.text.utf8.distance(from: source.text.utf8.startIndex, to: index))
            let message: ReadingMessage
            if problem.contains("control characters"), let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) {
                message = .hiddenInFile(HiddenCharacter(scalar), pasted: false)
            } else {
                message = .notUTF8
            }
            return source.diagnostic(line: line, column: column, .reading(message), rule: .yamlSyntax)
        case let .duplicatedKeysInMapping(duplicates, context):
            return source.diagnostic(line: context.mark.line, column: context.mark.column,
                                     .reading(.duplicateKeys(duplicates.map { TerminalText.quoted($0) })), rule: .duplicateKey)
        case .dataCouldNotBeDecoded:
            return source.diagnostic(line: 1, column: 1, .reading(.notUTF8), rule: .yamlSyntax)
        case .memory:
            return source.diagnostic(line: 1, column: 1, .reading(.tooComplicated), rule: .yamlSyntax)
        default:
            return source.diagnostic(line: 1, column: 1, .reading(.unreadable), rule: .yamlSyntax)
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
    static func explain(problem: String, context: String?, at mark: (line: Int, column: Int), in source: SourceText) -> ReadingMessage {
        let line = source.excerpt(line: mark.line, column: mark.column)
        let character = line.flatMap { $0.text.unicodeScalars.dropFirst($0.caret).first }
        let shown: ReadingMessage.Shown
        if let character {
            shown = TerminalText.isInvisible(character) ? .hidden(HiddenCharacter(character)) : .character(String(character))
        } else {
            shown = .unknown
        }
        switch problem {
        case "found character that cannot start any token" where character == "\t",
             "found a tab character that violates indentation",
             "found a tab character where an indentation space is expected":
            return .tab
        case "found character that cannot start any token":
            return .cannotStart(shown)
        case "did not find expected alphabetic or numeric character" where context?.contains("anchor") == true
            || context?.contains("alias") == true:
            return .anchorStart(shown)
        case "mapping values are not allowed in this context", "found unexpected ':'":
            return .unexpectedColon
        case "mapping keys are not allowed in this context":
            return .complexKey
        case "did not find expected key":
            return .keysNotLinedUp
        case "did not find expected '-' indicator":
            return .listNotLinedUp
        case "block sequence entries are not allowed in this context":
            return .listItemHere
        case "found undefined alias":
            return .anchorsAndAliases(more: 0)
        case "could not find expected ':'" where context == "while scanning a simple key":
            return .keyWithoutColonOrTooLong
        case "could not find expected ':'":
            return .keyWithoutColon
        case "found unexpected end of stream":
            return .endsInsideValue
        case "did not find expected node content":
            return .valueMissing
        case "did not find expected ',' or ']'":
            return .listNotClosedHere
        case "did not find expected ',' or '}'":
            return .blockNotClosedHere
        case "did not find expected whitespace or line break", "did not find expected whitespace":
            return .spaceNeeded
        case "did not find expected comment or line break":
            return .textAfterValue
        case "found an indentation indicator equal to 0":
            return .zeroIndentation
        case "found unknown escape character":
            return .unknownEscape
        case "found invalid Unicode character escape code", "did not find expected hexdecimal number":
            return .badCharacterCode
        case "found unexpected document indicator":
            return .documentIndicator
        case "but found another document", "did not find expected <document start>":
            return .secondDocument
        case _ where problem.hasPrefix("Maximum nesting level"):
            return .nestedTooDeep
        case "found undefined tag handle", "did not find URI escaped octet", "found an incorrect leading UTF-8 octet",
             "found an incorrect trailing UTF-8 octet", "did not find expected tag URI", "did not find the expected '>'",
             "did not find expected '!'", "found unexpected non-alphabetical character":
            return .typeTag
        case _ where problem.contains("directive") || problem.contains("version number") || problem.contains("%YAML")
            || problem.contains("%TAG") || problem.hasPrefix("found incompatible YAML document")
            || problem == "did not find expected digit or '.' character":
            return .directive
        default:
            // Not in this list: say where, in plain words; libyaml's own are for programmers.
            return .cannotRead
        }
    }
}
