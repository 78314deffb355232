import AttuneCore
import Foundation
import Testing

private func findTool(_ name: String) -> String? {
    ["/usr/bin/", "/usr/local/bin/", "/bin/", "/usr/sbin/", "/sbin/"].map { $0 + name }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

private let debTools = ["dpkg-deb", "dpkg-shlibdeps", "lintian", "strip", "man", "ldd"]

/// `make deb` and the package as someone who installs it meets it: unpacked in a fresh
/// folder and run from there with no library path, and installed into a throwaway root by
/// dpkg when the test runs as root. A release build for every run would cost minutes, so
/// this packages the program the tests are built with (`make deb BINARY=`), which loads the
/// Swift toolchain's libraries; `make deb` itself checks that the release program loads
/// none (scripts/build-program.sh), and the README says how that build was checked.
@Suite("The Debian package as a user meets it", .serialized,
       .enabled(if: debTools.allSatisfy { findTool($0) != nil },
                "one of \(debTools.joined(separator: ", ")) is missing; `make test` installs them (scripts/install-deb-tools.sh)"),
       .enabled(if: FileManager.default.isExecutableFile(
                    atPath: attuneBinary.deletingLastPathComponent().appendingPathComponent("generate-manual").path),
                "swift-argument-parser's generate-manual is not built; `make test` builds it (swift build --product generate-manual)"))
struct DebianPackageTests {
    /// Runs `tool` (found on the usual paths) with exactly `environment`.
    static func run(_ tool: String, _ arguments: [String], input: String = "", environment: [String: String],
                    in directory: URL) throws -> ProcessResult {
        let path = tool.hasPrefix("/") ? tool : try #require(findTool(tool), "\(tool) is installed")
        return try InstallTests.run(path, arguments, input: input, environment: environment, in: directory)
    }

    @Test("make deb: the package's files in Debian's places, its version the program's, lintian without errors; unpacked, it works from there")
    func unpackedPackage() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("packages")
        let built = try InstallTests.make(["deb", "BINARY=\(attuneBinary.path)", "DEB_DIR=\(output.path)"],
                                          home: folder.appendingPathComponent("home"))
        try #require(built.status == 0, "make deb: \(built.stdout)\n\(built.stderr)")
        let version = AttuneVersion.current + "-1"
        let package = output.appendingPathComponent("attune_\(version)_amd64.deb")
        #expect(FileManager.default.fileExists(atPath: package.path), "\(built.stdout)\(built.stderr)")
        #expect(built.stderr.contains("loads the Swift toolchain's own libraries"), "the debug build is said to need the toolchain")

        // lintian ran (make deb fails on an error); each warning left is named in the README.
        #expect(built.stdout.contains("lintian \(package.path)"), "\(built.stdout)")
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let warnings = built.stdout.split(separator: "\n").filter { $0.hasPrefix("W: ") || $0.hasPrefix("E: ") }
        for line in warnings {
            let tag = line.split(separator: " ").dropFirst(2).first.map(String.init) ?? String(line)
            #expect(readme.contains("`\(tag)`"), "lintian's \(line) is explained in the README")
        }

        let plain = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"]
        // The control fields: the program's version, Depends from dpkg-shlibdeps.
        let fields = try Self.run("dpkg-deb", ["-f", package.path, "Package", "Version", "Architecture", "Depends", "Maintainer"],
                                  environment: plain, in: folder)
        #expect(fields.status == 0, "\(fields.stderr)")
        #expect(fields.stdout.contains("Package: attune\n"))
        #expect(fields.stdout.contains("Version: \(version)\n"), "\(fields.stdout)")
        for library in ["libc6", "libedit2", "libqrencode4", "libsqlite3-0"] {
            #expect(fields.stdout.contains(library + " (>="), "Depends names \(library): \(fields.stdout)")
        }

        // The files, in Debian's places, owned by root, with Debian's modes.
        let listing = try Self.run("dpkg-deb", ["-c", package.path], environment: plain, in: folder)
        #expect(listing.status == 0, "\(listing.stderr)")
        let entries = listing.stdout.split(separator: "\n").map(String.init)
        for path in ["./usr/bin/attune", "./usr/share/attune/Knowledge/tenets.yaml", "./usr/share/attune/Scenarios/maya-quiet-visit.yaml",
                     "./usr/share/doc/attune/authoring.md", "./usr/share/doc/attune/copyright", "./usr/share/doc/attune/changelog.Debian.gz",
                     "./usr/share/man/man1/attune.1.gz", "./usr/share/bash-completion/completions/attune",
                     "./usr/share/zsh/vendor-completions/_attune", "./usr/share/fish/vendor_completions.d/attune.fish"] {
            let entry = entries.first { $0.hasSuffix(" " + path) }
            #expect(entry != nil, "the package holds \(path)")
            if let entry {
                let mode = path == "./usr/bin/attune" ? "-rwxr-xr-x" : "-rw-r--r--"
                #expect(entry.hasPrefix(mode + " root/root "), "\(entry)")
            }
        }
        #expect(entries.allSatisfy { $0.contains(" root/root ") && !$0.contains("install-manifest") }, "\(entries.prefix(5))")

        // Unpacked into a fresh folder, run from another, with the library path emptied and
        // the learner's data and cache in a private home.
        let root = folder.appendingPathComponent("unpacked")
        let unpack = try Self.run("dpkg-deb", ["-x", package.path, root.path], environment: plain, in: folder)
        #expect(unpack.status == 0, "\(unpack.stderr)")
        let home = folder.appendingPathComponent("home")
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let user = plain.merging(["HOME": home.path, "LD_LIBRARY_PATH": "", "XDG_CACHE_HOME": home.appendingPathComponent("cache").path]) { $1 }
        let program = root.appendingPathComponent("usr/bin/attune").path
        try Self.checkProgram(program, root: root, environment: user, in: elsewhere)

        // The manual page reads without warnings; the bash completion is valid.
        let manual = try Self.run("man", ["-l", root.appendingPathComponent("usr/share/man/man1/attune.1.gz").path],
                                  environment: user.merging(["MANPAGER": "cat", "MANWIDTH": "80"]) { $1 }, in: elsewhere)
        #expect(manual.status == 0, "\(manual.stderr)")
        #expect(manual.stderr.isEmpty, "man -l warns: \(manual.stderr)")
        for text in ["ATTUNE(1)", "--knowledge", "--data-dir", "play", "lint"] {
            #expect(manual.stdout.contains(text), "the manual page mentions \(text)")
        }
        let completion = try Self.run("/bin/bash", ["-n", root.appendingPathComponent("usr/share/bash-completion/completions/attune").path],
                                      environment: user, in: elsewhere)
        #expect(completion.status == 0, "\(completion.stderr)")
        let copyright = try String(contentsOf: root.appendingPathComponent("usr/share/doc/attune/copyright"), encoding: .utf8)
        for licence in ["Expat", "Apache-2.0", "Runtime Library Exception", "BSD-3-clause", "LGPL-2.1+", "public domain"] {
            #expect(copyright.contains(licence), "the copyright file names \(licence)")
        }
    }

    /// The unpacked or installed program: what it loads, its version, a case played with a
    /// reflection, the journal, search, and the guides found beside its content.
    static func checkProgram(_ program: String, root: URL, environment: [String: String], in directory: URL) throws {
        let loads = try run("ldd", [program], environment: environment, in: directory)
        #expect(loads.status == 0, "\(loads.stderr)")
        #expect(!loads.stdout.contains("not found"), "every library it needs is found: \(loads.stdout)")
        #expect(!loads.stdout.contains(root.path), "it loads nothing of its own: \(loads.stdout)")
        for library in ["libedit.so", "libqrencode.so", "libsqlite3.so"] {
            #expect(loads.stdout.contains(library), "\(library) comes from Debian: \(loads.stdout)")
        }

        let version = try run(program, ["--version"], environment: environment, in: directory)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout == AttuneVersion.current + "\n", "\(version.stdout)")

        let data = directory.appendingPathComponent("data-\(UUID().uuidString)").path
        let reflection = "It's hard to wait — she \"went quiet\", and so did I 👶"
        let played = try run(program, ["play", "maya", "--data-dir", data], input: "1\nreflect \(reflection)\nquit\n",
                             environment: environment, in: directory)
        #expect(played.status == 0, "\(played.stderr)")
        #expect(played.stdout.contains("Maya, four months"), "\(played.stdout)")
        #expect(played.stdout.contains("Saved to your journal."), "\(played.stdout)")
        let journal = try run(program, ["journal", "--data-dir", data], environment: environment, in: directory)
        #expect(journal.stdout.contains(reflection), "\(journal.stdout)")

        let search = try run(program, ["search", "cortisol", "--data-dir", data], environment: environment, in: directory)
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.contains("cortisol") || search.stdout.contains("Cortisol"), "\(search.stdout)")

        // The content and the guides are the package's, found from usr/bin.
        let guides = try run(program, ["help", "format", "--data-dir", data],
                             environment: environment.merging(["COLUMNS": "200"]) { $1 }, in: directory)
        let guide = root.appendingPathComponent("usr/share/doc/attune/authoring.md").path
        #expect(guides.stdout.replacingOccurrences(of: "\\n +", with: " ", options: .regularExpression).contains(guide),
                "help format names \(guide): \(guides.stdout)")
    }

    @Test("make deb with a program that is not there says so, and writes no package")
    func missingProgram() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("packages")
        let missing = folder.appendingPathComponent("no such attune").path
        let result = try InstallTests.make(["deb", "BINARY=\(missing)", "DEB_DIR=\(output.path)"], home: folder)
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: \(missing) is not an executable program."), "\(result.stderr)")
        #expect(!result.stdout.contains("lintian"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("as root: dpkg installs the package into a throwaway root, its dependencies met here; the program works there; dpkg removes it all",
          .enabled(if: getuid() == 0, "dpkg --root needs root"))
    func installedWithDpkg() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The package as make deb builds it, without lintian this time (the test above runs it).
        let plain = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", "LANG": "C.UTF-8"]
        let built = try Self.run(packageRoot.appendingPathComponent("scripts/deb.sh").path,
                                 ["--binary", attuneBinary.path, "--output", folder.appendingPathComponent("packages").path],
                                 environment: plain.merging(["HOME": folder.path]) { $1 }, in: packageRoot)
        try #require(built.status == 0, "scripts/deb.sh: \(built.stdout)\n\(built.stderr)")
        let package = URL(fileURLWithPath: built.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(package.lastPathComponent == "attune_\(AttuneVersion.current)-1_amd64.deb", "\(built.stdout)")

        // A throwaway root whose dpkg database holds this machine's entries for the packages
        // named in Depends, so dpkg checks them against what is installed here, and nothing
        // is written to the real database.
        let depends = try Self.run("dpkg-deb", ["-f", package.path, "Depends"], environment: plain, in: folder)
        let names = depends.stdout.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names.count >= 4, "\(depends.stdout)")
        let root = folder.appendingPathComponent("root")
        let admin = root.appendingPathComponent("var/lib/dpkg")
        for sub in ["info", "updates", "triggers"] {
            try FileManager.default.createDirectory(at: admin.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        let entries = try Self.run("dpkg-query", ["--status"] + names, environment: plain, in: folder)
        #expect(entries.status == 0, "the packages in Depends are installed here: \(entries.stderr)")
        try Data(entries.stdout.utf8).write(to: admin.appendingPathComponent("status"))
        let qualified = try Self.run("dpkg-query", ["--show", "--showformat=${binary:Package}\n"] + names, environment: plain, in: folder)
        for name in qualified.stdout.split(separator: "\n") {
            _ = FileManager.default.createFile(atPath: admin.appendingPathComponent("info/\(name).list").path, contents: nil)
        }
        _ = FileManager.default.createFile(atPath: admin.appendingPathComponent("available").path, contents: nil)
        let install = try Self.run("dpkg", ["--root=\(root.path)", "--install", package.path], environment: plain, in: folder)
        try #require(install.status == 0, "dpkg --install: \(install.stdout)\n\(install.stderr)")
        #expect(install.stderr.isEmpty, "\(install.stderr)")
        let status = try Self.run("dpkg", ["--root=\(root.path)", "--status", "attune"], environment: plain, in: folder)
        #expect(status.stdout.contains("Status: install ok installed"), "\(status.stdout)")

        let home = folder.appendingPathComponent("home")
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let user = plain.merging(["HOME": home.path, "LD_LIBRARY_PATH": "", "XDG_CACHE_HOME": home.appendingPathComponent("cache").path]) { $1 }
        try Self.checkProgram(root.appendingPathComponent("usr/bin/attune").path, root: root, environment: user, in: elsewhere)

        let remove = try Self.run("dpkg", ["--root=\(root.path)", "--purge", "attune"], environment: plain, in: folder)
        #expect(remove.status == 0, "dpkg --purge: \(remove.stdout)\n\(remove.stderr)")
        let left = FileManager.default.enumerator(atPath: root.appendingPathComponent("usr").path)?.allObjects as? [String] ?? []
        #expect(left.isEmpty, "dpkg removed every file and folder it installed: \(left)")
    }
}
