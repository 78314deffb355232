import AttuneCore

/// The shell's own words: the prompt, help, the command table's summaries, TAB hints, the knowledge base, what the loop says on start, on Ctrl-C and Ctrl-D, and on leaving.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.shell(_:)`).
public enum ShellText: Sendable, Hashable {
}
