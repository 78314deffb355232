import ArgumentParser
import AttuneCore
import Foundation

/// `attune cache status` and `attune cache clear`: the compiled copy of the content that
/// makes later starts fast. Nothing in it is personal; clearing it loses nothing.
struct CacheCommand: ParsableCommand {
    static let configuration = CommandTable.configuration(
        "cache", subcommands: [CacheStatusCommand.self, CacheClearCommand.self],
        defaultSubcommand: CacheStatusCommand.self)
}

struct CacheStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Say where the compiled content is kept and how large it is.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let cache = try cacheLocation(context)
        let status = cache.status()
        let shown = TerminalText.neutralize(cache.directory, keepingLineBreaks: false)
        context.output.write(status.files == 0
            ? "The compiled content is kept in \(shown); it is empty now, and is made on the next start.\n"
            : "The compiled content is kept in \(shown): \(Self.describe(status))\n")
        if options.noCache {
            context.output.write("With --no-cache, Attune reads the content files afresh and leaves this folder alone.\n")
        }
    }
}

extension CacheStatusCommand {
    /// What the cache holds, in words: its size, and whose it is when copies of Attune other
    /// than this one (an installed one and one built from the source, say) share the folder.
    static func describe(_ status: ContentCache.Status) -> String {
        let bytes = status.bytes
        let size = bytes < 1024 * 1024 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
        let amount = "\(status.files) file\(status.files == 1 ? "" : "s"), \(size)"
        let clear = "'attune cache clear' removes them; the next start makes them again from the content files."
        if status.builds == 1, status.includesThisBuild { return "\(amount), for this copy of Attune. \(clear)" }
        let example = "(an installed copy and one built from the source, say)"
        let whose = switch (status.builds, status.includesThisBuild) {
        case (2, true): "for 2 copies of Attune that share this folder \(example): this one and another"
        case let (count, true): "for \(count) copies of Attune that share this folder \(example): this one and \(count - 1) others"
        case (1, _): "for another copy of Attune that shares this folder \(example); this one makes its own on its next start"
        case let (count, _):
            "for \(count) other copies of Attune that share this folder \(example); this one makes its own on its next start"
        }
        return "\(amount), \(whose). Each copy keeps its own, so each starts quickly; a copy not started for "
            + "\(ContentCache.unusedDays) days loses its files, and only the \(ContentCache.keptBuilds) copies started most "
            + "recently keep theirs. 'attune cache clear' removes them all; the next start makes them again from the content files."
    }
}

struct CacheClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Remove the compiled content; the next start reads the content files afresh.")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let cache = try cacheLocation(context)
        let shown = TerminalText.neutralize(cache.directory, keepingLineBreaks: false)
        if cache.isLink {
            context.output.writeError(context.style.error("error:") + " the cache folder \(shown) is a link to another folder, "
                + "so Attune does not use it and removed nothing (clearing it would delete files in the folder it leads to). "
                + "Remove the link yourself if you do not need it; Attune then makes a folder of its own.\n")
            throw ExitCode(1)
        }
        let removed = cache.clear()
        context.output.write(removed == 0
            ? "There was no compiled content to remove in \(shown).\n"
            : "Removed the compiled content from \(shown) (\(removed) file\(removed == 1 ? "" : "s")). "
                + "The next start reads the content files afresh.\n")
    }
}

/// The cache folder this run would use, whatever --no-cache says; status 1 (with a
/// message) when neither XDG_CACHE_HOME nor HOME gives one.
private func cacheLocation(_ context: RunContext) throws -> ContentCache {
    guard let directory = ContentCache.defaultDirectory(environment: context.environment) else {
        context.output.writeError(context.style.error("error:")
            + " there is no cache folder: Attune cannot tell where your home folder is (HOME is not set, or is not a full path), so it "
            + "reads the content files afresh each time. Nothing is lost.\n")
        throw ExitCode(1)
    }
    return ContentCache(directory: directory, version: ContentCache.buildVersion())
}
