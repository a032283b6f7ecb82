#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A number as text with a fixed number of decimals.
public enum FixedPoint {
    /// `value` with `digits` decimals, rounded as printf's `%.*f` rounds.
    public static func text(_ value: Double, digits: Int32) -> String {
        var text = [CChar](repeating: 0, count: 64)
        _ = withVaList([digits, value]) { vsnprintf(&text, text.count, "%.*f", $0) }
        return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
