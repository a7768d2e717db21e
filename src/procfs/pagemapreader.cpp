#include "pagemapreader.h"

#include "mapsparser.h"
#include "pageentry.h"
#include "processstat.h"
#include "procfstext.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace {
constexpr quint64 EntrySize = sizeof(quint64);
// Mappings at or above this are in the kernel half of a 64-bit address space ([vsyscall]), where
// pagemap reads fail; user space ends far below it on every 64-bit architecture.
constexpr quint64 KernelHalf = quint64(1) << 63;

QString hex(quint64 value)
{
    return QStringLiteral("0x%1").arg(value, 0, 16);
}

// [start, end) widened to whole pages, sorted, overlapping and touching ones merged.
QList<QPair<quint64, quint64>> normalized(QList<QPair<quint64, quint64>> ranges, quint64 pageSize)
{
    QList<QPair<quint64, quint64>> result;
    for (auto &[start, end] : ranges) {
        start -= start % pageSize;
        const quint64 tail = end % pageSize;
        end = tail == 0 || end > std::numeric_limits<quint64>::max() - pageSize ? end - tail : end - tail + pageSize;
    }
    std::sort(ranges.begin(), ranges.end());
    for (const auto &range : std::as_const(ranges)) {
        if (range.first >= range.second)
            continue;
        if (!result.isEmpty() && range.first <= result.last().second)
            result.last().second = std::max(result.last().second, range.second);
        else
            result.append(range);
    }
    return result;
}

// The ranges to read: the wanted ones cut to the mappings, or every mapping when none are wanted.
QList<PageMapSnapshot::Range> plan(const QList<Mapping> &mappings, quint64 pageSize,
                                   const QList<QPair<quint64, quint64>> &wanted)
{
    const bool everything = wanted.isEmpty();
    const QList<QPair<quint64, quint64>> ranges = normalized(wanted, pageSize);
    QList<PageMapSnapshot::Range> result;
    for (qsizetype index = 0; index < mappings.size(); ++index) {
        const Mapping &mapping = mappings.at(index);
        if (mapping.start >= KernelHalf)
            continue;
        const auto add = [&](quint64 start, quint64 end) {
            if (start < end && end - start >= pageSize)
                result.append({start, (end - start) / pageSize, index, {}});
        };
        if (everything)
            add(mapping.start, mapping.end);
        for (const auto &[start, end] : ranges)
            add(std::max(start, mapping.start), std::min(end, mapping.end));
    }
    return result;
}
} // namespace

PageMapReader::PageMapReader(const ProcSource &source)
    : m_source(source)
{
}

void PageMapReader::setChunkBytes(quint64 bytes)
{
    m_chunkEntries = std::max<quint64>(1, bytes / EntrySize);
}

