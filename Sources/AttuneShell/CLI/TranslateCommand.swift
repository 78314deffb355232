import AttuneCatalog
import ArgumentParser
import AttuneCore
import Foundation

/// `attune translate extract FILE --lang es` and `attune translate status`: starting a
/// translation beside its English file, and how far each one has got (docs/translating.md).
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandTable.configuration(
        "translate", subcommands: [TranslateExtractCommand.self, TranslateStatusCommand.self])
}

struct TranslateExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract", abstract: CommandLineLanguage.help(.extractAbstract),
        discussion: CommandLineLanguage.help(.extractDiscussion))

    @Argument(help: ArgumentHelp(CommandLineLanguage.help(.extractFile), valueName: CommandLineLanguage.value(.file)))
    var file: String

    @Option(help: ArgumentHelp(CommandLineLanguage.help(.extractOutput), valueName: CommandLineLanguage.value(.file)))
    var output: String?

    @Flag(help: ArgumentHelp(CommandLineLanguage.help(.extractForce)))
    var force = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let catalog = context.catalog
        func fail(_ text: TranslateText.Extract, status: Int32 = 2) -> ExitCode {
            context.output.writeError(context.style.error(catalog.severity(.error) + ":") + " " + catalog.translate(.extract(text)) + "\n")
            return ExitCode(status)
        }
        let language = Language.resolve(option: options.lang, environment: context.environment) ?? .english
        guard language != .english else { throw fail(.needsLanguage) }
        let shown = TerminalText.neutralize(file, keepingLineBreaks: false)
        if let source = TranslationName.sourcePath(of: file) {
            throw fail(.isTranslation(path: shown, source: TerminalText.neutralize(source, keepingLineBreaks: false)))
        }
        guard ContentFiles.entryExists(file) else {
            context.output.writeError(context.style.error(catalog.severity(.error) + ":") + " "
                + catalog.transfer(.cannotOpenFile(path: shown)) + "\n")
            throw ExitCode(2)
        }
        let renderer = AuthoringRenderer(style: context.style, catalog: catalog)
        let source: SourceText
        switch ContentFiles.read(file) {
        case let .success(text): source = text
        case let .failure(finding):
            context.output.writeFindings([finding], renderer: renderer)
            throw ExitCode(2)
        }
        let knowledge = EnglishSource.isCase(source) ? ((try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty) : .empty
        let english: EnglishSource
        switch EnglishSource.read(source, knowledge: knowledge) {
        case let .success(read): english = read
        case let .failure(problems):
            context.output.writeFindings(problems.findings, renderer: renderer)
            throw fail(.sourceHasErrors(path: shown), status: 1)
        }
        let beside = TranslationName.path(of: file, language: language.rawValue)
        let target = output ?? beside
        let shownTarget = TerminalText.neutralize(target, keepingLineBreaks: false)
        if ContentFiles.entryExists(target), !force { throw fail(.exists(path: shownTarget)) }
        // An earlier translation's texts are kept (read from beside the English file).
        var existing: TranslationFile?
        if ContentFiles.entryExists(beside), case let .success(text) = ContentFiles.read(beside) {
            let parsed = TranslationParser.parse(text, kind: english.kind)
            existing = parsed.file
            if parsed.diagnostics.hasErrors {
                context.output.writeFindings(parsed.diagnostics, renderer: renderer)
                context.output.writeError(catalog.translate(.extract(.existingHasErrors(
                    path: TerminalText.neutralize(beside, keepingLineBreaks: false)))) + "\n")
            }
        }
        let comments = TranslationSkeleton.Comments(
            header: catalog.translate(.extract(.header(language: language, file: TranslationName.fileName(file)))),
            stale: { catalog.translate(.extract(.staleNote(current: $0))) })
        let text = english.skeleton(language: language.rawValue, existing: existing, comments: comments)
        do {
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        } catch {
            throw fail(.cannotWrite(path: shownTarget))
        }
        let check = english.check(existing)
        context.output.write(catalog.translate(.extract(.wrote(
            path: shownTarget, texts: check.total, translated: check.count(.translated), stale: check.count(.stale)))) + "\n")
        // The command is copied whole: on a line of its own, never wrapped.
        context.output.writePreformatted("  attune lint \(NewCommand.shellQuoted(target))\n")
    }
}

struct TranslateStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: CommandLineLanguage.help(.statusAbstract),
        discussion: CommandLineLanguage.help(.statusDiscussion))

    @Argument(help: ArgumentHelp(CommandLineLanguage.help(.statusPaths), valueName: CommandLineLanguage.value(.paths)))
    var paths: [String] = []

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = RunContext(options: options)
        let catalog = context.catalog
        // --lang es counts Spanish only; otherwise every language Attune speaks besides English.
        let chosen = options.lang.flatMap(Language.init(tag:)).flatMap { $0 == .english ? nil : [$0] }
        let languages = chosen ?? Language.allCases.filter { $0 != .english }
        let targets = paths.isEmpty ? [context.paths.knowledge, context.paths.scenarios].filter(ContentFiles.entryExists) : paths
        let listing: ContentListing
        do {
            listing = try ContentFiles.list(targets)
        } catch {
            context.output.writeError(context.style.error(catalog.severity(.error) + ":") + " "
                + catalog.tools(.author(.cannotOpenPath(path: error.displayPath, reason: error.problem))) + "\n")
            throw ExitCode(2)
        }
        let knowledge = (try? KnowledgeLoader.load(directory: context.paths.knowledge).base) ?? .empty
        let status = TranslationStatus.measure(listing: listing, languages: languages.map(\.rawValue), knowledge: knowledge)
        guard !status.files.isEmpty else {
            context.output.write(catalog.translate(.status(.nothing)) + "\n")
            return
        }
        var lines: [String] = []
        for file in status.files {
            let name = TerminalText.neutralize(file.name, keepingLineBreaks: false)
            let language = Language(tag: file.language) ?? .spanish
            switch file.counts {
            case let .counted(check, present):
                lines.append(present
                    ? catalog.translate(.status(.file(name: name, language: language, translated: check.translated,
                                                      stale: check.stale, untranslated: check.untranslated, percent: check.percent)))
                    : catalog.translate(.status(.none(name: name, language: language, texts: check.total))))
            case .unchecked:
                lines.append(catalog.translate(.status(.unchecked(name: name))))
            }
        }
        let total = status.total
        lines.append(catalog.translate(.status(.total(files: status.files.count, translated: total.translated, stale: total.stale,
                                                      untranslated: total.untranslated, percent: total.percent))))
        if total.stale + total.untranslated > 0 { lines.append(catalog.translate(.status(.hint))) }
        context.output.write(lines.joined(separator: "\n") + "\n")
    }
}
