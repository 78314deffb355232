/// A non-negative whole number of any size, for counting paths (a case can have far more
/// than 2^64). Only what counting needs: zero, one, addition, and decimal text.
public struct PathCount: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// Base 10^18 limbs, least significant first.
    private var limbs: [UInt64]
    private static let base: UInt64 = 1_000_000_000_000_000_000

    public init(_ value: UInt64) {
        limbs = value >= Self.base ? [value % Self.base, value / Self.base] : [value]
    }

    public static let zero = PathCount(0)
    public static let one = PathCount(1)

    public static func + (lhs: PathCount, rhs: PathCount) -> PathCount {
        var result: [UInt64] = []
        var carry: UInt64 = 0
        for index in 0..<max(lhs.limbs.count, rhs.limbs.count) {
            let sum = (index < lhs.limbs.count ? lhs.limbs[index] : 0) + (index < rhs.limbs.count ? rhs.limbs[index] : 0) + carry
            result.append(sum % base)
            carry = sum / base
        }
        if carry > 0 { result.append(carry) }
        var count = PathCount.zero
        count.limbs = result
        return count
    }

    public static func += (lhs: inout PathCount, rhs: PathCount) { lhs = lhs + rhs }

    public static func < (lhs: PathCount, rhs: PathCount) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in stride(from: lhs.limbs.count - 1, through: 0, by: -1) where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    public var description: String {
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 18 - digits.count) + digits
        }
        return text
    }
}
