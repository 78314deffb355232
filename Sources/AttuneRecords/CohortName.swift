import Foundation

/// A cohort's name, as learners type it after `--cohort` and trainers after `cohort report
/// --cohort`: it becomes part of an activity id (`urn:attune:cohort:NAME`) that an LRS
/// matches exactly, so it is kept to characters that mean the same everywhere.
public enum CohortName {
    /// The longest name accepted.
    public static let maximumLength = 64

    /// `name`, trimmed, when it can name a cohort; else a message saying what to type.
    public static func check(_ name: String) -> Result<String, CohortNameError> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let example = "for example spring-2027 or riverside.group-b"
        guard !trimmed.isEmpty else {
            return .failure(CohortNameError(description: "--cohort needs a name that your trainer gave the group, \(example)."))
        }
        guard trimmed.count <= maximumLength else {
            return .failure(CohortNameError(description: "The cohort name is \(trimmed.count) characters long; use at most "
                + "\(maximumLength), \(example)."))
        }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
        guard allowed, let first = trimmed.unicodeScalars.first, first != "-", first != ".", first != "_" else {
            let shown = LRSText.excerpt(trimmed, limit: 40)
            return .failure(CohortNameError(description: "'\(shown)' cannot name a cohort: use letters (a to z, without "
                + "accents), digits, '-', '_' and '.', starting with a letter or digit, \(example). Use exactly the "
                + "name your trainer gave the group: the report finds your records by it."))
        }
        return .success(trimmed)
    }
}

/// Why a cohort name cannot be used, in words for the person who typed it.
public struct CohortNameError: Error, Sendable, CustomStringConvertible {
    public let description: String
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
