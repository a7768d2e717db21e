#pragma once

#include "frameinfo.h"
#include "pageentry.h"
#include "pagemapsnapshot.h"

#include <QObject>

#include <array>
#include <memory>
#include <optional>
#include <vector>

// The data behind the page grid: every page of a PageMapSnapshot with a state and overlay bits,
// and counts over any run of pages in constant time, so drawing a zoomed-out grid costs the same
// for a thousand pages as for a million. Pages are numbered across the snapshot's ranges in
// address order (gaps between ranges take no page numbers).
class PageModel : public QObject
{
    Q_OBJECT

public:
    enum State : quint8 {
        PresentAnon, // in RAM, anonymous (private) memory
        PresentFile, // in RAM, a file page or shared anonymous memory (pagemap bit 61)
        Swapped,
        NotPresent,
        StateCount
    };
    Q_ENUM(State)
    enum Overlay : quint8 {
        SoftDirty, // written since soft-dirty bits were last cleared
        Exclusive, // mapped by this process only
        Shared, // kpagecount > 1
        Huge, // part of a transparent or hugetlb huge page (kpageflags THP, HUGE, COMPOUND_*)
        ZeroPage, // the shared zero page (read, never written)
        Ksm, // merged by kernel same-page merging
        OverlayCount
    };
    Q_ENUM(Overlay)

    struct Page
    {
        quint64 address = 0;
        State state = NotPresent;
        quint8 overlays = 0; // bit n set: Overlay n applies
        PageEntry entry;
        std::optional<FrameInfo> frame; // when the page is present, its PFN known and frame data read
        qsizetype mapping = -1; // index into snapshot()->mappings

        bool has(Overlay overlay) const { return overlays & (1u << overlay); }
    };

    struct Aggregate
    {
        quint64 pages = 0;
        std::array<quint64, StateCount> states{};
        std::array<quint64, OverlayCount> overlays{};

        quint64 count(State state) const { return states[state]; }
        quint64 count(Overlay overlay) const { return overlays[overlay]; }
        friend bool operator==(const Aggregate &, const Aggregate &) = default;
    };

    explicit PageModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const PageMapSnapshot> snapshot); // null clears
    std::shared_ptr<const PageMapSnapshot> snapshot() const { return m_snapshot; }

    qint64 pageCount() const { return qint64(m_pageCount); }
    Page pageAt(qint64 page) const; // 0 <= page < pageCount()
    // Counts over [firstPage, firstPage + pageCount), clipped to the pages there are. O(1).
    Aggregate aggregate(qint64 firstPage, qint64 pageCount) const;
    quint64 virtualAddressOfPage(qint64 page) const;
    qint64 pageOfAddress(quint64 address) const; // -1 when no read range holds it
    int rangeOfPage(qint64 page) const; // index into snapshot()->ranges
    qint64 firstPageOfRange(int range) const { return qint64(m_rangeFirstPage[size_t(range)]); }

    bool pfnsHidden() const { return m_snapshot && m_snapshot->pfnsHidden; }
    QString frameInfoError() const { return m_snapshot ? m_snapshot->frameInfoError : QString(); }

Q_SIGNALS:
    void snapshotAboutToChange();
    void snapshotChanged();

private:
    // State bits and overlay bits are counted alike, as categories.
    static constexpr int CategoryCount = int(StateCount) + int(OverlayCount);

    void index();
    quint64 rank(int category, quint64 page) const; // pages before `page` in category

    std::shared_ptr<const PageMapSnapshot> m_snapshot;
    quint64 m_pageCount = 0;
    std::vector<quint64> m_rangeFirstPage; // index-aligned with the snapshot's ranges
    // For every 64 pages and category: a word with a bit per page, and the count before the word.
    // About 2.5 bytes a page: rank() is two loads and a popcount.
    std::vector<quint64> m_bits; // [word * CategoryCount + category]
    std::vector<quint64> m_before; // same layout
};
