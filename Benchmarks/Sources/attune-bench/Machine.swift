#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One line describing where the numbers were taken: architecture, CPUs, memory, Swift.
func machineDescription() -> String {
    var system = utsname()
    uname(&system)
    let machine = withUnsafeBytes(of: &system.machine) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    var parts = ["machine: \(machine)"]
    var cpus = "\(ProcessInfo.processInfo.activeProcessorCount) CPUs"
    if let model = cpuModel() { cpus += " (\(model))" }
    parts.append(cpus)
    parts.append("\(Format.fixed(Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824, 1)) GiB RAM")
    parts.append(swiftVersion())
    return parts.joined(separator: ", ")
}

private func cpuModel() -> String? {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("model name") {
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    return nil
}

/// The first line of `swift --version` (the toolchain on PATH, which `make bench` built with).
private func swiftVersion() -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/swift"
        guard access(candidate, X_OK) == 0,
              let result = try? runChild(candidate, ["--version"], captureOutput: true), result.status == 0,
              let first = result.output.split(separator: "\n").first(where: { $0.contains("Swift version") })
        else { continue }
        return first.trimmingCharacters(in: .whitespaces)
    }
    return "Swift version unknown (no swift on PATH)"
}
