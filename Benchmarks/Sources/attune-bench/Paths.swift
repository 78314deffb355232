import Foundation

/// Where the content and the executables under test are.
struct BenchPaths {
    /// The repository root: holds Knowledge/ and Scenarios/.
    var root: String
    var knowledge: String { root + "/Knowledge" }
    var scenarios: String { root + "/Scenarios" }
    /// This executable, run again for the per-size child processes.
    var bench: String
    /// The release `attune` and `hello-exit`, built next to this executable.
    var attune: String
    var helloExit: String
    /// The small C helper that reports a program's peak memory.
    var peakRSS: String

    static func locate(root explicit: String?) throws -> BenchPaths {
        let bench = executablePath()
        let folder = (bench as NSString).deletingLastPathComponent
        let root: String
        if let explicit {
            root = URL(fileURLWithPath: explicit).standardizedFileURL.path
        } else {
            // Walk up from .../Benchmarks/.build/<triple>/release to the folder with Knowledge/.
            var candidate = folder
            while !isFolder(candidate + "/Knowledge") {
                let parent = (candidate as NSString).deletingLastPathComponent
                guard parent != candidate else {
                    throw SpawnError(description: "cannot find a folder holding Knowledge/ above \(folder); pass --root DIR")
                }
                candidate = parent
            }
            root = candidate
        }
        let paths = BenchPaths(root: root, bench: bench, attune: folder + "/attune", helloExit: folder + "/hello-exit",
                               peakRSS: folder + "/peak-rss")
        for (name, path) in [("Knowledge/", paths.knowledge), ("Scenarios/", paths.scenarios)] where !isFolder(path) {
            throw SpawnError(description: "no \(name) at \(path)")
        }
        return paths
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
