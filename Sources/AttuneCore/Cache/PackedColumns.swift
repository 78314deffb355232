import Foundation

/// A column of 32-bit integers that a Codable encoder stores as one block of bytes
/// (little-endian) instead of one value per element: decoding 100,000 numbers one by one
/// costs tens of milliseconds, a block of bytes well under one.
public struct PackedIntegers: Sendable, Hashable, Codable {
    public var values: [Int32]

    public init(_ values: [Int32] = []) {
        self.values = values
    }

    public init(from decoder: Decoder) throws {
        let data = try decoder.singleValueContainer().decode(Data.self)
        guard data.count % 4 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a whole number of integers"))
        }
        values = data.withUnsafeBytes { raw in
            (0..<data.count / 4).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var data = Data(capacity: values.count * 4)
        for value in values { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }
}

/// A column of doubles stored as one block of bytes (their IEEE 754 bits, little-endian).
public struct PackedDoubles: Sendable, Hashable, Codable {
    public var values: [Double]

    public init(_ values: [Double] = []) {
        self.values = values
    }

    public init(from decoder: Decoder) throws {
        let data = try decoder.singleValueContainer().decode(Data.self)
        guard data.count % 8 == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a whole number of doubles"))
        }
        values = data.withUnsafeBytes { raw in
            (0..<data.count / 8).map {
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var data = Data(capacity: values.count * 8)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        var container = encoder.singleValueContainer()
        try container.encode(data)
    }
}
