import Foundation

/// The cohort report's JSON written a learner at a time: `JSONEncoder` builds a tree of the
/// whole value before it writes a byte, which for 8,000 learners took 58 MB more than the
/// text it wrote (measured: the report's peak memory 81 MB as Markdown, 139 MB as JSON). So
/// the report is encoded with its first learner only, and each learner's row is encoded on
/// its own, indented to its place and written straight into the sink where the first one
/// was: the same bytes `encoder` writes for the whole report, checked on the first two rows
/// before it is relied on (anything unexpected falls back to encoding the whole report at
/// once).
enum CohortJSONRows {
    /// The report's JSON and a line break, written to `sink` (not finished).
    static func render<Failure: Error>(_ report: CohortReport, encoder: JSONEncoder, into sink: CohortSink<Failure>) throws {
        guard report.learnerRows.count > 1, let splice = try Splice(report, encoder: encoder) else {
            try sink.write(bytes: try encoder.encode(report))
            try sink.write("\n")
            return
        }
        try sink.write(bytes: splice.head)
        for (index, row) in report.learnerRows.enumerated() {
            if index > 0 { try sink.write(bytes: splice.separator) }
            try sink.write(bytes: Splice.indented(Array(try encoder.encode(row)), by: splice.indent))
        }
        try sink.write(bytes: splice.tail)
        try sink.write("\n")
    }

    /// Where the learners' rows go in the report's text (as bytes), and what separates two of them.
    struct Splice {
        /// The text before the first row and after the last.
        var head: [UInt8]
        var tail: [UInt8]
        var separator: [UInt8]
        /// What each line of a row after its first starts with, where the rows are nested.
        var indent: [UInt8]

        /// Nil when the text is not laid out as expected (then the whole report is encoded).
        init?(_ report: CohortReport, encoder: JSONEncoder) throws {
            var first = report, two = report
            first.learnerRows = .init([report.learnerRows[0]])
            two.learnerRows = .init(Array(report.learnerRows.prefix(2)))
            let one = Array(try encoder.encode(first)), both = Array(try encoder.encode(two))
            let rows = try report.learnerRows.prefix(2).map { Array(try encoder.encode($0)) }
            for width in [4, 2, 0, 6, 8] {
                let indent = [UInt8](repeating: 0x20, count: width)
                let placed = rows.map { Self.indented($0, by: indent) }
                guard let at = Self.only(placed[0], in: one) else { continue }
                let head = Array(one[..<at]), tail = Array(one[(at + placed[0].count)...])
                let start = head + placed[0], end = placed[1] + tail
                guard both.count >= start.count + end.count, both.starts(with: start), both.reversed().starts(with: end.reversed())
                else { continue }
                self.head = head
                self.tail = tail
                separator = Array(both[start.count..<(both.count - end.count)])
                self.indent = indent
                return
            }
            return nil
        }

        /// `row` with `indent` after each line break (a JSON text has none inside its strings).
        static func indented(_ row: [UInt8], by indent: [UInt8]) -> [UInt8] {
            guard !indent.isEmpty else { return row }
            var out: [UInt8] = []
            out.reserveCapacity(row.count + row.count / 8)
            for byte in row {
                out.append(byte)
                if byte == 0x0A { out += indent }
            }
            return out
        }

        /// Where `part` starts in `text`, if it occurs there exactly once.
        private static func only(_ part: [UInt8], in text: [UInt8]) -> Int? {
            guard !part.isEmpty, part.count <= text.count else { return nil }
            var found: Int?
            for start in 0...(text.count - part.count) where text[start] == part[0] && text[start..<(start + part.count)].elementsEqual(part) {
                if found != nil { return nil }
                found = start
            }
            return found
        }
    }
}
