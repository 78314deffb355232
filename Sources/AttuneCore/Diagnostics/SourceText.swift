/// A content file's text, split into lines so diagnostics can quote the offending line.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    private let lines: [Substring]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of line `number` (1-based) without its line ending, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if line.hasSuffix("\r") { line = line.dropLast() }
        return String(line)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public func diagnostic(
        _ severity: Severity, line: Int, column: Int, _ message: String, rule: String
    ) -> Diagnostic {
        Diagnostic(
            severity, at: location(line: line, column: column), message,
            rule: rule, sourceLine: self.line(line))
    }
}
