/// A content file's text, with where each line starts, so diagnostics can quote the
/// offending line (or a window of it) without copying the file.
///
/// Lines break where libyaml breaks them (line feed, carriage return, CR LF, U+0085,
/// U+2028, U+2029), so the line and column of every YAML mark point at the same text here.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// The UTF-8 offset at which each line starts.
    private let starts: [Int]
    /// The UTF-8 length of each line's break (0 for the last line).
    private let breaks: [UInt8]
    /// For long lines only: the UTF-8 offset of every `checkpointSpacing`-th scalar, so a
    /// window far along a megabyte-long line is found without walking the whole line.
    private let checkpoints: [Int: [Int]]
    private static let checkpointSpacing = 1024

    public init(path: String, text: String) {
        self.path = path
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var starts = [0], breaks: [UInt8] = []
        var checkpoints: [Int: [Int]] = [:]
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var pending: [Int] = []
            var scalarsInLine = 0
            var index = 0
            let count = bytes.count
            func endLine(_ length: Int) {
                if !pending.isEmpty { checkpoints[starts.count - 1] = pending }
                pending = []
                scalarsInLine = 0
                breaks.append(UInt8(length))
                starts.append(index + length)
            }
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A {
                        endLine(1)
                        index += 1
                        continue
                    }
                    if byte == 0x0D {
                        let length = index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                        endLine(length)
                        index += length
                        continue
                    }
                } else if byte == 0xC2, index + 1 < count, bytes[index + 1] == 0x85 {
                    endLine(2)
                    index += 2
                    continue
                } else if byte == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    endLine(3)
                    index += 3
                    continue
                } else if byte & 0xC0 == 0x80 {
                    index += 1
                    continue
                }
                if scalarsInLine > 0, scalarsInLine % Self.checkpointSpacing == 0 { pending.append(index) }
                scalarsInLine += 1
                index += 1
            }
            if !pending.isEmpty { checkpoints[starts.count - 1] = pending }
        }
        breaks.append(0)
        self.starts = starts
        self.breaks = breaks
        self.checkpoints = checkpoints
    }

    /// The number of lines (a final line break starts one more, empty line).
    public var lineCount: Int { starts.count }

    private func bounds(_ number: Int) -> Range<Int>? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        let end = number < starts.count ? starts[number] - Int(breaks[number - 1]) : text.utf8.count
        return start..<end
    }

    private func slice(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return text[lower..<upper]
    }

    /// The text of line `number` (1-based) without its line break, or nil past the end.
    public func line(_ number: Int) -> String? {
        bounds(number).map { String(slice($0)) }
    }

    /// At most `width` characters of line `number` around `column`, with "…" where the line
    /// was cut, and where the column falls in it (0-based, in Unicode scalars). Costs about
    /// `width` steps however long the line is.
    public func excerpt(line number: Int, column: Int, width: Int = Diagnostic.excerptWidth) -> (text: String, caret: Int)? {
        guard let range = bounds(number) else { return nil }
        if range.count <= width {
            return (String(slice(range)), max(0, column - 1))
        }
        return text.utf8.withContiguousStorageIfAvailable { bytes -> (text: String, caret: Int) in
            func isScalarStart(_ offset: Int) -> Bool { bytes[offset] & 0xC0 != 0x80 }
            /// The offset `count` scalars after `offset`, stopping at the line's end; and how many were walked.
            func forward(_ offset: Int, _ count: Int) -> (Int, Int) {
                var offset = offset, walked = 0
                while walked < count, offset < range.upperBound {
                    offset += 1
                    while offset < range.upperBound, !isScalarStart(offset) { offset += 1 }
                    walked += 1
                }
                return (offset, walked)
            }
            func backward(_ offset: Int, _ count: Int) -> (Int, Int) {
                var offset = offset, walked = 0
                while walked < count, offset > range.lowerBound {
                    offset -= 1
                    while offset > range.lowerBound, !isScalarStart(offset) { offset -= 1 }
                    walked += 1
                }
                return (offset, walked)
            }
            let target = max(0, column - 1)
            // The scalar at `target`, from the nearest checkpoint before it.
            var base = range.lowerBound, baseScalar = 0
            if let marks = checkpoints[number - 1], target >= Self.checkpointSpacing {
                let slot = min(marks.count, target / Self.checkpointSpacing)
                base = marks[slot - 1]
                baseScalar = slot * Self.checkpointSpacing
            }
            let (caretOffset, _) = forward(base, target - baseScalar)
            var (start, before) = backward(caretOffset, width / 2)
            let (end, after) = forward(caretOffset, width - before)
            if before + after < width {
                let (earlier, more) = backward(start, width - before - after)
                start = earlier
                before += more
            }
            let prefix = start > range.lowerBound ? "…" : ""
            let suffix = end < range.upperBound ? "…" : ""
            let shown = prefix + String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) + suffix
            return (shown, before + (prefix.isEmpty ? 0 : 1))
        } ?? (String(slice(range).prefix(width)), min(width, max(0, column - 1)))
    }

    /// The line and column (1-based; columns in Unicode scalars) of a UTF-8 offset.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, text.utf8.count))
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let lineStart = starts[low]
        var column = 1
        for byte in text.utf8.dropFirst(lineStart).prefix(offset - lineStart) where byte & 0xC0 != 0x80 {
            column += 1
        }
        return (low + 1, column)
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// A finding of `rule` at a place in this file, quoting its line; the severity is the rule's.
    public func diagnostic(line: Int, column: Int, _ message: DiagnosticMessage, rule: RuleID) -> Diagnostic {
        Diagnostic(at: location(line: line, column: column), message, rule: rule,
                   excerpt: excerpt(line: line, column: column))
    }
}
