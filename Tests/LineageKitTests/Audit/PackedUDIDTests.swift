import Testing

@testable import LineageKit

@Suite("PackedUDID parsing")
struct PackedUDIDTests {
    private func parse(_ text: [UInt8]) -> PackedUDID? { text.withUnsafeBytes { PackedUDID($0) } }

    @Test("round-trips udids of real lineage paths")
    func roundTrip() throws {
        for path in ["0", "0_0", "0_0_1_0_2_0_0_0", "12345_6_7"] {
            let udid = UDID(lineagePath: path)
            let packed = try #require(parse(Array(udid.string.utf8)))
            #expect(packed.string == udid.string)
        }
    }

    @Test("orders as the hex text orders")
    func order() throws {
        let texts = (0..<200).map { UDID(lineagePath: String($0)).string }.sorted()
        let packed = try texts.map { try #require(parse(Array($0.utf8))) }
        #expect(zip(packed, packed.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("rejects every byte that is not a lowercase hex digit, at every position", arguments: [0, 7, 8, 15, 16, 31])
    func rejectsBadBytes(position: Int) {
        let valid = Array(UDID(lineagePath: "7").string.utf8)
        let hex = Set("0123456789abcdef".utf8)
        for byte in UInt8.min...UInt8.max {
            var text = valid
            text[position] = byte
            let parsed = parse(text)
            if hex.contains(byte) {
                #expect(parsed?.string == String(decoding: text, as: UTF8.self), "byte \(byte)")
            } else {
                #expect(parsed == nil, "byte \(byte) at \(position) was accepted")
            }
        }
    }

    @Test("rejects other lengths")
    func lengths() {
        let valid = Array(UDID(lineagePath: "7").string.utf8)
        #expect(parse(Array(valid.dropLast())) == nil)
        #expect(parse(valid + [0x30]) == nil)
        #expect(parse([]) == nil)
    }
}
