import AttuneCore

/// The command line and the author's tools: options and their errors, export, import, cache, cohort, lint and test wrappers, the scaffold, explore and graph reports, and problems with the record on disk.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.tools(_:)`).
public enum ToolText: Sendable, Hashable {
}
