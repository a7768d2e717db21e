// The page views with millions of pages: a generated /proc tree (one process, 2 Mi pages over
// heap, libraries, a big partly touched anonymous mapping, shared memory and a stack, with
// kpageflags/kpagecount for its frames) read by PageMapReader, then PageModel::setSnapshot, the
// page grid redrawn zoomed out and fully zoomed in, and the virtual → physical picture.
// Target: a repaint within 16 ms; at zoom-out the cost follows visible cells, not pages.
// Run on demand, built in RelWithDebInfo: bench_pageviews

#include "pagemapreader.h"
#include "pagemapview.h"
#include "pagemodel.h"
#include "physicalview.h"
#include "treeprocsource.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QPixmap>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {
constexpr quint64 PageSize = 4096;
constexpr quint64 Present = quint64(1) << 63;
constexpr quint64 SwappedBit = quint64(1) << 62;
constexpr quint64 FileShared = quint64(1) << 61;
constexpr quint64 Exclusive = quint64(1) << 56;
constexpr quint64 SoftDirty = quint64(1) << 55;
constexpr quint64 PfnEnd = quint64(1) << 22; // 16 GiB of RAM
constexpr quint64 RunFrames = 32; // consecutive pages get consecutive frames in runs of this
// kpageflags bits
constexpr int KpfUptodate = 3, KpfLru = 5, KpfMmap = 11, KpfAnon = 12, KpfHead = 15, KpfTail = 16, KpfThp = 22;

double millisecondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

template<typename Work>
double bestMs(int runs, Work work)
{
    double best = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, millisecondsSince(timer));
    }
    return best;
}

struct Region
{
    quint64 start;
    quint64 pages;
    const char *perms;
    const char *name;
    bool file; // pagemap bit 61 for present pages
    int presentPercent; // of pages present; the rest split between swapped and not present
    int swappedPercent;
};

quint32 nextRandom(quint32 &state)
{
    state = state * 1664525u + 1013904223u;
    return state >> 8;
}