ReadOutcome<PageMapSnapshot> PageMapReader::read(int pid, const QList<QPair<quint64, quint64>> &ranges) const
{
    ReadOutcome<PageMapSnapshot> outcome;
    PageMapSnapshot &snapshot = outcome.value;
    snapshot.pid = pid;
    snapshot.pageSize = m_source.pageSize();
    // A failed read keeps the mappings but no ranges: half-read ranges would not add up.
    const auto fail = [&outcome](ReadResult::Status status, const QString &message) {
        outcome.status = status;
        outcome.error = message;
        outcome.value.ranges.clear();
        outcome.value.pageCount = outcome.value.presentCount = 0;
        return outcome;
    };

    const QString mapsPath = QStringLiteral("%1/maps").arg(pid);
    const ReadResult maps = m_source.readFile(mapsPath);
    if (!maps.ok())
        return fail(maps.status, maps.message);
    Parsed<QList<Mapping>> parsed = MapsParser::parse(maps.data);
    if (!parsed.ok())
        return fail(ReadResult::Status::Ok,
                    m_source.rootPath() + QLatin1Char('/') + mapsPath + QStringLiteral(": ") + parsed.error.toString());
    snapshot.mappings = std::move(parsed.value);
    snapshot.ranges = plan(snapshot.mappings, snapshot.pageSize, ranges);
    for (const PageMapSnapshot::Range &range : std::as_const(snapshot.ranges))
        snapshot.pageCount += range.pageCount;
    if (snapshot.pageCount > m_maxPages)
        return fail(ReadResult::Status::TooLarge,
                    ProcfsText::tr("process %1: the request covers %2 pages (%3 GiB of address space); one read "
                                   "is limited to %4 pages: choose a smaller range")
                        .arg(pid)
                        .arg(snapshot.pageCount)
                        .arg(double(snapshot.pageCount) * double(snapshot.pageSize) / double(1 << 30), 0, 'f', 1)
                        .arg(m_maxPages));

    const QString pagemapPath = QStringLiteral("%1/pagemap").arg(pid);
    std::vector<quint64> pfns; // of present pages, for the frame reads
    bool anyPfn = false;
    quint64 pagesDone = 0;
    for (PageMapSnapshot::Range &range : snapshot.ranges) {
        for (quint64 page = 0; page < range.pageCount;) {
            if (m_control.isCancelled()) {
                outcome.cancelled = true;
                return outcome;
            }
            const quint64 count = std::min(range.pageCount - page, m_chunkEntries);
            const quint64 firstEntry = range.start / snapshot.pageSize + page;
            const ReadResult chunk = m_source.readRange(pagemapPath, firstEntry * EntrySize, count * EntrySize);
            // pagemap ends early once the address space is gone, and a zombie's refuses to open
            // (ESRCH, or EACCES without root): either way the process exited since maps was read.
            const bool cut = chunk.ok() ? quint64(chunk.data.size()) < count * EntrySize : hasExited(pid);
            if (cut) {
                const quint64 stoppedAt = range.start + (page + quint64(chunk.data.size()) / EntrySize) * snapshot.pageSize;
                return fail(ReadResult::Status::ProcessExited,
                            ProcfsText::tr("%1/%2: the read stopped at %3: process %4 exited during the read")
                                .arg(m_source.rootPath(), pagemapPath, hex(stoppedAt))
                                .arg(pid));
            }
            if (!chunk.ok())
                return fail(chunk.status, chunk.message);
            for (qsizetype offset = 0; offset < chunk.data.size(); offset += EntrySize) {
                quint64 raw = 0;
                std::memcpy(&raw, chunk.data.constData() + offset, EntrySize);
                const PageEntry entry = PageEntry::decode(raw);
                if (!entry.present)
                    continue;
                ++snapshot.presentCount;
                if (entry.pfn == 0) // hidden, or garbage: PFN 0 is never a user page
                    continue;
                anyPfn = true;
                if (m_readFrames)
                    pfns.push_back(entry.pfn);
            }
            // A range that fits one chunk keeps the chunk's bytes as they are: no copy.
            if (count == range.pageCount) {
                range.entries = chunk.data;
            } else {
                if (page == 0)
                    range.entries.reserve(qsizetype(range.pageCount * EntrySize));
                range.entries.append(chunk.data);
            }
            page += count;
            pagesDone += count;
            m_control.report(pagesDone, snapshot.pageCount);
        }
    }

    if (snapshot.presentCount > 0 && !anyPfn) {
        snapshot.pfnsHidden = true;
        snapshot.frameInfoError = ProcfsText::tr("physical frame numbers are hidden: the kernel shows them only to "
                                                 "processes with CAP_SYS_ADMIN (run as root)");
    } else if (!pfns.empty()) {
        readFrames(&snapshot, std::move(pfns), &outcome);
        if (outcome.cancelled)
            return outcome;
    }

    const ReadResult stat = m_source.readFile(QStringLiteral("%1/stat").arg(pid));
    if (stat.ok()) {
        const Parsed<ProcessStat> parsedStat = ProcessStat::parse(stat.data);
        snapshot.faultsKnown = parsedStat.ok();
        snapshot.minflt = parsedStat.value.minflt;
        snapshot.majflt = parsedStat.value.majflt;
    }
    return outcome;
}

bool PageMapReader::hasExited(int pid) const
{
    const ReadResult stat = m_source.readFile(QStringLiteral("%1/stat").arg(pid));
    if (stat.status == ReadResult::Status::ProcessExited)
        return true;
    const char state = ProcessStat::parse(stat.data).value.state;
    return state == 'Z' || state == 'X';
}

void PageMapReader::readFrames(PageMapSnapshot *snapshot, std::vector<quint64> pfns,
                               ReadOutcome<PageMapSnapshot> *outcome) const
{
    // Progress counts pagemap pages: the frame reads report none, only cancel is passed on.
    ReadOutcome<FrameTable> table = FrameTable::read(m_source, std::move(pfns), m_frameGap, {m_control.cancelled, {}});
    if (table.cancelled) {
        outcome->cancelled = true;
        return;
    }
    if (!table.ok()) {
        snapshot->frameInfoError = table.error;
        return;
    }
    snapshot->frames = std::move(table.value);
    const ReadOutcome<quint64> end = FrameTable::pfnEnd(m_source);
    snapshot->pfnEnd = end.ok() ? end.value : 0;
}
