import AttuneCore

/// Playing a case alone: the case list, opening, choosing, why, back, restart, progress, the journal and its screens, reflect, and the progress export.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.playing(_:)`).
public enum PlayText: Sendable, Hashable {
}
