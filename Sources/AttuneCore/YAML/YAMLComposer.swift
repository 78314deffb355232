import Foundation
import Yams

/// Turns a content file's text into a YAML node tree, reporting syntax problems as located
/// diagnostics written for authors rather than as parser errors.
public enum YAMLComposer {
    /// Deeper nesting than this is never needed in content, and the YAML reader recurses.
    public static let maximumNesting = 64

    public static func compose(_ source: SourceText) -> Result<Node, Diagnostic> {
        if let deep = tooDeep(source) { return .failure(deep) }
        do {
            // The basic resolver leaves every scalar as text: the readers decide what is a
            // number, and resolving implicit types (regular expressions per scalar) was most
            // of the cost of reading a file.
            guard let node = try Yams.compose(yaml: source.text, Resolver.basic) else {
                return .failure(source.diagnostic(
                    .error, line: 1, column: 1, "the file is empty; it needs at least its top-level fields",
                    rule: "missing-field"))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: source))
        } catch {
            return .failure(source.diagnostic(
                .error, line: 1, column: 1, "the file could not be read as YAML (\(error))", rule: "yaml-syntax"))
        }
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
                        .error, line: line, column: column,
                        "brackets are nested more than \(maximumNesting) deep here; content never needs that many",
                        rule: "yaml-syntax")
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
            let message = explain(problem: problem, context: context?.text, at: mark, in: source)
            return source.diagnostic(.error, line: mark.line, column: mark.column, message, rule: "yaml-syntax")
        case let .reader(problem, offset, _, _):
            let (line, column) = position(ofByte: offset ?? 0, in: source.text)
            return source.diagnostic(
                .error, line: line, column: column,
                "the file is not valid UTF-8 text (\(problem)); save it as UTF-8", rule: "yaml-syntax")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return source.diagnostic(
                .error, line: context.mark.line, column: context.mark.column,
                "the key \(names) appears more than once in the same block; keep one", rule: "duplicate-key")
        case .dataCouldNotBeDecoded:
            return source.diagnostic(
                .error, line: 1, column: 1, "the file is not valid UTF-8 text; save it as UTF-8", rule: "yaml-syntax")
        default:
            return source.diagnostic(
                .error, line: 1, column: 1, "the file could not be read as YAML (\(error))", rule: "yaml-syntax")
        }
    }

    /// libyaml's problems, restated with the usual cause and what to do about it.
    private static func explain(problem: String, context: String?, at mark: Mark, in source: SourceText) -> String {
        let line = source.line(mark.line) ?? ""
        let character = line.unicodeScalars.dropFirst(max(0, mark.column - 1)).first
        switch problem {
        case "found character that cannot start any token" where character == "\t":
            return "a tab character here; YAML indents with spaces only"
        case "found character that cannot start any token":
            let shown = character.map { "'\($0)'" } ?? "this character"
            return "\(shown) cannot start a value; put the text in quotes"
        case "mapping values are not allowed in this context":
            return "unexpected ':' here; if the text contains a colon, put the whole text in quotes"
        case "did not find expected key":
            return "this line does not line up with the keys above it; check its indentation"
        case "did not find expected '-' indicator":
            return "this line does not line up with the list items above it; check its indentation"
        case "found undefined alias":
            return "this alias (*name) refers to an anchor (&name) that is not defined earlier"
        case "could not find expected ':'":
            return "a key without ':' after it; write 'key: value'"
        case "found unexpected end of stream":
            return "the file ends inside an unfinished value; a quote or bracket may not be closed"
        default:
            if let context { return "\(problem) (\(context))" }
            return problem
        }
    }

    private static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}
