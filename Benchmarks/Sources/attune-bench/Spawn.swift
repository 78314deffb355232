#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// What a finished child process left behind.
struct ChildResult {
    var status: Int32
    var elapsedNanoseconds: Double
    var peakResidentBytes: Int
    var output: String
}

/// Runs a program with posix_spawn and waits for it with wait4, timing from just before the
/// spawn to the moment wait4 returns, and reading the child's own peak memory from the
/// rusage wait4 fills in.
///
/// - `input`: written to a pipe that becomes the child's stdin (closed after, so the
///   child sees end of file once it has read it).
/// - `captureOutput`: stdout goes to a pipe and is returned; otherwise to /dev/null.
///   stderr is passed through when capturing (so a failing child is visible), else /dev/null.
func runChild(_ path: String, _ arguments: [String], input: String = "", captureOutput: Bool = false,
              environment overrides: [String: String] = [:]) throws -> ChildResult {
    var inputPipe: [Int32] = [-1, -1]
    var outputPipe: [Int32] = [-1, -1]
    guard makePipe(&inputPipe) else { throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))") }
    if captureOutput, !makePipe(&outputPipe) {
        throw SpawnError(description: "pipe: \(String(cString: strerror(errno)))")
    }
    // The input is small (a few bytes), far below the pipe's buffer, so it is written
    // before the child starts and the write end closed: no reader thread needed.
    var bytes = Array(input.utf8)
    if !bytes.isEmpty {
        let written = write(inputPipe[1], &bytes, bytes.count)
        guard written == bytes.count else { throw SpawnError(description: "could not write the child's input") }
    }
    close(inputPipe[1])

    #if canImport(Glibc)
    var actions = posix_spawn_file_actions_t()
    #else
    var actions: posix_spawn_file_actions_t?
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
    if captureOutput {
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in environment { free(pointer) } }

    let clock = ContinuousClock()
    var pid: pid_t = 0
    let start = clock.now
    let spawned = posix_spawn(&pid, path, &actions, nil, argv, environment)
    close(inputPipe[0])
    if captureOutput { close(outputPipe[1]) }
    guard spawned == 0 else {
        if captureOutput { close(outputPipe[0]) }
        throw SpawnError(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
    }

    var output: [UInt8] = []
    if captureOutput {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(outputPipe[0], &buffer, buffer.count)
            if count > 0 {
                output += buffer[0..<count]
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(outputPipe[0])
    }

    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw SpawnError(description: "wait4: \(String(cString: strerror(errno)))") }
    }
    let elapsed = (clock.now - start).nanoseconds
    // Exited normally: the low 7 bits are 0 and the status is in the next byte.
    let code: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return ChildResult(
        status: code, elapsedNanoseconds: elapsed, peakResidentBytes: residentBytes(usage),
        output: String(decoding: output, as: UTF8.self))
}

/// A program's peak resident memory in bytes, measured through the `peak-rss` helper so
/// this process's own memory does not leak into the figure (Linux keeps ru_maxrss across
/// execve, and a spawned child starts on its parent's memory).
func peakResidentBytes(of program: String, _ arguments: [String], input: String, helper: String,
                       environment: [String: String] = [:]) throws -> Int {
    let result = try runChild(helper, [program] + arguments, input: input, captureOutput: true, environment: environment)
    var fields: [String: Int] = [:]
    for pair in result.output.split(whereSeparator: \.isWhitespace) {
        let parts = pair.split(separator: "=", maxSplits: 1)
        if parts.count == 2, let number = Int(parts[1]) { fields[String(parts[0])] = number }
    }
    guard result.status == 0, fields["status"] == 0, let maxrss = fields["maxrss"] else {
        throw SpawnError(description: "peak-rss \(program) failed: \(result.output)")
    }
    #if os(macOS)
    return maxrss
    #else
    return maxrss * 1024
    #endif
}

/// This process's own peak resident memory in bytes: VmHWM, the high-water mark of its
/// current address space (unlike getrusage's ru_maxrss, which on Linux includes the
/// parent's memory the process was spawned on).
func ownPeakResidentBytes() -> Int {
    #if os(Linux)
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Int($0) }
            if let kib = digits.first { return kib * 1024 }
        }
    }
    #endif
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return residentBytes(usage)
}

/// A pipe whose ends are not inherited by children (posix_spawn's dup2 clears the flag on
/// the copies it makes).
private func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
}

/// The absolute path of this executable.
func executablePath() -> String {
    #if os(Linux)
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBytes { raw in
        readlink("/proc/self/exe", raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count - 1)
    }
    if count > 0 { return String(decoding: buffer[0..<count], as: UTF8.self) }
    #endif
    return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
}
