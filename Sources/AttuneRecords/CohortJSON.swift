import AttuneCatalog
import Foundation

/// The cohort report as JSON (the ``CohortReport`` model, keys sorted, times in ISO 8601),
/// and the choice of format by a file's extension.
public enum CohortJSON {
    public static func render(_ report: CohortReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try CohortJSONRows.render(report, encoder: encoder)
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
        switch self {
        case .markdown: CohortMarkdown.render(report, catalog: catalog)
        case .json: try CohortJSON.render(report)
        case .html: CohortHTML.render(report, catalog: catalog)
        }
    }
}
