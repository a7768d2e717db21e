#include "frametable.h"

#include "procfstext.h"

#include <algorithm>
#include <cstring>

namespace {
const QString FlagsFile = QStringLiteral("kpageflags");
const QString CountFile = QStringLiteral("kpagecount");
constexpr quint64 EntrySize = 8;

// Entry `index` of the bytes read from a frame file, or false when the read ended before it.
bool entryAt(const QByteArray &data, quint64 index, quint64 *value)
{
    if ((index + 1) * EntrySize > quint64(data.size()))
        return false;
    std::memcpy(value, data.constData() + index * EntrySize, EntrySize); // the kernel's native u64
    return true;
}

ReadOutcome<FrameTable> failure(const ReadResult &read)
{
    ReadOutcome<FrameTable> outcome;
    outcome.status = read.status;
    outcome.error = read.message;
    return outcome;
}
} // namespace

ReadOutcome<FrameTable> FrameTable::read(const ProcSource &source, std::vector<quint64> pfns, quint64 maxGap,
                                         const ReadControl &control)
{
    std::sort(pfns.begin(), pfns.end());
    pfns.erase(std::unique(pfns.begin(), pfns.end()), pfns.end());
    if (!pfns.empty() && pfns.front() == 0)
        pfns.erase(pfns.begin());

    ReadOutcome<FrameTable> outcome;
    FrameTable &table = outcome.value;
    table.m_pfns.reserve(pfns.size());
    table.m_frames.reserve(pfns.size());
    for (size_t first = 0; first < pfns.size();) {
        if (control.isCancelled()) {
            outcome.cancelled = true;
            return outcome;
        }
        const quint64 runStart = pfns[first];
        size_t last = first;
        while (last + 1 < pfns.size() && pfns[last + 1] - pfns[last] <= maxGap
               && pfns[last + 1] - runStart < MaxRunFrames)
            ++last;
        const quint64 length = (pfns[last] - runStart + 1) * EntrySize;
        const ReadResult flags = source.readRange(FlagsFile, runStart * EntrySize, length);
        if (!flags.ok())
            return failure(flags);
        const ReadResult counts = source.readRange(CountFile, runStart * EntrySize, length);
        if (!counts.ok())
            return failure(counts);
        for (size_t i = first; i <= last; ++i) {
            FrameInfo frame;
            if (!entryAt(flags.data, pfns[i] - runStart, &frame.flags))
                break; // beyond max_pfn: the rest of the run has no entries either
            entryAt(counts.data, pfns[i] - runStart, &frame.mapCount);
            table.m_pfns.push_back(pfns[i]);
            table.m_frames.push_back(frame);
        }
        control.report(last + 1, pfns.size());
        first = last + 1;
    }
    table.indexBuckets();
    return outcome;
}

ReadOutcome<quint64> FrameTable::pfnEnd(const ProcSource &source)
{
    ReadOutcome<quint64> outcome;
    const auto exists = [&source](quint64 pfn, ReadResult *failed) {
        ReadResult read = source.readRange(FlagsFile, pfn * EntrySize, EntrySize);
        const bool found = read.ok() && read.data.size() == qsizetype(EntrySize);
        if (!read.ok())
            *failed = std::move(read);
        return found;
    };
    ReadResult failed;
    if (!exists(0, &failed)) {
        outcome.status = failed.status;
        outcome.error = failed.ok() ? ProcfsText::tr("%1/kpageflags: empty").arg(source.rootPath()) : failed.message;
        return outcome;
    }
    // Doubling, then bisecting: about 2 * log2(max_pfn) reads of 8 bytes. PFNs have 55 bits.
    quint64 below = 0; // has an entry
    quint64 above = 1; // has none, once found
    while (above < (quint64(1) << 55) && exists(above, &failed)) {
        below = above;
        above *= 2;
    }
    while (above - below > 1) {
        const quint64 middle = below + (above - below) / 2;
        (exists(middle, &failed) ? below : above) = middle;
    }
    if (!failed.ok()) {
        outcome.status = failed.status;
        outcome.error = failed.message;
        return outcome;
    }
    outcome.value = above;
    return outcome;
}

void FrameTable::indexBuckets()
{
    m_bucketStart.clear();
    if (m_pfns.empty())
        return;
    // About two frames a bucket when PFNs are spread evenly; 4 bytes a bucket.
    const quint64 wanted = std::max<quint64>(1, m_pfns.size() / 2);
    m_shift = 0;
    while ((m_pfns.back() >> m_shift) >= wanted)
        ++m_shift;
    const size_t buckets = size_t(m_pfns.back() >> m_shift) + 1;
    m_bucketStart.assign(buckets + 1, 0);
    size_t index = 0;
    for (size_t bucket = 0; bucket <= buckets; ++bucket) {
        while (index < m_pfns.size() && (m_pfns[index] >> m_shift) < bucket)
            ++index;
        m_bucketStart[bucket] = quint32(index);
    }
}

const FrameInfo *FrameTable::find(quint64 pfn) const
{
    const quint64 bucket = pfn >> m_shift;
    if (m_bucketStart.empty() || bucket >= m_bucketStart.size() - 1)
        return nullptr;
    const auto first = m_pfns.begin() + m_bucketStart[bucket];
    const auto last = m_pfns.begin() + m_bucketStart[bucket + 1];
    const auto it = std::lower_bound(first, last, pfn);
    if (it == last || *it != pfn)
        return nullptr;
    return &m_frames[size_t(it - m_pfns.begin())];
}

