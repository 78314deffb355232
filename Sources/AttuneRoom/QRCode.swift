import CQREncode

/// A QR code of the join link: for the terminal with half-block characters (two modules a
/// character cell), and as SVG for the room screen. Encoding is Debian's libqrencode.
public enum QRCode {
    /// The quiet zone the standard asks for, in modules, on every side.
    public static let quietZone = 4

    /// The code's dark modules, row by row; nil if the text cannot be encoded.
    public static func modules(for text: String) -> [[Bool]]? {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        var rows: [[Bool]] = []
        for y in 0..<width {
            rows.append((0..<width).map { x in code.pointee.data[y * width + x] & 1 == 1 })
        }
        return rows
    }

    /// Black on white whatever the terminal's theme: SGR 30 (black ink) on 107 (bright
    /// white), set at the start of every line and reset at its end.
    public static let forcedColours = "\u{1B}[30;107m"
    public static let resetColours = "\u{1B}[0m"

    /// Terminal text with the quiet zone. With `colours` (the default) each line forces black
    /// ink on a white ground, and dark modules are drawn as ink, so the code reads the same on
    /// dark and light themes. Without colours (a terminal that shows none), light modules are
    /// drawn as blocks, which suits the usual light-on-dark terminal.
    public static func blockText(for text: String, quietZone: Int = QRCode.quietZone, colours: Bool = true) -> String? {
        guard let modules = modules(for: text) else { return nil }
        let size = modules.count + quietZone * 2
        func dark(_ x: Int, _ y: Int) -> Bool {
            let (mx, my) = (x - quietZone, y - quietZone)
            guard my >= 0, my < modules.count, mx >= 0, mx < modules.count else { return false }
            return modules[my][mx]
        }
        var lines: [String] = []
        var y = 0
        while y < size {
            var line = ""
            for x in 0..<size {
                // With forced colours the ink is the dark module; without, the light one.
                let top = dark(x, y) == colours
                let bottom = y + 1 < size ? dark(x, y + 1) == colours : false
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(colours ? forcedColours + line + resetColours : line)
            y += 2
        }
        return lines.joined(separator: "\n")
    }

    /// An SVG of the code: black modules on white, the quiet zone included, one unit a module,
    /// with crisp edges so it scales sharply on a projector. `label`: what a screen reader says
    /// for it, in the reader's language (already fit for an XML attribute).
    public static func svg(for text: String, label: String, quietZone: Int = QRCode.quietZone) -> String? {
        guard let modules = modules(for: text) else { return nil }
        let size = modules.count + quietZone * 2
        var path = ""
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else { x += 1; continue }
                var run = 1
                while x + run < row.count, row[x + run] { run += 1 }
                path += "M\(x + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" shape-rendering="crispEdges" \
            role="img" aria-label="\(label)">\
            <rect width="\(size)" height="\(size)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }
}
