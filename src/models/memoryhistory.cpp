#include "memoryhistory.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
constexpr double Missing = std::numeric_limits<double>::quiet_NaN();

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
}

// Every ring full with MaxSeries series of the longest names: the bound memoryUsageBytes() obeys.
constexpr qint64 memoryHistoryWorstCaseBytes()
{
    using H = MemoryHistory;
    constexpr qint64 series = H::MaxSeries;
    constexpr qint64 columnOverhead = sizeof(std::vector<double>) + sizeof(quint8);
    qint64 bytes = sizeof(H) + series * qint64(sizeof(QString) + H::MaxNameLength * sizeof(QChar));
    bytes += H::RawCapacity * qint64(sizeof(H::Stamp) + series * sizeof(double)) + series * columnOverhead;
    for (const H::TierLayout &tier : H::BucketTiers)
        bytes += tier.capacity * qint64(sizeof(H::Stamp) + series * sizeof(H::Stats))
               + series * (columnOverhead + qint64(sizeof(H::Accumulator)));
    return bytes;
}
static_assert(memoryHistoryWorstCaseBytes() <= MemoryHistory::MemoryCeilingBytes,
              "the tier layout does not fit the stated memory ceiling");

template<typename Value>
template<typename T>
void MemoryHistory::Ring<Value>::reserveForOneMore(std::vector<T> &v) const
{
    // Geometric growth like push_back's, but never past the ring's capacity.
    if (v.size() == v.capacity())
        v.reserve(std::min<size_t>(m_capacity, std::max<size_t>(64, 2 * v.size())));
}

template<typename Value>
qsizetype MemoryHistory::Ring<Value>::append(const Stamp &stamp)
{
    if (size() < m_capacity) {
        reserveForOneMore(m_stamps);
        m_stamps.push_back(stamp);
        for (size_t c = 0; c < m_columns.size(); ++c) {
            if (m_active[c]) {
                reserveForOneMore(m_columns[c]);
                m_columns[c].emplace_back();
            }
        }
        return size() - 1;
    }
    const qsizetype position = m_head;
    m_stamps[position] = stamp;
    m_head = (m_head + 1) % m_capacity;
    return position;
}

template<typename Value>
void MemoryHistory::Ring<Value>::activate(int column, const Value &missing)
{
    if (size_t(column) >= m_columns.size()) {
        m_columns.resize(column + 1);
        m_active.resize(column + 1, 0);
    }
    m_columns[column].reserve(m_stamps.capacity());
    m_columns[column].assign(m_stamps.size(), missing);
    m_active[column] = 1;
}

template<typename Value>
void MemoryHistory::Ring<Value>::deactivate(int column)
{
    std::vector<Value>().swap(m_columns[column]);
    m_active[column] = 0;
}

template<typename Value>
void MemoryHistory::Ring<Value>::clear()
{
    std::vector<Stamp>().swap(m_stamps);
    for (auto &column : m_columns)
        std::vector<Value>().swap(column);
    m_head = 0;
}

template<typename Value>
qint64 MemoryHistory::Ring<Value>::bytes() const
{
    qint64 bytes = qint64(m_stamps.capacity() * sizeof(Stamp)) + qint64(m_active.capacity() * sizeof(quint8))
                 + qint64(m_columns.capacity() * sizeof(std::vector<Value>));
    for (const auto &column : m_columns)
        bytes += qint64(column.capacity() * sizeof(Value));
    return bytes;
}

template<size_t... I>
std::array<MemoryHistory::BucketTier, sizeof...(I)> MemoryHistory::makeTiers(std::index_sequence<I...>)
{
    return {BucketTier(BucketTiers[I])...};
}

MemoryHistory::MemoryHistory()
    : m_raw(RawCapacity)
    , m_tiers(makeTiers(std::make_index_sequence<BucketTiers.size()>()))
{
    m_names.reserve(MaxSeries);
    for (BucketTier &tier : m_tiers)
        tier.accumulators.reserve(MaxSeries);
}

int MemoryHistory::seriesIndex(const QString &name) const
{
    // A linear scan of at most MaxSeries names: cheaper than keeping (and accounting for) a hash.
    const auto it = std::find(m_names.begin(), m_names.end(), name);
    return it == m_names.end() || name.isEmpty() ? -1 : int(it - m_names.begin());
}

