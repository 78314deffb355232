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
    public var message: String
    /// A stable rule id, such as `missing-field`, shown in brackets after the message.
    public var rule: String
    /// The text of the offending line, kept so the diagnostic can be shown with a caret.
    public var sourceLine: String?

    public init(
        _ severity: Severity,
        at location: SourceLocation,
        _ message: String,
        rule: String,
        sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.sourceLine = sourceLine
    }

    /// `file:line:col: severity: message [rule]`, without the source excerpt.
    public var headline: String {
        "\(location): \(severity.rawValue): \(message) [\(rule)]"
    }

    /// The headline followed by the source line and a caret under the column. A very long
    /// line is cut to a window around the column.
    public var rendered: String {
        guard let sourceLine else { return headline }
        var scalars = Array(sourceLine.unicodeScalars)
        var caret = max(0, location.column - 1)
        let window = 160
        if scalars.count > window {
            let start = max(0, min(caret - window / 2, scalars.count - window))
            let end = min(scalars.count, start + window)
            let prefix: [Unicode.Scalar] = start > 0 ? ["…"] : []
            let suffix: [Unicode.Scalar] = end < scalars.count ? ["…"] : []
            scalars = prefix + scalars[start..<end] + suffix
            caret = caret - start + prefix.count
        }
        let shown = String(String.UnicodeScalarView(scalars))
        // Keep tabs in the padding so the caret lines up under tab-indented text.
        let padding = String(String.UnicodeScalarView(scalars.prefix(caret).map { $0 == "\t" ? "\t" : " " }))
        return "\(headline)\n\(shown)\n\(padding)^"
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
}

/// "2 errors and 1 warning", for summaries a clinician reads.
public func describeCounts(errors: Int, warnings: Int) -> String {
    func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }
    switch (errors, warnings) {
    case (0, 0): return "no problems"
    case (_, 0): return plural(errors, "error")
    case (0, _): return plural(warnings, "warning")
    default: return "\(plural(errors, "error")) and \(plural(warnings, "warning"))"
    }
}
