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
        let (files, bytes) = cache.status()
        let size = bytes < 1024 * 1024 ? "\(max(1, (bytes + 1023) / 1024)) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
        let shown = TerminalText.neutralize(cache.directory, keepingLineBreaks: false)
        context.output.write(files == 0
            ? "The compiled content is kept in \(shown); it is empty now, and is made on the next start.\n"
            : "The compiled content is kept in \(shown): \(files) files, \(size). 'attune cache clear' removes them; "
                + "the next start makes them again from the content files.\n")
        if options.noCache {
            context.output.write("With --no-cache, Attune reads the content files afresh and leaves this folder alone.\n")
        }
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
    return ContentCache(directory: directory)
}
