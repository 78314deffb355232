import Foundation

extension RoomServer {
    /// Phones seen in the last minute. (Placeholder until the server mints device tokens.)
    public func joinedPhones(now: Date = Date()) -> Int { 0 }
}
