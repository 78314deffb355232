/// Attune's folders in the places the XDG base-directory rules give: one rule for the
/// learner's data and the content cache alike.
public enum XDGFolders {
    /// `$VARIABLE/attune` when the variable holds a full path (a relative one is ignored, as
    /// the rules say), else `$HOME/FALLBACK/attune`; nil when HOME is not a full path either.
    public static func attune(_ variable: String, fallback: String, environment: [String: String]) -> String? {
        if let base = environment[variable], base.hasPrefix("/") { return base + "/attune" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/" + fallback + "/attune"
    }
}
