import Foundation

/// Where the thread that reads an LRS's pages hands them to the thread that counts them
/// (``LRSClient/readCohort(_:into:progress:stop:)``): one decoded page at a time, so the LRS
/// prepares the next page while Attune counts this one, and memory holds at most two
/// pages (the one being counted and the one waiting).
///
/// The reader asks for room before each request: it fetches page N+1 only once page N has
/// been taken, and stops for good (no further request) once the counter stops. Everything
/// is guarded by one condition; the reader's thread is waited for before the counter returns.
/// A counter that can be stopped (a trainer's Ctrl-C) waits in short steps, asking its stop
/// check between them.
final class CohortPageHandOff: @unchecked Sendable {
    /// What the reader hands over, in order.
    enum Delivery {
        /// The voiding pass is complete: the ids it withdrew (lower case).
        case voided(Set<String>)
        /// One page of the cohort's statements (nil: an element that is not a statement).
        case page([CohortRawStatement?])
        /// Every page read.
        case finished
        /// Reading stopped here; nothing follows.
        case failed(LRSError)
        /// The caller's stop check said stop: the reader made no further request.
        case stopped
    }

    private let condition = NSCondition()
    private var slot: Delivery?
    private var stopped = false
    private var readerRunning = true

    // MARK: The reader's side

    /// Waits until the last delivery has been taken. False when the counter has stopped:
    /// then no further request may be made.
    func waitForRoom() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while slot != nil && !stopped { condition.wait() }
        return !stopped
    }

    /// Hands `delivery` over once there is room. False when the counter has stopped (the
    /// delivery is dropped).
    @discardableResult
    func hand(_ delivery: Delivery) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while slot != nil && !stopped { condition.wait() }
        guard !stopped else { return false }
        slot = delivery
        condition.broadcast()
        return true
    }

    /// Whether the counter has stopped; asked during a request, which is then abandoned.
    var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    /// The reader's last word: its thread is ending.
    func readerEnded() {
        condition.lock()
        readerRunning = false
        condition.broadcast()
        condition.unlock()
    }

    // MARK: The counter's side

    /// The next delivery, waiting for it; `.stopped` as soon as `stop` (when given, asked
    /// every 50 ms while waiting, and before a delivery is taken) says stop.
    func take(unless stop: LRSClient.StopCheck? = nil) -> Delivery {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let stop, stop() { return .stopped }
            if slot != nil { break }
            if stop == nil {
                condition.wait()
            } else {
                _ = condition.wait(until: Date().addingTimeInterval(0.05))
            }
        }
        let delivery = slot!
        slot = nil
        condition.broadcast()
        return delivery
    }

    /// No more pages are wanted: the reader makes no further request. Returns once the
    /// reader's thread has finished.
    func stop(waitingFor thread: Thread) {
        condition.lock()
        stopped = true
        slot = nil
        condition.broadcast()
        while readerRunning { condition.wait() }
        condition.unlock()
        // The reader has said its last word; its thread ends a moment later.
        let deadline = Date().addingTimeInterval(2)
        while !thread.isFinished && Date() < deadline { usleep(200) }
    }
}
