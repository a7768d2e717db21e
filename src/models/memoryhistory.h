#pragma once

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <span>
#include <utility>
#include <vector>

// A bounded store of memory time series: meminfo keys (kB), the derived free(1) values, per-process
// values. Every sample goes into a ring of full-resolution samples and into the min/max/mean buckets
// of coarser tiers at the same time; a query stitches the finest data still held for each part of
// its window. Each tier is a ring of fixed capacity, so storage stays under MemoryCeilingBytes however
// long sampling runs; it grows lazily up to that, so a short session costs little.
//
// Not thread-safe: one thread (the GUI thread) appends and queries.
class MemoryHistory
{
public:
    // meminfo prints ~50 keys in kB on 6.x kernels; room for those, the derived and per-process series.
    static constexpr int MaxSeries = 64;
    static constexpr qsizetype MaxNameLength = 64;
    // Full resolution: the recent hour at the default 1 s interval (six minutes at the fastest 100 ms).
    static constexpr qsizetype RawCapacity = 3600;
    struct TierLayout
    {
        qint64 bucketNs;
        qsizetype capacity;
    };
    static constexpr std::array<TierLayout, 3> BucketTiers{{
        {1'000'000'000ll, 3600}, // 1-second buckets for an hour: exact envelopes at any rate up to 10 Hz
        {60'000'000'000ll, 7 * 24 * 60}, // 1-minute buckets for 7 days
        {900'000'000'000ll, 6 * 7 * 24 * 4}, // 15-minute buckets for 6 weeks
    }};
    // What memoryUsageBytes() can never exceed: every ring full for MaxSeries series (checked at compile time).
    static constexpr qint64 MemoryCeilingBytes = 32ll * 1024 * 1024;

    // One stored record of a series: a sample (count 1, min == max == mean) or a bucket.
    struct Entry
    {
        qint64 monotonicNs = 0; // of the (first) sample
        qint64 wallMs = 0; // ms since the epoch, of the (first) sample: for the time axis
        double min = 0;
        double max = 0;
        double mean = 0; // all three NaN when the series had no value then
        int count = 0; // samples aggregated
    };

    MemoryHistory();

    // The index of an existing series, or -1.
    int seriesIndex(const QString &name) const;
    // The index of name, adding the series if new; -1 when MaxSeries are in use or the name is longer
    // than MaxNameLength. A new series has no value (NaN) for the samples before it existed.
    int addSeries(const QString &name);
    // Drops a series and its data; its index may be reused by a later addSeries().
    bool removeSeries(const QString &name);
    // Live series, in index order.
    QStringList seriesNames() const;
    // One more than the highest index in use: the length append() reads at most.
    int indexBound() const { return int(m_names.size()); }

    // One sample. values[i] belongs to series i; NaN, an unused index or a short span leave a gap.
    // Monotonic time must not go backwards (returns false and stores nothing); wall time may.
    bool append(qint64 monotonicNs, qint64 wallMs, std::span<const double> values);
    void clear(); // drops all samples, keeps the series

    bool isEmpty() const { return m_raw.size() == 0; }
    qint64 oldestWallMs() const; // 0 when empty
    qint64 newestWallMs() const;
    double lastValue(int series) const; // NaN when absent

    // Records of a series whose wall time lies in [fromWallMs, toWallMs], oldest first, at the finest
    // resolution still held; gaps included (NaN). Every series yields the same timestamps here.
    QList<Entry> entries(int series, qint64 fromWallMs, qint64 toWallMs) const;
    // The record with a value nearest to wallMs.
    std::optional<Entry> entryAt(int series, qint64 wallMs) const;
    enum class Reduction {
        MinMax, // a column's true minimum and maximum, in time order (one point where they coincide)
        Max, // its maximum only: stacked bands, whose edges must not cross, show their peaks
    };
    // The window split into `columns` equal columns: column c holds the records whose wall time w has
    // (w - from) * columns / (to - from) == c (the last column also holds `to`). For each column
    // holding values, points (x = wall ms of the record, y = value) as `reduction` says: at most
    // 2 * columns points, what a chart of that many pixels needs to draw the exact envelope.
    QList<QPointF> reduced(int series, qint64 fromWallMs, qint64 toWallMs, int columns,
                           Reduction reduction = Reduction::MinMax) const;

    // Bytes held by the sample storage and the series names.
    qint64 memoryUsageBytes() const;

private:
    struct Stamp
    {
        qint64 monotonicNs = 0;
        qint64 wallMs = 0;
        qint32 count = 0;
    };
    struct Stats
    {
        double min;
        double max;
        double mean;
    };
    struct Accumulator
    {
        double min = 0;
        double max = 0;
        double sum = 0;
        qint32 count = 0;
    };

    // A ring of fixed capacity holding stamps and one column of values per series index, all
    // advancing together. Vectors grow up to the capacity (never beyond), then the oldest is overwritten.
    template<typename Value>
    class Ring
    {
    public:
        explicit Ring(qsizetype capacity)
            : m_capacity(capacity)
        {
            m_columns.reserve(MaxSeries);
            m_active.reserve(MaxSeries);
        }
        qsizetype size() const { return qsizetype(m_stamps.size()); }
        const Stamp &stamp(qsizetype i) const { return m_stamps[physical(i)]; }
        const Value &value(int column, qsizetype i) const { return m_columns[column][physical(i)]; }
        // Appends a stamp and returns the physical position where each column's value goes.
        qsizetype append(const Stamp &stamp);
        Value &at(int column, qsizetype position) { return m_columns[column][position]; }
        void activate(int column, const Value &missing); // a new series: no values for what is stored
        void deactivate(int column); // frees the column's storage
        void clear();
        qint64 bytes() const;

    private:
        qsizetype physical(qsizetype i) const { return (m_head + i) % qsizetype(m_stamps.size()); }
        template<typename T>
        void reserveForOneMore(std::vector<T> &v) const;

        qsizetype m_capacity;
        qsizetype m_head = 0; // oldest element once full
        std::vector<Stamp> m_stamps;
        std::vector<std::vector<Value>> m_columns;
        std::vector<quint8> m_active; // by column: holds a series
    };

    struct BucketTier
    {
        explicit BucketTier(const TierLayout &layout)
            : ring(layout.capacity)
            , bucketNs(layout.bucketNs)
        {
        }
        Ring<Stats> ring;
        qint64 bucketNs;
        bool open = false; // a bucket is accumulating
        qint64 openBucket = 0; // its number: monotonic time / bucketNs
        Stamp openStamp;
        std::vector<Accumulator> accumulators; // by series index
    };

    template<size_t... I>
    static std::array<BucketTier, sizeof...(I)> makeTiers(std::index_sequence<I...>);
    bool isLive(int series) const;
    void closeBucket(BucketTier &tier);
    // Calls visit(stamp, stats) for every record in the window, oldest first, tiers stitched.
    template<typename Visit>
    void visitEntries(int series, qint64 fromWallMs, qint64 toWallMs, Visit visit) const;

    Ring<double> m_raw;
    std::array<BucketTier, BucketTiers.size()> m_tiers;
    std::vector<QString> m_names; // by index; empty: unused
    qint64 m_lastMonotonicNs = 0;

    friend constexpr qint64 memoryHistoryWorstCaseBytes();
};
