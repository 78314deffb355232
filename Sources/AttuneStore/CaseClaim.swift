import Foundation

/// A case held open by one Attune window. Two windows recording into one playthrough would
/// undo each other's choices, so the second is told the case is open elsewhere. The claim is
/// an advisory lock on a private file in the data folder; the system releases it when the
/// window closes or the process dies, so a crash never leaves a case locked.
public final class CaseClaim: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Claims `name` (a case's record, or a group session) in `store`'s folder; nil when
    /// another window holds it.
    static func take(_ name: String, in folder: String) -> CaseClaim? {
        let locks = (folder as NSString).appendingPathComponent("open-cases")
        mkdir(locks, 0o700)
        let path = (locks as NSString).appendingPathComponent(Self.fileName(for: name))
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        // Without a lock file (a read-only folder, say) play is not blocked.
        guard fd >= 0 else { return CaseClaim(descriptor: -1) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return CaseClaim(descriptor: fd)
    }

    /// A short, stable file name for any key (FNV-1a over its UTF-8 bytes).
    static func fileName(for name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + ".lock"
    }
}

extension ProgressStore {
    /// Holds a case's personal record for this window; nil when another window has it open.
    public func claim(_ key: CaseKey) -> CaseClaim? {
        CaseClaim.take("case\u{0}\(key.id)\u{0}\(key.origin)", in: (path as NSString).deletingLastPathComponent)
    }

    /// Holds a group session for this window; nil when another window has it open.
    public func claimGroupSession(_ id: Int64) -> CaseClaim? {
        CaseClaim.take("group\u{0}\(id)", in: (path as NSString).deletingLastPathComponent)
    }
}
