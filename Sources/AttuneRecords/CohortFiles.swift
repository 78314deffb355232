import AttuneCatalog
import Foundation

/// Why a learner's exported file could not be read: `catalog.cohort(.file(error.text))` says
/// what happened and what to do.
public struct CohortFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: CohortText.File

    /// In English, for logs and test output.
    public var description: String { English().cohort(.file(text)) }
}

/// Reads learners' exported statement files (`attune export xapi FILE`: one JSON statement
/// per line) into a ``CohortTally``, a line at a time, so a file of any size takes only a
/// line's memory. Each file is read twice: first only for voiding statements, so that a
/// statement voided later in the same file, or in another, is never counted.
public enum CohortFiles {
    /// The longest line read; a longer one is skipped as not a statement.
    public static let maximumLineBytes = 4 << 20

    public static func read(_ paths: [String], into tally: inout CohortTally) throws(CohortFileError) {
        let decoder = JSONDecoder()
        for path in paths {
            try eachLine(of: path) { line in
                // Only a line that names the verb can void anything: the rest are not decoded twice.
                guard line.range(of: Data("verbs/voided".utf8)) != nil else { return }
                for statement in statements(in: line, decoder: decoder) {
                    if let target = CohortTally.voidedTarget(of: statement) { tally.voided.insert(target) }
                }
            }
        }
        for path in paths {
            try eachLine(of: path) { line in
                for statement in statements(in: line, decoder: decoder) { tally.add(raw: statement) }
            }
        }
    }

    /// The statement on a line (or each of a JSON array of them); nil for what is not a statement.
    private static func statements(in line: Data, decoder: JSONDecoder) -> [CohortRawStatement?] {
        if let one = try? decoder.decode(LenientStatement.self, from: line) { return [one.statement] }
        if let many = try? decoder.decode([LenientStatement].self, from: line) { return many.map(\.statement) }
        return [nil]
    }

    /// Calls `body` with each line of the file that is not blank (without its line break); a
    /// line longer than ``maximumLineBytes`` is passed as an empty line (not JSON).
    static func eachLine(of path: String, _ body: (Data) -> Void) throws(CohortFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CohortFileError(text: .missing(path: path))
        }
        guard !isDirectory.boolValue else {
            throw CohortFileError(text: .folder(path: path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CohortFileError(text: .cannotOpen(path: path))
        }
        defer { try? handle.close() }
        var buffer = Data()
        var overlong = false
        func emit(_ line: Data) {
            var line = line
            if line.last == 0x0D { line.removeLast() }
            if overlong {
                overlong = false
                body(Data())
                return
            }
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { body(line) }
        }
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw CohortFileError(text: .cannotFinish(path: path, reason: error.localizedDescription))
            }
            if chunk.isEmpty { break }
            buffer.append(chunk)
            var start = buffer.startIndex
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                emit(buffer[start..<newline])
                start = buffer.index(after: newline)
            }
            buffer = Data(buffer[start...])
            if buffer.count > maximumLineBytes {
                overlong = true
                buffer = Data()
            }
        }
        if !buffer.isEmpty || overlong { emit(buffer) }
    }
}
