#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timings in nanoseconds, with the statistics the tables print.
struct Timings: Codable, Sendable {
    var nanoseconds: [Double]

    var count: Int { nanoseconds.count }
    var median: Double { percentile(50) }
    var p95: Double { percentile(95) }

    /// Nearest-rank percentile; the median of an even count is the mean of the middle two.
    func percentile(_ p: Double) -> Double {
        let sorted = nanoseconds.sorted()
        guard !sorted.isEmpty else { return .nan }
        if p == 50 {
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

extension Duration {
    var nanoseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1e9 + Double(parts.attoseconds) / 1e9
    }
}

/// Runs `body` `repetitions` times (after `warmup` untimed runs) and returns each run's
/// time; the last run's result is returned too, so the work cannot be optimised away and
/// the caller can report on it.
func measure<T>(repetitions: Int, warmup: Int = 0, _ body: () throws -> T) rethrows -> (Timings, T) {
    let clock = ContinuousClock()
    for _ in 0..<warmup { blackHole(try body()) }
    var times: [Double] = []
    var last: T?
    for _ in 0..<max(1, repetitions) {
        let start = clock.now
        let value = try body()
        times.append((clock.now - start).nanoseconds)
        blackHole(value)
        last = value
    }
    return (Timings(nanoseconds: times), last!)
}

/// Keeps a value alive and opaque to the optimiser.
@inline(never)
@_optimize(none)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// A process's peak resident set from its rusage, in bytes (Linux reports kilobytes, macOS bytes).
func residentBytes(_ usage: rusage) -> Int {
    #if os(macOS)
    return Int(usage.ru_maxrss)
    #else
    return Int(usage.ru_maxrss) * 1024
    #endif
}

// MARK: Formatting

enum Format {
    /// Thousands separators: 1,152,921.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = Int(rounded / scale)
        let fraction = Int(rounded - Double(whole) * scale)
        var text = (value < 0 && rounded != 0 ? "-" : "") + grouped(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// Milliseconds with precision that suits the size: 0.042, 3.51, 1,234.
    static func ms(_ nanoseconds: Double) -> String {
        let ms = nanoseconds / 1e6
        if ms < 1 { return fixed(ms, 3) }
        if ms < 100 { return fixed(ms, 2) }
        return fixed(ms, 0)
    }

    static func us(_ nanoseconds: Double) -> String {
        let us = nanoseconds / 1e3
        return us < 100 ? fixed(us, 1) : fixed(us, 0)
    }

    static func mib(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) }

    static func ratio(_ value: Double) -> String { fixed(value, value < 10 ? 2 : 1) + "x" }
}

/// A plain-text table: a title, a header row, aligned columns (text left, numbers right).
struct Table {
    enum Alignment { case left, right }

    var title: String
    var columns: [(name: String, alignment: Alignment)]
    var rows: [[String]] = []
    var notes: [String] = []

    init(_ title: String, _ columns: [(String, Alignment)]) {
        self.title = title
        self.columns = columns.map { (name: $0.0, alignment: $0.1) }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var widths = columns.map(\.name.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .left ? cell + pad : pad + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [title, String(repeating: "=", count: title.count), line(columns.map(\.name))]
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        out += notes.map { "  " + $0 }
        return out.joined(separator: "\n") + "\n"
    }
}
