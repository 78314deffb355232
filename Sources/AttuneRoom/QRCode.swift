import CQREncode

/// A QR code of the join link, drawn for the terminal with half-block characters (two
/// modules a character cell, with the quiet zone the standard asks for). Encoding is
/// Debian's libqrencode.
public enum QRCode {
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

    /// Terminal text: dark modules as ink on a light background would invert on a dark
    /// terminal, so light modules are drawn as blocks (scanners read both).
    public static func blockText(for text: String, quietZone: Int = 2) -> String? {
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
                let top = !dark(x, y), bottom = y + 1 < size ? !dark(x, y + 1) : false
                line += top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " "
            }
            lines.append(line)
            y += 2
        }
        return lines.joined(separator: "\n")
    }
}
