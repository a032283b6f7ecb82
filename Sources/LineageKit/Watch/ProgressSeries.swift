#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How fast a count grows: completions per minute over the last intervals, with the
/// last interval's raw value and bounds from the spread of the intervals' rates.
public struct Rate: Sendable, Equatable {
    /// Per minute over the whole window (the count's change over the window's time).
    public let perMinute: Double
    /// Per minute over the last interval alone.
    public let lastPerMinute: Double
    /// The lowest rate the spread allows (never negative).
    public let low: Double
    /// The highest rate the spread allows.
    public let high: Double
    /// Intervals the rate was taken over.
    public let intervals: Int

    /// A rate of known values (tests, renderers).
    public init(perMinute: Double, lastPerMinute: Double, low: Double, high: Double, intervals: Int) {
        self.perMinute = perMinute
        self.lastPerMinute = lastPerMinute
        self.low = low
        self.high = high
        self.intervals = intervals
    }

    /// When `remaining` more completions are done at this rate, as a range in seconds:
    /// the lower end at `high`, the upper at `low` (`nil`: no bound, the rate may be 0).
    /// `nil` when nothing moves at all.
    public func eta(remaining: Int) -> ETA? {
        if remaining <= 0 { return ETA(low: 0, high: 0) }
        guard high > 0 else { return nil }
        return ETA(low: Double(remaining) / high * 60, high: low > 0 ? Double(remaining) / low * 60 : nil)
    }
}

/// A time to finish stated as a range, never one number: seconds from the snapshot.
public struct ETA: Sendable, Equatable {
    /// The earliest finish the rate's spread allows.
    public let low: Double
    /// The latest, or `nil` when the rate may be 0 (no upper bound).
    public let high: Double?

    /// A range of known values.
    public init(low: Double, high: Double?) {
        self.low = low
        self.high = high
    }
}

/// The recent history of one count (completed tasks, sources, shards): the points of the
/// last `window` intervals, and the rate they give.
public struct ProgressSeries: Sendable {
    /// One observation: monotonic seconds and the count then.
    public struct Point: Sendable, Equatable {
        public let time: Double
        public let count: Int
    }

    /// The intervals the rate is taken over.
    public let window: Int
    /// The points kept, oldest first (at most `window + 1`).
    public private(set) var points: [Point] = []

    /// The smallest half-width of the rate's bounds, as a share of the rate: a few
    /// intervals that happen to agree do not make a pace certain.
    public static let minimumSpread = 0.1

    /// An empty series over `window` intervals (at least 1).
    public init(window: Int = 10) { self.window = max(1, window) }

    /// Adds the count seen at `time` (monotonic seconds, later than the last point's).
    public mutating func add(time: Double, count: Int) {
        if let last = points.last, time <= last.time { return }
        points.append(Point(time: time, count: count))
        if points.count > window + 1 { points.removeFirst(points.count - window - 1) }
    }

    /// The change over the last interval, `nil` before two points.
    public var lastChange: Int? { points.count >= 2 ? points[points.count - 1].count - points[points.count - 2].count : nil }

    /// The rate over the points kept; `nil` before two points.
    ///
    /// The bounds are the window's rate plus or minus twice the standard error of the
    /// intervals' rates (their standard deviation over the square root of their number),
    /// and at least `minimumSpread` of the rate; with fewer than three intervals, at least
    /// half the rate. A count that went down (a file replaced) gives no rate.
    public var rate: Rate? {
        guard points.count >= 2, let first = points.first, let last = points.last, last.time > first.time else { return nil }
        var rates: [Double] = []
        for index in 1..<points.count {
            let span = points[index].time - points[index - 1].time
            rates.append(Double(points[index].count - points[index - 1].count) / span * 60)
        }
        let overall = Double(last.count - first.count) / (last.time - first.time) * 60
        guard overall >= 0 else { return nil }
        let count = Double(rates.count)
        var margin = overall * (rates.count < 3 ? 0.5 : Self.minimumSpread)
        if rates.count >= 2 {
            let mean = rates.reduce(0, +) / count
            let variance = rates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
            margin = max(margin, 2 * variance.squareRoot() / count.squareRoot())
        }
        return Rate(
            perMinute: overall, lastPerMinute: rates[rates.count - 1], low: max(0, overall - margin), high: overall + margin,
            intervals: rates.count)
    }
}
