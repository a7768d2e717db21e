#include "pagemodel.h"

#include <algorithm>
#include <bit>

namespace {
constexpr quint64 WordBits = 64;

PageModel::State stateOf(const PageEntry &entry)
{
    if (entry.present)
        return entry.fileOrSharedAnon ? PageModel::PresentFile : PageModel::PresentAnon;
    return entry.swapped ? PageModel::Swapped : PageModel::NotPresent;
}

quint8 overlaysOf(const PageEntry &entry, const FrameInfo *frame)
{
    const auto bit = [](PageModel::Overlay overlay, bool set) { return set ? quint8(1u << overlay) : quint8(0); };
    quint8 overlays = bit(PageModel::SoftDirty, entry.softDirty) | bit(PageModel::Exclusive, entry.exclusive);
    if (frame) {
        using namespace KPageFlags;
        const bool huge = frame->has(Thp) || frame->has(Huge) || frame->has(CompoundHead) || frame->has(CompoundTail);
        overlays |= bit(PageModel::Shared, frame->mapCount > 1) | bit(PageModel::Huge, huge)
            | bit(PageModel::ZeroPage, frame->has(ZeroPage)) | bit(PageModel::Ksm, frame->has(Ksm));
    }
    return overlays;
}

// PFN 0 is never a page of a process: it is what the kernel reports when it hides PFNs.
const FrameInfo *frameOf(const PageMapSnapshot &snapshot, const PageEntry &entry)
{
    return entry.present && entry.pfn != 0 ? snapshot.frames.find(entry.pfn) : nullptr;
}
} // namespace

PageModel::PageModel(QObject *parent)
    : QObject(parent)
{
}

void PageModel::setSnapshot(std::shared_ptr<const PageMapSnapshot> snapshot)
{
    Q_EMIT snapshotAboutToChange();
    m_snapshot = std::move(snapshot);
    index();
    Q_EMIT snapshotChanged();
}

void PageModel::index()
{
    m_pageCount = 0;
    m_rangeFirstPage.clear();
    m_bits.clear();
    m_before.clear();
    if (!m_snapshot)
        return;
    for (const PageMapSnapshot::Range &range : m_snapshot->ranges) {
        m_rangeFirstPage.push_back(m_pageCount);
        m_pageCount += range.pageCount;
    }
    // One word more than needed: rank(c, pageCount()) then needs no special case.
    const size_t words = size_t(m_pageCount / WordBits) + 1;
    m_bits.assign(words * CategoryCount, 0);
    m_before.assign(words * CategoryCount, 0);
    quint64 page = 0;
    for (const PageMapSnapshot::Range &range : m_snapshot->ranges) {
        for (quint64 i = 0; i < range.pageCount; ++i, ++page) {
            const PageEntry entry = PageEntry::decode(range.rawEntry(i));
            const unsigned overlays = overlaysOf(entry, frameOf(*m_snapshot, entry));
            const unsigned categories = (1u << stateOf(entry)) | (overlays << StateCount);
            quint64 *word = &m_bits[size_t(page / WordBits) * CategoryCount];
            for (unsigned rest = categories; rest != 0; rest &= rest - 1)
                word[std::countr_zero(rest)] |= quint64(1) << (page % WordBits);
        }
    }
    std::array<quint64, CategoryCount> running{};
    for (size_t word = 0; word < words; ++word) {
        for (int category = 0; category < CategoryCount; ++category) {
            const size_t at = word * CategoryCount + size_t(category);
            m_before[at] = running[size_t(category)];
            running[size_t(category)] += quint64(std::popcount(m_bits[at]));
        }
    }
}

quint64 PageModel::rank(int category, quint64 page) const
{
    const size_t at = size_t(page / WordBits) * CategoryCount + size_t(category);
    const quint64 below = (quint64(1) << (page % WordBits)) - 1;
    return m_before[at] + quint64(std::popcount(m_bits[at] & below));
}

PageModel::Aggregate PageModel::aggregate(qint64 firstPage, qint64 pageCount) const
{
    Aggregate result;
    const quint64 first = quint64(std::clamp<qint64>(firstPage, 0, qint64(m_pageCount)));
    const quint64 wanted = pageCount <= 0 ? 0 : std::min(quint64(pageCount), m_pageCount);
    const quint64 end = std::min(m_pageCount, first + wanted);
    if (end <= first)
        return result;
    result.pages = end - first;
    for (int state = 0; state < StateCount; ++state)
        result.states[size_t(state)] = rank(state, end) - rank(state, first);
    for (int overlay = 0; overlay < OverlayCount; ++overlay)
        result.overlays[size_t(overlay)] = rank(StateCount + overlay, end) - rank(StateCount + overlay, first);
    return result;
}

int PageModel::rangeOfPage(qint64 page) const
{
    const auto after = std::upper_bound(m_rangeFirstPage.begin(), m_rangeFirstPage.end(), quint64(page));
    return int(after - m_rangeFirstPage.begin()) - 1;
}

quint64 PageModel::virtualAddressOfPage(qint64 page) const
{
    const int range = rangeOfPage(page);
    const quint64 offset = quint64(page) - m_rangeFirstPage[size_t(range)];
    return m_snapshot->ranges.at(range).start + offset * m_snapshot->pageSize;
}

qint64 PageModel::pageOfAddress(quint64 address) const
{
    if (!m_snapshot)
        return -1;
    const QList<PageMapSnapshot::Range> &ranges = m_snapshot->ranges;
    const auto startsAfter = [](quint64 value, const PageMapSnapshot::Range &range) { return value < range.start; };
    const auto after = std::upper_bound(ranges.begin(), ranges.end(), address, startsAfter);
    if (after == ranges.begin())
        return -1;
    const qsizetype range = after - ranges.begin() - 1;
    const quint64 offset = (address - ranges.at(range).start) / m_snapshot->pageSize;
    if (offset >= ranges.at(range).pageCount)
        return -1;
    return qint64(m_rangeFirstPage[size_t(range)] + offset);
}

PageModel::Page PageModel::pageAt(qint64 page) const
{
    Page result;
    const int range = rangeOfPage(page);
    const PageMapSnapshot::Range &pages = m_snapshot->ranges.at(range);
    const quint64 offset = quint64(page) - m_rangeFirstPage[size_t(range)];
    result.address = pages.start + offset * m_snapshot->pageSize;
    result.mapping = pages.mapping;
    result.entry = PageEntry::decode(pages.rawEntry(offset));
    result.state = stateOf(result.entry);
    if (const FrameInfo *frame = frameOf(*m_snapshot, result.entry))
        result.frame = *frame;
    result.overlays = overlaysOf(result.entry, result.frame ? &*result.frame : nullptr);
    return result;
}
