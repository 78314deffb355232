import Foundation

/// Why the report could not be made (a file that cannot be read, an LRS that misbehaves),
/// in words for the trainer: what happened and what to do.
public struct CohortReadError: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Reads learners' exported statement files (`attune export xapi FILE`: one JSON statement
/// per line) into a ``CohortTally``, a line at a time, so a file of any size takes only a
/// line's memory. Each file is read twice: first only for voiding statements, so that a
/// statement voided later in the same file, or in another, is never counted.
public enum CohortFiles {
    /// The longest line read; a longer one is skipped as not a statement.
    public static let maximumLineBytes = 4 << 20

    public static func read(_ paths: [String], into tally: inout CohortTally) throws(CohortReadError) {
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
    static func eachLine(of path: String, _ body: (Data) -> Void) throws(CohortReadError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CohortReadError(description: "There is no file at \(path). Check the name, or give the folder it is in.")
        }
        guard !isDirectory.boolValue else {
            throw CohortReadError(description: "\(path) is a folder. Give the learners' exported files themselves "
                + "(for example \(path)/*.jsonl).")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CohortReadError(description: "\(path) could not be opened (permission denied?). Check that you can read it.")
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
                throw CohortReadError(description: "\(path) could not be read to the end (\(error.localizedDescription)).")
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
