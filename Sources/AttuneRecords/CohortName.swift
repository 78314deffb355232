import AttuneCatalog
import Foundation

/// A cohort's name, as learners type it after `--cohort` and trainers after `cohort report
/// --cohort`: it becomes part of an activity id (`urn:attune:cohort:NAME`) that an LRS
/// matches exactly, so it is kept to characters that mean the same everywhere.
public enum CohortName {
    /// The longest name accepted.
    public static let maximumLength = 64

    /// `name`, trimmed, when it can name a cohort; else why not (``CohortNameError/text`` says
    /// what to type).
    public static func check(_ name: String) -> Result<String, CohortNameError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(CohortNameError(text: .empty)) }
        guard trimmed.count <= maximumLength else {
            return .failure(CohortNameError(text: .tooLong(length: trimmed.count, maximum: maximumLength)))
        }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
        guard allowed, let first = trimmed.unicodeScalars.first, first != "-", first != ".", first != "_" else {
            return .failure(CohortNameError(text: .notAllowed(shown: LRSText.excerpt(trimmed, limit: 40))))
        }
        return .success(trimmed)
    }
}

/// Why a cohort name cannot be used: `catalog.cohort(.name(error.text))` says it to the
/// person who typed it, in their language.
public struct CohortNameError: Error, Sendable, Equatable, CustomStringConvertible {
    public let text: CohortText.Name

    /// In English, for logs and test output.
    public var description: String { English().cohort(.name(text)) }
}

/// The dates a trainer types after `--since` and `--until`.
public enum CohortDate {
    /// `2027-03-01` (the start of that day, UTC) or a full time (`2027-03-01T09:00:00Z`).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.utf8.count == 10 { return CohortStatement.parseTime(trimmed + "T00:00:00Z") }
        return CohortStatement.parseTime(trimmed)
    }
}