// Writes PID 4242 with `pages` pages in total into root; returns false on an I/O failure.
bool writeTree(const QString &root, quint64 pages)
{
    // Proportions of a large process: heap 25 %, libraries 5 %, a big sparse anonymous mapping
    // 55 %, shared memory 10 %, stack and small bits 5 %.
    const quint64 heap = pages / 4, libs = pages / 20, anon = pages * 55 / 100, shm = pages / 10;
    const quint64 stack = pages - heap - libs - anon - shm;
    const std::vector<Region> regions{
        {0x0000'5555'0000'0000, heap, "rw-p", "[heap]", false, 85, 10},
        {0x0000'7f00'0000'0000, libs / 2, "r-xp", "/usr/lib/libbig.so", true, 70, 0},
        {0x0000'7f00'0000'0000 + libs / 2 * PageSize, libs - libs / 2, "r--p", "/usr/lib/libbig.so", true, 60, 0},
        {0x0000'7f10'0000'0000, anon, "rw-p", "", false, 40, 5},
        {0x0000'7f20'0000'0000, shm, "rw-s", "/dev/shm/bench", true, 90, 0},
        {0x0000'7ffd'0000'0000, stack, "rw-p", "[stack]", false, 30, 0},
    };
    if (!QDir(root).mkpath(QStringLiteral("4242")))
        return false;
    QString maps;
    for (const Region &r : regions)
        maps += QStringLiteral("%1-%2 %3 00000000 00:00 0 %4\n")
                    .arg(r.start, 12, 16, QLatin1Char('0'))
                    .arg(r.start + r.pages * PageSize, 12, 16, QLatin1Char('0'))
                    .arg(QLatin1String(r.perms), QLatin1String(r.name));
    const auto writeFile = [&](const QString &name, const QByteArray &bytes) {
        QFile file(root + QLatin1Char('/') + name);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    if (!writeFile(QStringLiteral("4242/maps"), maps.toUtf8())
        || !writeFile(QStringLiteral("4242/stat"),
                      QByteArrayLiteral("4242 (bench) S 1 4242 4242 0 -1 4194304 1234 0 5 0 0 0 0 0 20 0 1 0 77947 "
                                        "2535424 305 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n"))
        || !writeFile(QStringLiteral("pagesize"), QByteArrayLiteral("4096\n")))
        return false;

    std::vector<quint64> kpageflags(PfnEnd, 0);
    std::vector<quint64> kpagecount(PfnEnd, 0);
    QFile pagemap(root + QStringLiteral("/4242/pagemap"));
    if (!pagemap.open(QIODevice::WriteOnly))
        return false;
    quint32 random = 12345;
    quint64 run = 0; // runs of frames, spread over RAM by an odd multiplier modulo the block count
    quint64 inRun = RunFrames;
    quint64 block = 0;
    constexpr quint64 Blocks = PfnEnd / RunFrames;
    for (const Region &r : regions) {
        std::vector<quint64> entries(r.pages, 0);
        for (quint64 p = 0; p < r.pages;) {
            // Pages come in stretches of one state, as real processes touch memory in runs.
            const quint64 stretch = std::min<quint64>(r.pages - p, 1 + nextRandom(random) % 256);
            const int roll = int(nextRandom(random) % 100);
            const bool thp = !r.file && stretch >= 64 && nextRandom(random) % 8 == 0;
            for (quint64 i = 0; i < stretch; ++i, ++p) {
                quint64 entry = 0;
                if (roll < r.presentPercent) {
                    if (inRun == RunFrames) {
                        block = ((++run) * 40503) % Blocks;
                        if (block == 0)
                            block = ((++run) * 40503) % Blocks;
                        inRun = 0;
                    }
                    const quint64 pfn = block * RunFrames + inRun++;
                    entry = Present | pfn | (r.file ? FileShared : Exclusive) | (i % 3 == 0 ? SoftDirty : 0);
                    quint64 flags = (quint64(1) << KpfUptodate) | (quint64(1) << KpfLru) | (quint64(1) << KpfMmap);
                    if (!r.file)
                        flags |= quint64(1) << KpfAnon;
                    if (thp)
                        flags |= (quint64(1) << KpfThp) | (quint64(1) << (i % 512 == 0 ? KpfHead : KpfTail));
                    kpageflags[pfn] = flags;
                    kpagecount[pfn] = r.file ? 1 + nextRandom(random) % 3 : 1; // libraries and shm: often shared
                } else if (roll < r.presentPercent + r.swappedPercent) {
                    entry = SwappedBit | ((p & 0xffff) << 5) | 1; // swap type 1
                }
                entries[p] = entry;
            }
        }
        if (!pagemap.seek(qint64(r.start / PageSize * 8))
            || pagemap.write(reinterpret_cast<const char *>(entries.data()), qint64(entries.size() * 8)) != qint64(entries.size() * 8))
            return false;
    }
    pagemap.close();
    return writeFile(QStringLiteral("kpageflags"), QByteArray(reinterpret_cast<const char *>(kpageflags.data()), qsizetype(PfnEnd * 8)))
        && writeFile(QStringLiteral("kpagecount"), QByteArray(reinterpret_cast<const char *>(kpagecount.data()), qsizetype(PfnEnd * 8)));
}

std::shared_ptr<const PageMapSnapshot> snapshotOf(quint64 pages)
{
    QTemporaryDir dir;
    if (!dir.isValid() || !writeTree(dir.path(), pages)) {
        std::fprintf(stderr, "cannot write the tree under %s\n", qPrintable(dir.path()));
        return nullptr;
    }
    const TreeProcSource source(dir.path());
    QElapsedTimer timer;
    timer.start();
    ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(4242, {});
    if (!read.ok()) {
        std::fprintf(stderr, "read failed: %s\n", qPrintable(read.error));
        return nullptr;
    }
    std::printf("  read %llu pages (%llu present, %lld frames) from the tree in %.1f ms\n",
                static_cast<unsigned long long>(read.value.pageCount), static_cast<unsigned long long>(read.value.presentCount),
                static_cast<long long>(read.value.frames.size()), millisecondsSince(timer));
    return std::make_shared<const PageMapSnapshot>(std::move(read.value));
}

constexpr int Runs = 5;
const QSize ImageSize(1200, 900);

void measure(const char *label, quint64 pages, bool full)
{
    std::printf("%s: %llu pages\n", label, static_cast<unsigned long long>(pages));
    const std::shared_ptr<const PageMapSnapshot> snapshot = snapshotOf(pages);
    if (!snapshot)
        return;

    // setSnapshot alone (no views), then with both views attached (PhysicalView collects its links).
    const double setMs = bestMs(Runs, [&] {
        PageModel model;
        model.setSnapshot(snapshot);
    });
    std::printf("  PageModel::setSnapshot                        %8.2f ms\n", setMs);

    PageModel model;
    PageMapView grid;
    grid.resize(ImageSize);
    grid.setModel(&model);
    PhysicalView physical;
    physical.resize(ImageSize);
    physical.setModel(&model);
    const double setViewsMs = bestMs(Runs, [&] {
        model.setSnapshot(nullptr);
        model.setSnapshot(snapshot);
    });
    std::printf("  setSnapshot with both views attached          %8.2f ms  (includes clearing)\n", setViewsMs);

    // Zoomed out: smallest cells, as many pages a cell as make the whole process fit in one screen.
    grid.setCellSize(PageMapView::MinCellSize);
    const qint64 cellsOnScreen = qint64(grid.columns()) * (ImageSize.height() / (PageMapView::MinCellSize + 1));
    qint64 perCell = 1;
    while (perCell * cellsOnScreen < model.pageCount())
        perCell *= 2;
    grid.setPagesPerCell(perCell);
    const double outMs = bestMs(Runs, [&] { grid.renderImage(ImageSize); });
    std::printf("  PageMapView zoomed out, %5lld pages a cell      %8.2f ms  (%d columns)\n",
                static_cast<long long>(grid.pagesPerCell()), outMs, grid.columns());
    if (full) {
        grid.setPagesPerCell(16);
        const double out16Ms = bestMs(Runs, [&] { grid.renderImage(ImageSize); });
        std::printf("  PageMapView zoomed out, %5lld pages a cell      %8.2f ms  (screen full, top of the grid)\n",
                    static_cast<long long>(grid.pagesPerCell()), out16Ms);

        grid.setPagesPerCell(1);
        grid.setCellSize(12);
        grid.scrollToPage(model.pageCount() / 2);
        const double inMs = bestMs(Runs, [&] { grid.renderImage(ImageSize); });
        std::printf("  PageMapView one page a cell (12 px), middle   %8.2f ms\n", inMs);
        grid.setCellSize(PageMapView::MinCellSize);
        grid.scrollToPage(model.pageCount() / 2);
        const double inSmallMs = bestMs(Runs, [&] { grid.renderImage(ImageSize); });
        std::printf("  PageMapView one page a cell (6 px), middle    %8.2f ms\n", inSmallMs);

        const double physMs = bestMs(Runs, [&] { physical.renderImage(ImageSize); });
        std::printf("  PhysicalView renderImage (export)             %8.2f ms  (%lld links, %lld lines drawn)\n", physMs,
                    static_cast<long long>(physical.linkCount()), static_cast<long long>(physical.drawnLineCount()));
        // On screen the picture is drawn once per data or size change; repaints copy it.
        QPixmap target(ImageSize);
        model.setSnapshot(nullptr);
        model.setSnapshot(snapshot);
        QElapsedTimer timer;
        timer.start();
        physical.render(&target);
        const double firstMs = millisecondsSince(timer);
        const double repaintMs = bestMs(Runs, [&] { physical.render(&target); });
        std::printf("  PhysicalView widget: first paint %8.2f ms, repaint %8.2f ms\n", firstMs, repaintMs);
    }
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("renderImage %dx%d, best of %d (target: repaint <= 16 ms)\n", ImageSize.width(), ImageSize.height(), Runs);
    measure("2 Mi pages", quint64(2) << 20, true);
    measure("200 Ki pages", 200 * 1024, true);
    return 0;
}