int MemoryHistory::addSeries(const QString &name)
{
    if (const int existing = seriesIndex(name); existing >= 0)
        return existing;
    if (name.isEmpty() || name.size() > MaxNameLength)
        return -1;
    auto slot = std::find_if(m_names.begin(), m_names.end(), [](const QString &n) { return n.isEmpty(); });
    if (slot == m_names.end()) {
        if (int(m_names.size()) >= MaxSeries)
            return -1;
        slot = m_names.emplace(m_names.end());
    }
    const int index = int(slot - m_names.begin());
    *slot = QString(name.constData(), name.size()); // an exact-size copy, as memoryUsageBytes() counts it
    m_raw.activate(index, Missing);
    for (BucketTier &tier : m_tiers) {
        tier.ring.activate(index, Stats{Missing, Missing, Missing});
        if (size_t(index) >= tier.accumulators.size())
            tier.accumulators.resize(index + 1);
        tier.accumulators[index] = {};
    }
    return index;
}

bool MemoryHistory::removeSeries(const QString &name)
{
    const int index = seriesIndex(name);
    if (index < 0)
        return false;
    m_names[index] = QString();
    m_raw.deactivate(index);
    for (BucketTier &tier : m_tiers)
        tier.ring.deactivate(index);
    return true;
}

QStringList MemoryHistory::seriesNames() const
{
    QStringList names;
    for (const QString &name : m_names) {
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

bool MemoryHistory::isLive(int series) const
{
    return series >= 0 && series < indexBound() && !m_names[series].isEmpty();
}

bool MemoryHistory::append(qint64 monotonicNs, qint64 wallMs, std::span<const double> values)
{
    if (!isEmpty() && monotonicNs < m_lastMonotonicNs)
        return false;
    m_lastMonotonicNs = monotonicNs;
    const auto valueOf = [&](int i) { return size_t(i) < values.size() ? values[i] : Missing; };

    const qsizetype position = m_raw.append(Stamp{monotonicNs, wallMs, 1});
    for (int i = 0; i < indexBound(); ++i) {
        if (isLive(i))
            m_raw.at(i, position) = valueOf(i);
    }

    for (BucketTier &tier : m_tiers) {
        const qint64 bucket = floorDiv(monotonicNs, tier.bucketNs);
        if (tier.open && bucket != tier.openBucket)
            closeBucket(tier);
        if (!tier.open) {
            tier.open = true;
            tier.openBucket = bucket;
            tier.openStamp = Stamp{monotonicNs, wallMs, 0};
            std::fill(tier.accumulators.begin(), tier.accumulators.end(), Accumulator{});
        }
        ++tier.openStamp.count;
        for (int i = 0; i < indexBound(); ++i) {
            const double v = valueOf(i);
            if (!isLive(i) || std::isnan(v))
                continue;
            Accumulator &acc = tier.accumulators[i];
            acc.min = acc.count ? std::min(acc.min, v) : v;
            acc.max = acc.count ? std::max(acc.max, v) : v;
            acc.sum += v;
            ++acc.count;
        }
    }
    return true;
}

void MemoryHistory::closeBucket(BucketTier &tier)
{
    const qsizetype position = tier.ring.append(tier.openStamp);
    for (int i = 0; i < indexBound(); ++i) {
        if (!isLive(i))
            continue;
        const Accumulator &acc = tier.accumulators[i];
        tier.ring.at(i, position) =
            acc.count ? Stats{acc.min, acc.max, acc.sum / acc.count} : Stats{Missing, Missing, Missing};
    }
    tier.open = false;
}

void MemoryHistory::clear()
{
    m_raw.clear();
    for (BucketTier &tier : m_tiers) {
        tier.ring.clear();
        tier.open = false;
    }
    m_lastMonotonicNs = 0;
}

qint64 MemoryHistory::oldestWallMs() const
{
    if (isEmpty())
        return 0;
    qint64 oldest = m_raw.stamp(0).wallMs;
    for (const BucketTier &tier : m_tiers) {
        if (tier.ring.size() > 0)
            oldest = std::min(oldest, tier.ring.stamp(0).wallMs);
    }
    return oldest;
}

qint64 MemoryHistory::newestWallMs() const
{
    return isEmpty() ? 0 : m_raw.stamp(m_raw.size() - 1).wallMs;
}

double MemoryHistory::lastValue(int series) const
{
    return isLive(series) && !isEmpty() ? m_raw.value(series, m_raw.size() - 1) : Missing;
}

template<typename Visit>
void MemoryHistory::visitEntries(int series, qint64 fromWallMs, qint64 toWallMs, Visit visit) const
{
    if (!isLive(series))
        return;
    const auto inWindow = [&](const Stamp &stamp) { return stamp.wallMs >= fromWallMs && stamp.wallMs <= toWallMs; };
    // Coarsest first; each tier contributes only what is older than everything the finer ones hold.
    for (int k = int(m_tiers.size()) - 1; k >= 0; --k) {
        qint64 cutoff = isEmpty() ? std::numeric_limits<qint64>::max() : m_raw.stamp(0).monotonicNs;
        for (int j = 0; j < k; ++j) {
            if (m_tiers[j].ring.size() > 0)
                cutoff = std::min(cutoff, m_tiers[j].ring.stamp(0).monotonicNs);
        }
        const Ring<Stats> &ring = m_tiers[k].ring;
        for (qsizetype i = 0; i < ring.size() && ring.stamp(i).monotonicNs < cutoff; ++i) {
            if (inWindow(ring.stamp(i)))
                visit(ring.stamp(i), ring.value(series, i));
        }
    }
    for (qsizetype i = 0; i < m_raw.size(); ++i) {
        if (inWindow(m_raw.stamp(i))) {
            const double v = m_raw.value(series, i);
            visit(m_raw.stamp(i), Stats{v, v, v});
        }
    }
}

QList<MemoryHistory::Entry> MemoryHistory::entries(int series, qint64 fromWallMs, qint64 toWallMs) const
{
    QList<Entry> result;
    visitEntries(series, fromWallMs, toWallMs, [&](const Stamp &stamp, const Stats &stats) {
        result.append(Entry{stamp.monotonicNs, stamp.wallMs, stats.min, stats.max, stats.mean, stamp.count});
    });
    return result;
}

std::optional<MemoryHistory::Entry> MemoryHistory::entryAt(int series, qint64 wallMs) const
{
    std::optional<Entry> best;
    qint64 bestDistance = std::numeric_limits<qint64>::max();
    visitEntries(series, std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                 [&](const Stamp &stamp, const Stats &stats) {
                     const qint64 distance = std::abs(stamp.wallMs - wallMs);
                     if (std::isnan(stats.mean) || distance >= bestDistance)
                         return;
                     bestDistance = distance;
                     best = Entry{stamp.monotonicNs, stamp.wallMs, stats.min, stats.max, stats.mean, stamp.count};
                 });
    return best;
}

QList<QPointF> MemoryHistory::reduced(int series, qint64 fromWallMs, qint64 toWallMs, int columns,
                                      Reduction reduction) const
{
    QList<QPointF> points;
    if (columns <= 0 || toWallMs <= fromWallMs)
        return points;
    struct Column
    {
        double min = 0;
        double max = 0;
        qint64 minAt = 0;
        qint64 maxAt = 0;
        bool used = false;
    };
    std::vector<Column> grid(columns);
    const qint64 span = toWallMs - fromWallMs;
    visitEntries(series, fromWallMs, toWallMs, [&](const Stamp &stamp, const Stats &stats) {
        if (std::isnan(stats.min))
            return;
        Column &column = grid[std::min<qint64>(columns - 1, (stamp.wallMs - fromWallMs) * columns / span)];
        if (!column.used || stats.min < column.min) {
            column.min = stats.min;
            column.minAt = stamp.wallMs;
        }
        if (!column.used || stats.max > column.max) {
            column.max = stats.max;
            column.maxAt = stamp.wallMs;
        }
        column.used = true;
    });

    points.reserve(reduction == Reduction::Max ? columns : 2 * columns);
    for (const Column &column : grid) {
        if (!column.used)
            continue;
        const QPointF low(double(column.minAt), column.min);
        const QPointF high(double(column.maxAt), column.max);
        if (low == high || reduction == Reduction::Max) {
            points.append(high);
        } else if (column.maxAt < column.minAt) {
            points.append(high);
            points.append(low);
        } else {
            points.append(low);
            points.append(high);
        }
    }
    return points;
}

qint64 MemoryHistory::memoryUsageBytes() const
{
    qint64 bytes = sizeof(*this) + m_raw.bytes() + qint64(m_names.capacity() * sizeof(QString));
    for (const BucketTier &tier : m_tiers)
        bytes += tier.ring.bytes() + qint64(tier.accumulators.capacity() * sizeof(Accumulator));
    for (const QString &name : m_names)
        bytes += name.capacity() * qint64(sizeof(QChar));
    return bytes;
}
