import AttuneCatalog
import Foundation

/// The cohort report as JSON (the ``CohortReport`` model, keys sorted, times in ISO 8601),
/// and the choice of format by a file's extension.
public enum CohortJSON {
    /// The report's JSON, kept in memory.
    public static func render(_ report: CohortReport) throws -> String {
        try CohortSink.text { try render(report, into: $0) }
    }

    /// The report's JSON written to `sink` a learner at a time (``CohortJSONRows``); `sink` is
    /// not finished. Throws what the sink throws when it cannot deliver, or an encoding error.
    public static func render<Failure: Error>(_ report: CohortReport, into sink: CohortSink<Failure>) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try CohortJSONRows.render(report, encoder: encoder, into: sink)
    }
}

/// The three forms of the report, chosen by the output file's extension.
public enum CohortFormat: String, Sendable, CaseIterable {
    case markdown, json, html

    /// The format for `path` (`.md`, `.markdown`, `.json`, `.html`, `.htm`), or nil.
    public init?(path: String) {
        switch (path as NSString).pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        default: return nil
        }
    }

    /// The report in this format; Markdown and HTML in `catalog`'s language (JSON's keys are a
    /// format, not words, and its values are the model's).
    public func render(_ report: CohortReport, catalog: any MessageCatalog = English()) throws -> String {
        try CohortSink.text { try render(report, catalog: catalog, into: $0) }
    }

    /// The report in this format written to `sink`, then `sink` finished: what delivering
    /// throws (`Failure`) or, for JSON, an encoding error.
    public func render<Failure: Error>(_ report: CohortReport, catalog: any MessageCatalog = English(),
                                       into sink: CohortSink<Failure>) throws {
        switch self {
        case .markdown: try CohortMarkdown.render(report, catalog: catalog, into: sink)
        case .json: try CohortJSON.render(report, into: sink)
        case .html: try CohortHTML.render(report, catalog: catalog, into: sink)
        }
        try sink.finish()
    }
}
