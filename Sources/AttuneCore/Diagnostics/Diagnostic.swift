/// How serious a finding is. Errors stop content from loading; warnings do not.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    case note
}

/// A place in a source file. Lines and columns start at 1; columns count Unicode scalars,
/// as libyaml does.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// One finding about a content file: what is wrong, where, and which rule found it.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, as a typed value; a catalog (AttuneCatalog) puts it in words.
    public var message: DiagnosticMessage
    /// The rule that found it, shown in brackets after the message (`[missing-field]`).
    public var rule: RuleID
    /// The offending line, kept so the diagnostic can be shown with a caret: the whole
    /// line, or for a long line a window of `excerptWidth` characters around the column,
    /// with "…" where it was cut. Never more, so a thousand findings on one megabyte-long
    /// line do not keep a thousand copies of it.
    public var sourceLine: String?
    /// Where the column falls in `sourceLine` (0-based, in Unicode scalars).
    var caret: Int?
    /// For the note that stands for findings left out ("and 4,212 more problems in this
    /// file"): how many it stands for.
    public internal(set) var omittedCount: Int = 0

    /// The most characters of a line a diagnostic keeps.
    public static let excerptWidth = 160
    /// The most findings shown for one file; the rest are counted in one note.
    public static let perFileLimit = 200
    /// The rule of the note that counts findings left out.
    public static let omittedRule = RuleID.tooManyProblems

    public init(
        _ severity: Severity,
        at location: SourceLocation,
        _ message: DiagnosticMessage,
        rule: RuleID,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        if let sourceLine {
            let window = Self.window(sourceLine, column: location.column)
            self.sourceLine = window.text
            self.caret = window.caret
        }
    }

    /// A finding with its rule's severity.
    public init(at location: SourceLocation, _ message: DiagnosticMessage, rule: RuleID, sourceLine: String? = nil) {
        self.init(rule.severity, at: location, message, rule: rule, sourceLine: sourceLine)
    }

    /// A finding with its rule's severity and an excerpt already cut.
    init(at location: SourceLocation, _ message: DiagnosticMessage, rule: RuleID, excerpt: (text: String, caret: Int)?) {
        self.severity = rule.severity
        self.location = location
        self.message = message
        self.rule = rule
        self.sourceLine = excerpt?.text
        self.caret = excerpt?.caret
    }

    /// A window of at most `excerptWidth` characters of `line` around `column`.
    static func window(_ line: String, column: Int) -> (text: String, caret: Int) {
        let caret = max(0, column - 1)
        guard line.utf8.count > excerptWidth else { return (line, caret) }
        return SourceText(path: "", text: line).excerpt(line: 1, column: column) ?? (line, caret)
    }

    /// The source line and a caret under the column; with `width`, a line longer than that
    /// is cut to a window around the column (with "…" where it was cut), so the caret still
    /// points at the slip in a narrow window. Empty when there is no source line.
    public func excerptLines(width: Int? = nil) -> [String] {
        guard var line = sourceLine else { return [] }
        var caret = self.caret ?? max(0, location.column - 1)
        if let width, line.unicodeScalars.count > width,
           let window = SourceText(path: "", text: line).excerpt(line: 1, column: caret + 1, width: max(width - 2, 20)) {
            (line, caret) = window
        }
        // Keep tabs in the padding so the caret lines up under tab-indented text.
        let padding = String(String.UnicodeScalarView(line.unicodeScalars.prefix(caret).map { $0 == "\t" ? "\t" : " " }))
        return [TerminalText.neutralize(line), padding + "^"]
    }
}

extension Sequence where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in file, line, column order; ties keep their original order.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
    }

    public func count(of severity: Severity) -> Int { filter { $0.severity == severity }.count }

    /// In location order, at most `limit` findings per file; the rest of a file's findings
    /// (and those already counted in a note) become one note, "and 4,212 more problems in
    /// this file", placed at the first one left out.
    public func limitedPerFile(_ limit: Int = Diagnostic.perFileLimit) -> [Diagnostic] {
        var order: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in self {
            if byFile[diagnostic.location.file] == nil { order.append(diagnostic.location.file) }
            byFile[diagnostic.location.file, default: []].append(diagnostic)
        }
        var result: [Diagnostic] = []
        for file in order.sorted() {
            let all = byFile[file] ?? []
            let findings = all.filter { $0.rule != Diagnostic.omittedRule }.sortedByLocation()
            let notes = all.filter { $0.rule == Diagnostic.omittedRule }
            let omitted = Swift.max(0, findings.count - limit) + notes.reduce(0) { $0 + $1.omittedCount }
            result += findings.prefix(limit)
            if omitted > 0, let first = findings.dropFirst(limit).first ?? notes.first {
                var note = Diagnostic.omitted(omitted, at: first.location)
                (note.sourceLine, note.caret) = (first.sourceLine, first.caret)
                result.append(note)
            }
        }
        return result
    }
}

extension Diagnostic {
    /// The note that stands for `count` findings left out of a file.
    static func omitted(_ count: Int, at location: SourceLocation) -> Diagnostic {
        var note = Diagnostic(at: location, .tooManyProblems(count: count), rule: omittedRule)
        note.omittedCount = count
        return note
    }
}
