import AttuneCore

/// Group play and the room: group sessions, votes, lock, reveal, the projector screen, the phone pages and the handout.
///
/// Each case carries its values; `English` and `Spanish` put it in words (see
/// `MessageCatalog.room(_:)`).
public enum RoomText: Sendable, Hashable {
}
