import ArgumentParser
import AttuneCatalog
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
        commandName: "status", abstract: CommandLineLanguage.help(.cacheStatusAbstract))

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let cache = try cacheLocation(context)
        let status = cache.status()
        let shown = TerminalText.neutralize(cache.directory, keepingLineBreaks: false)
        context.output.write(context.catalog.tools(.cache(status.files == 0 ? .empty(folder: shown)
            : .holds(folder: shown, Self.contents(status)))) + "\n")
        if options.noCache {
            context.output.write(context.catalog.tools(.cache(.noCacheNote)) + "\n")
        }
    }
}

extension CacheStatusCommand {
    /// What the cache holds, for the catalog to put in words: its size, and whose it is when
    /// copies of Attune other than this one (an installed one and one built from the source,
    /// say) share the folder.
    static func contents(_ status: ContentCache.Status) -> ToolText.CacheContents {
        ToolText.CacheContents(files: status.files, bytes: Int(status.bytes), builds: status.builds,
                               includesThisBuild: status.includesThisBuild, unusedDays: ContentCache.unusedDays,
                               keptBuilds: ContentCache.keptBuilds)
    }
}

struct CacheClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: CommandLineLanguage.help(.cacheClearAbstract))

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let cache = try cacheLocation(context)
        let shown = TerminalText.neutralize(cache.directory, keepingLineBreaks: false)
        if cache.isLink {
            context.output.writeError(context.style.error(context.catalog.severity(.error) + ":") + " "
                + context.catalog.tools(.cache(.isLink(folder: shown))) + "\n")
            throw ExitCode(1)
        }
        let removed = cache.clear()
        context.output.write(context.catalog.tools(.cache(removed == 0 ? .nothingToRemove(folder: shown)
            : .removed(folder: shown, files: removed))) + "\n")
    }
}

/// The cache folder this run would use, whatever --no-cache says; status 1 (with a
/// message) when neither XDG_CACHE_HOME nor HOME gives one.
private func cacheLocation(_ context: RunContext) throws -> ContentCache {
    guard let directory = ContentCache.defaultDirectory(environment: context.environment) else {
        context.output.writeError(context.style.error(context.catalog.severity(.error) + ":") + " "
            + context.catalog.tools(.cache(.noFolder)) + "\n")
        throw ExitCode(1)
    }
    return ContentCache(directory: directory, version: ContentCache.buildVersion())
}
