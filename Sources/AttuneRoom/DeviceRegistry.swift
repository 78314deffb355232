import Foundation
import Synchronization

/// The phones that joined the room: each gets a random token from the server
/// (`POST /r/CODE/join`), and only those tokens vote. It records when each token was last
/// seen, so "joined" counts phones of the last minute, not every browser that ever looked.
///
/// One address may mint only `mintsPerMinute` tokens a minute (100 by default: enough for a
/// room whose phones all reach the laptop through one Wi-Fi router's address), so one
/// machine cannot mint a token per ballot.
public final class DeviceRegistry: Sendable {
    public static let defaultMintsPerMinute = 100
    /// A phone counts as joined while it was seen within this many seconds.
    public static let joinedWindow: TimeInterval = 60

    private struct MintWindow {
        var start: Date
        var count: Int
    }

    private struct State {
        var lastSeen: [String: Date] = [:]
        var mints: [String: MintWindow] = [:]
    }

    private let state = Mutex(State())
    public let mintsPerMinute: Int
    /// At most this many tokens are kept; beyond it the longest unseen go first.
    public let capacity: Int

    public init(mintsPerMinute: Int = DeviceRegistry.defaultMintsPerMinute, capacity: Int = 10_000) {
        self.mintsPerMinute = mintsPerMinute
        self.capacity = capacity
    }

    /// A new token for a phone at `address`, or nil when that address has minted its share
    /// this minute.
    public func mint(for address: String, now: Date = Date()) -> String? {
        var generator = SystemRandomNumberGenerator()
        let token = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        return state.withLock { state -> String? in
            var window = state.mints[address] ?? MintWindow(start: now, count: 0)
            if now.timeIntervalSince(window.start) >= 60 || now < window.start { window = MintWindow(start: now, count: 0) }
            guard window.count < mintsPerMinute else { return nil }
            window.count += 1
            state.mints[address] = window
            if state.mints.count > capacity {
                state.mints = state.mints.filter { now.timeIntervalSince($0.value.start) < 60 }
            }
            state.lastSeen[token] = now
            if state.lastSeen.count > capacity {
                let excess = state.lastSeen.count - capacity
                for (old, _) in state.lastSeen.sorted(by: { $0.value < $1.value }).prefix(excess) { state.lastSeen[old] = nil }
            }
            return token
        }
    }

    /// Whether the room minted `token`.
    public func isMinted(_ token: String) -> Bool {
        state.withLock { $0.lastSeen[token] != nil }
    }

    /// Marks a minted token as seen now; false (and nothing recorded) for any other token.
    @discardableResult
    public func seen(_ token: String, now: Date = Date()) -> Bool {
        state.withLock { state in
            guard let last = state.lastSeen[token] else { return false }
            state.lastSeen[token] = max(last, now)
            return true
        }
    }

    /// Phones seen in the last minute.
    public func joined(now: Date = Date()) -> Int {
        state.withLock { state in
            state.lastSeen.values.count { now.timeIntervalSince($0) < Self.joinedWindow }
        }
    }

    /// Every token the room has minted and still keeps.
    public var minted: Int { state.withLock { $0.lastSeen.count } }
}
