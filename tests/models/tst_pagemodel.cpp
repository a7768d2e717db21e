// PageModel, PageTableModel and PageMapLoader over the hand-built trees in tests/data/pagemap and
// over random trees written by the test.
#include "modelroles.h"
#include "pagemaploader.h"
#include "pagemapreader.h"
#include "pagemodel.h"
#include "pagetablemodel.h"
#include "treeprocsource.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
constexpr quint64 Page = 4096;
constexpr quint64 bit(int n)
{
    return quint64(1) << n;
}

QString treePath(const QString &tree)
{
    return QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/") + tree);
}

std::shared_ptr<const PageMapSnapshot> readTree(const QString &tree, int pid)
{
    const TreeProcSource source(treePath(tree));
    ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(pid, {});
    if (!read.ok())
        qWarning("%s", qPrintable(read.error));
    return read.ok() ? std::make_shared<const PageMapSnapshot>(std::move(read.value)) : nullptr;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

void putU64(QByteArray *bytes, quint64 index, quint64 value)
{
    if (bytes->size() < qsizetype((index + 1) * 8))
        bytes->resize(qsizetype((index + 1) * 8), '\0');
    std::memcpy(bytes->data() + index * 8, &value, 8);
}

QString displayed(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

QVariant raw(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data(ModelRoles::RawValueRole);
}

// What one page of a random tree must count as, worked out from the generator's own tables.
struct Expected
{
    PageModel::State state = PageModel::NotPresent;
    quint8 overlays = 0;
};
} // namespace

class TstPageModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturePages_data();
    void fixturePages();
    void addresses();
    void aggregatesMatchBruteForce();
    void emptyModel();
    void tableCells();
    void tableWithModelTester();
    void tableHiddenPfns();
    void csvExport();
    void loaderLoads();
    void loaderFails();
    void loaderKeepsOnlyTheLatest();
    void loaderCancel();
};

void TstPageModel::fixturePages_data()
{
    QTest::addColumn<qint64>("page"); // index in the model (tree "root": [heap] 0-15, lib 16-19, shm 20-21, 22)
    QTest::addColumn<quint64>("address");
    QTest::addColumn<PageModel::State>("state");
    QTest::addColumn<QList<PageModel::Overlay>>("overlays");
    QTest::addColumn<qsizetype>("mapping");

    using O = PageModel::Overlay;
    using L = QList<PageModel::Overlay>;
    QTest::newRow("anon, exclusive, soft-dirty") << qint64(0) << quint64(0x10000) << PageModel::PresentAnon
                                                 << L{O::SoftDirty, O::Exclusive} << qsizetype(0);
    QTest::newRow("not present") << qint64(2) << quint64(0x12000) << PageModel::NotPresent << L{} << qsizetype(0);
    QTest::newRow("swapped, soft-dirty") << qint64(3) << quint64(0x13000) << PageModel::Swapped << L{O::SoftDirty}
                                         << qsizetype(0);
    QTest::newRow("shared after fork") << qint64(4) << quint64(0x14000) << PageModel::PresentAnon << L{O::Shared}
                                       << qsizetype(0);
    QTest::newRow("THP head") << qint64(5) << quint64(0x15000) << PageModel::PresentAnon << L{O::Exclusive, O::Huge}
                              << qsizetype(0);
    QTest::newRow("THP tail") << qint64(6) << quint64(0x16000) << PageModel::PresentAnon << L{O::Exclusive, O::Huge}
                              << qsizetype(0);
    QTest::newRow("zero page") << qint64(7) << quint64(0x17000) << PageModel::PresentAnon << L{O::ZeroPage}
                               << qsizetype(0);
    QTest::newRow("KSM, mapped 3 times") << qint64(8) << quint64(0x18000) << PageModel::PresentAnon
                                         << L{O::Shared, O::Ksm} << qsizetype(0);
    QTest::newRow("guard region") << qint64(10) << quint64(0x1a000) << PageModel::NotPresent << L{} << qsizetype(0);
    QTest::newRow("file page") << qint64(16) << quint64(0x20000) << PageModel::PresentFile << L{O::Shared}
                               << qsizetype(1);
    QTest::newRow("file not read in") << qint64(19) << quint64(0x23000) << PageModel::NotPresent << L{} << qsizetype(1);
    QTest::newRow("shared anonymous") << qint64(20) << quint64(0x30000) << PageModel::PresentFile << L{O::Shared}
                                      << qsizetype(2);
    QTest::newRow("last") << qint64(22) << quint64(0x40000) << PageModel::NotPresent << L{} << qsizetype(3);
}

void TstPageModel::fixturePages()
{
    QFETCH(qint64, page);
    QFETCH(QList<PageModel::Overlay>, overlays);

    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    QCOMPARE(model.pageCount(), 23);
    const PageModel::Page p = model.pageAt(page);
    QTEST(p.address, "address");
    QTEST(p.state, "state");
    QTEST(p.mapping, "mapping");
    for (int overlay = 0; overlay < PageModel::OverlayCount; ++overlay)
        QCOMPARE(p.has(PageModel::Overlay(overlay)), overlays.contains(PageModel::Overlay(overlay)));
    QCOMPARE(p.frame.has_value(), p.entry.present);
    // One page's aggregate is that page.
    const PageModel::Aggregate one = model.aggregate(page, 1);
    QCOMPARE(one.pages, 1u);
    for (int state = 0; state < PageModel::StateCount; ++state)
        QCOMPARE(one.count(PageModel::State(state)), quint64(state == p.state));
    for (int overlay = 0; overlay < PageModel::OverlayCount; ++overlay)
        QCOMPARE(one.count(PageModel::Overlay(overlay)), quint64(p.has(PageModel::Overlay(overlay))));
}

void TstPageModel::addresses()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    QCOMPARE(model.virtualAddressOfPage(0), 0x10000u);
    QCOMPARE(model.virtualAddressOfPage(15), 0x1f000u);
    QCOMPARE(model.virtualAddressOfPage(16), 0x20000u);
    QCOMPARE(model.virtualAddressOfPage(22), 0x40000u);
    QCOMPARE(model.pageOfAddress(0x10000), 0);
    QCOMPARE(model.pageOfAddress(0x1ffff), 15);
    QCOMPARE(model.pageOfAddress(0x20fff), 16);
    QCOMPARE(model.pageOfAddress(0x31abc), 21);
    QCOMPARE(model.pageOfAddress(0x40000), 22);
    QCOMPARE(model.pageOfAddress(0xffff), -1); // before the first range
    QCOMPARE(model.pageOfAddress(0x24000), -1); // between ranges
    QCOMPARE(model.pageOfAddress(0x41000), -1); // after the last
    QCOMPARE(model.pageOfAddress(0xffffffffff600000), -1); // [vsyscall] is not read
    QCOMPARE(model.rangeOfPage(16), 1);
    QCOMPARE(model.firstPageOfRange(2), 20);
    QVERIFY(!model.pfnsHidden());
    QCOMPARE(model.frameInfoError(), QString());

    // Whole-model aggregate: the fixture's 23 pages.
    const PageModel::Aggregate all = model.aggregate(0, model.pageCount());
    QCOMPARE(all.pages, 23u);
    QCOMPARE(all.count(PageModel::PresentAnon), 8u);
    QCOMPARE(all.count(PageModel::PresentFile), 3u);
    QCOMPARE(all.count(PageModel::Swapped), 2u);
    QCOMPARE(all.count(PageModel::NotPresent), 10u);
    QCOMPARE(all.count(PageModel::SoftDirty), 2u);
    QCOMPARE(all.count(PageModel::Exclusive), 5u);
    QCOMPARE(all.count(PageModel::Shared), 5u);
    QCOMPARE(all.count(PageModel::Huge), 2u);
    QCOMPARE(all.count(PageModel::ZeroPage), 1u);
    QCOMPARE(all.count(PageModel::Ksm), 1u);
    // Clipped to the pages there are.
    QCOMPARE(model.aggregate(-5, 1000), all);
    QCOMPARE(model.aggregate(20, 1000).pages, 3u);
    QCOMPARE(model.aggregate(23, 5).pages, 0u);
    QCOMPARE(model.aggregate(3, 0), PageModel::Aggregate());
    QCOMPARE(model.aggregate(3, -2), PageModel::Aggregate());
}

void TstPageModel::aggregatesMatchBruteForce()
{
    // A random tree: three mappings, pages in every state, frames with every overlay, PFNs
    // shared between pages. Seeded, so a failure repeats.
    QRandomGenerator random(20240601);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkdir(QStringLiteral("77")));
    const QList<QPair<quint64, quint64>> mappings{{0x1000, 5000}, {0x3000, 333}, {0x4000, 70001}}; // first page, pages
    QByteArray maps;
    for (const auto &[first, pages] : mappings)
        maps += QByteArray::number(first * Page, 16) + '-' + QByteArray::number((first + pages) * Page, 16)
            + " rw-p 00000000 00:00 0 \n";
    QVERIFY(writeFile(root.filePath(QStringLiteral("77/maps")), maps));

    constexpr quint64 Frames = 20000;
    QByteArray flags;
    QByteArray counts;
    std::vector<quint64> frameFlags(Frames);
    std::vector<quint64> frameCounts(Frames);
    for (quint64 pfn = 1; pfn < Frames; ++pfn) {
        quint64 f = bit(5);
        for (int b : {15, 16, 17, 22, 21, 24})
            f |= random.bounded(8) == 0 ? bit(b) : 0;
        frameFlags[pfn] = f;
        frameCounts[pfn] = random.bounded(4);
        putU64(&flags, pfn, f);
        putU64(&counts, pfn, frameCounts[pfn]);
    }
    QVERIFY(writeFile(root.filePath(QStringLiteral("kpageflags")), flags));
    QVERIFY(writeFile(root.filePath(QStringLiteral("kpagecount")), counts));

    QByteArray pagemap;
    std::vector<Expected> expected;
    for (const auto &[first, pages] : mappings) {
        for (quint64 page = first; page < first + pages; ++page) {
            const quint32 kind = random.bounded(20);
            const bool softDirty = random.bounded(3) == 0;
            const bool exclusive = random.bounded(2) == 0;
            Expected e;
            quint64 entry = (softDirty ? bit(55) : 0) | (exclusive ? bit(56) : 0);
            if (kind < 8) { // not present: only soft-dirty may be left
                entry &= bit(55);
            } else if (kind < 10) {
                entry = bit(62) | (softDirty ? bit(55) : 0) | (quint64(random.bounded(1000)) << 5) | 2;
                e.state = PageModel::Swapped;
            } else {
                const quint64 pfn = 1 + random.bounded(Frames - 1);
                const bool file = kind < 13;
                entry |= bit(63) | (file ? bit(61) : 0) | pfn;
                e.state = file ? PageModel::PresentFile : PageModel::PresentAnon;
                const quint64 f = frameFlags[pfn];
                e.overlays |= frameCounts[pfn] > 1 ? 1u << PageModel::Shared : 0;
                e.overlays |= f & (bit(15) | bit(16) | bit(17) | bit(22)) ? 1u << PageModel::Huge : 0;
                e.overlays |= f & bit(24) ? 1u << PageModel::ZeroPage : 0;
                e.overlays |= f & bit(21) ? 1u << PageModel::Ksm : 0;
            }
            e.overlays |= entry & bit(55) ? 1u << PageModel::SoftDirty : 0;
            e.overlays |= entry & bit(56) ? 1u << PageModel::Exclusive : 0;
            putU64(&pagemap, page, entry);
            expected.push_back(e);
        }
    }
    QVERIFY(writeFile(root.filePath(QStringLiteral("77/pagemap")), pagemap));

    const TreeProcSource source(root.path());
    ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(77, {});
    QVERIFY2(read.ok(), qPrintable(read.error));
    PageModel model;
    QSignalSpy aboutToChange(&model, &PageModel::snapshotAboutToChange);
    QSignalSpy changed(&model, &PageModel::snapshotChanged);
    model.setSnapshot(std::make_shared<const PageMapSnapshot>(std::move(read.value)));
    QCOMPARE(aboutToChange.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.pageCount(), qint64(expected.size()));

    for (qint64 page = 0; page < model.pageCount(); ++page) {
        const PageModel::Page p = model.pageAt(page);
        QCOMPARE(p.state, expected[size_t(page)].state);
        QCOMPARE(p.overlays, expected[size_t(page)].overlays);
    }
    const auto bruteForce = [&](qint64 first, qint64 count) {
        PageModel::Aggregate sum;
        for (qint64 page = first; page < first + count; ++page) {
            const Expected &e = expected[size_t(page)];
            ++sum.pages;
            ++sum.states[e.state];
            for (int overlay = 0; overlay < PageModel::OverlayCount; ++overlay)
                sum.overlays[size_t(overlay)] += (e.overlays >> overlay) & 1;
        }
        return sum;
    };
    const qint64 pages = model.pageCount();
    QList<QPair<qint64, qint64>> cells{{0, pages}, {0, 1}, {pages - 1, 1}, {63, 2}, {64, 64}, {4999, 2}, {5000, 333}};
    for (int i = 0; i < 2000; ++i) {
        const qint64 first = random.bounded(pages);
        cells.append({first, 1 + random.bounded(qMin<qint64>(pages - first, i % 2 ? 100 : 40000))});
    }
    for (const auto &[first, count] : std::as_const(cells))
        QVERIFY2(model.aggregate(first, count) == bruteForce(first, count),
                 qPrintable(QStringLiteral("pages %1 + %2").arg(first).arg(count)));
}

void TstPageModel::emptyModel()
{
    PageModel model;
    QCOMPARE(model.pageCount(), 0);
    QCOMPARE(model.aggregate(0, 10), PageModel::Aggregate());
    QCOMPARE(model.pageOfAddress(0x1000), -1);
    QVERIFY(!model.pfnsHidden());
    QVERIFY(!model.snapshot());
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    model.setSnapshot(nullptr);
    QCOMPARE(model.pageCount(), 0);
    QCOMPARE(model.aggregate(0, 10), PageModel::Aggregate());
}

void TstPageModel::tableCells()
{
    PageModel pages;
    PageTableModel table(&pages);
    QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
    pages.setSnapshot(readTree(QStringLiteral("root"), 4242));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(table.rowCount(), 23);
    QCOMPARE(table.columnCount(), int(PageTableModel::ColumnCount));

    using C = PageTableModel;
    QCOMPARE(displayed(table, 0, C::AddressColumn), QStringLiteral("0x000000010000"));
    QCOMPARE(raw(table, 0, C::AddressColumn).toULongLong(), 0x10000u);
    QCOMPARE(displayed(table, 0, C::StateColumn), QStringLiteral("anonymous"));
    QCOMPARE(displayed(table, 0, C::PfnColumn), QStringLiteral("0x100"));
    QCOMPARE(raw(table, 0, C::PfnColumn).toULongLong(), 0x100u);
    QCOMPARE(displayed(table, 0, C::PhysicalAddressColumn), QStringLiteral("0x000000100000"));
    QCOMPARE(raw(table, 0, C::PhysicalAddressColumn).toULongLong(), 0x100000u);
    QCOMPARE(displayed(table, 0, C::FlagsColumn), QStringLiteral("present, exclusive, soft-dirty"));
    QCOMPARE(raw(table, 0, C::FlagsColumn).toULongLong(), 0x8180000000000000u);
    QCOMPARE(displayed(table, 0, C::PageFlagsColumn),
             QStringLiteral("REFERENCED UPTODATE DIRTY LRU ACTIVE MMAP ANON SWAPBACKED"));
    QCOMPARE(displayed(table, 0, C::MapCountColumn), QStringLiteral("1"));
    QCOMPARE(displayed(table, 0, C::SwapTypeColumn), QString());
    QCOMPARE(displayed(table, 0, C::MappingColumn), QStringLiteral("[heap]"));

    // Swapped: no frame, a swap location.
    QCOMPARE(displayed(table, 3, C::StateColumn), QStringLiteral("swapped"));
    QCOMPARE(displayed(table, 3, C::PfnColumn), QString());
    QVERIFY(!raw(table, 3, C::PfnColumn).isValid());
    QCOMPARE(displayed(table, 3, C::FlagsColumn), QStringLiteral("swapped, soft-dirty"));
    QCOMPARE(displayed(table, 3, C::SwapTypeColumn), QStringLiteral("1"));
    QCOMPARE(displayed(table, 3, C::SwapOffsetColumn), QStringLiteral("0x2a"));
    QCOMPARE(raw(table, 3, C::SwapOffsetColumn).toULongLong(), 0x2au);
    QCOMPARE(displayed(table, 3, C::MapCountColumn), QString());
    QCOMPARE(displayed(table, 11, C::SwapTypeColumn), QStringLiteral("31"));
    QCOMPARE(displayed(table, 11, C::SwapOffsetColumn), QStringLiteral("0x12345"));

    QCOMPARE(displayed(table, 9, C::FlagsColumn), QStringLiteral("present, exclusive, uffd-wp"));
    QCOMPARE(displayed(table, 10, C::FlagsColumn), QStringLiteral("guard"));
    QCOMPARE(displayed(table, 10, C::StateColumn), QStringLiteral("not present"));
    QCOMPARE(displayed(table, 7, C::PageFlagsColumn), QStringLiteral("ZERO_PAGE"));
    QCOMPARE(raw(table, 7, C::PageFlagsColumn).toULongLong(), bit(24) | bit(32));
    QCOMPARE(displayed(table, 7, C::MapCountColumn), QStringLiteral("0"));
    QCOMPARE(displayed(table, 16, C::StateColumn), QStringLiteral("file or shared"));
    QCOMPARE(displayed(table, 16, C::FlagsColumn), QStringLiteral("present, file/shared"));
    QCOMPARE(displayed(table, 16, C::MapCountColumn), QStringLiteral("5"));
    QCOMPARE(displayed(table, 16, C::MappingColumn), QStringLiteral("/usr/lib/libfixture.so"));
    QCOMPARE(displayed(table, 22, C::MappingColumn), QString()); // anonymous
    QCOMPARE(displayed(table, 22, C::FlagsColumn), QString());

    QCOMPARE(table.headerData(C::PfnColumn, Qt::Horizontal).toString(), QStringLiteral("PFN"));
    for (int column = 0; column < C::ColumnCount; ++column) {
        QVERIFY(!table.headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!table.headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    pages.setSnapshot(nullptr);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(table.rowCount(), 0);
}

void TstPageModel::tableWithModelTester()
{
    PageModel pages;
    PageTableModel table(&pages);
    QSortFilterProxyModel proxy;
    proxy.setSortRole(ModelRoles::RawValueRole);
    proxy.setSourceModel(&table);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    pages.setSnapshot(readTree(QStringLiteral("root"), 4242));
    pages.setSnapshot(readTree(QStringLiteral("hidden"), 4243));
    pages.setSnapshot(readTree(QStringLiteral("root"), 4242));
    // Sorted by the raw values: map counts and PFNs as numbers. Empty cells (no value) sort apart.
    const auto sortedCells = [&proxy](int column, Qt::SortOrder order) {
        proxy.sort(column, order);
        QStringList cells;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QString text = proxy.index(row, column).data().toString();
            if (!text.isEmpty())
                cells.append(text);
        }
        return cells.join(QLatin1Char(' '));
    };
    QCOMPARE(sortedCells(PageTableModel::MapCountColumn, Qt::DescendingOrder), QStringLiteral("7 5 3 2 2 1 1 1 1 1 0"));
    QCOMPARE(sortedCells(PageTableModel::PfnColumn, Qt::AscendingOrder),
             QStringLiteral("0x50 0x100 0x101 0x102 0x103 0x200 0x201 0x300 0x400 0x401 0x402"));
    pages.setSnapshot(nullptr);
    QCOMPARE(proxy.rowCount(), 0);
}

void TstPageModel::tableHiddenPfns()
{
    PageModel pages;
    PageTableModel table(&pages);
    pages.setSnapshot(readTree(QStringLiteral("hidden"), 4243));
    QVERIFY(pages.pfnsHidden());
    QVERIFY(pages.frameInfoError().startsWith(QStringLiteral("physical frame numbers are hidden")));
    QCOMPARE(table.rowCount(), 23);
    int hidden = 0;
    for (int row = 0; row < table.rowCount(); ++row) {
        const bool present = pages.pageAt(row).entry.present;
        for (int column : {PageTableModel::PfnColumn, PageTableModel::PhysicalAddressColumn}) {
            const QString text = displayed(table, row, column);
            QCOMPARE(text, present ? QStringLiteral("hidden") : QString());
            QVERIFY(!raw(table, row, column).isValid());
        }
        hidden += present;
        QCOMPARE(displayed(table, row, PageTableModel::PageFlagsColumn), QString());
        QCOMPARE(displayed(table, row, PageTableModel::MapCountColumn), QString());
        QVERIFY(!pages.pageAt(row).frame);
    }
    QCOMPARE(hidden, 11);
    // The pagemap flags stay.
    QCOMPARE(displayed(table, 0, PageTableModel::FlagsColumn), QStringLiteral("present, exclusive, soft-dirty"));
    // No frame data: no overlays that need it.
    const PageModel::Aggregate all = pages.aggregate(0, pages.pageCount());
    QCOMPARE(all.count(PageModel::PresentAnon), 8u);
    QCOMPARE(all.count(PageModel::Exclusive), 5u);
    QCOMPARE(all.count(PageModel::Shared) + all.count(PageModel::Huge) + all.count(PageModel::ZeroPage)
                 + all.count(PageModel::Ksm),
             0u);
}

void TstPageModel::csvExport()
{
    PageModel pages;
    PageTableModel table(&pages);
    pages.setSnapshot(readTree(QStringLiteral("root"), 4242));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("pages.csv"));
    QString error;
    QVERIFY2(table.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 23 + 1); // header, rows, and the empty piece after the last newline
    QCOMPARE(lines.at(0), QByteArray("Address,State,PFN,Physical address,Flags,Page flags,Map count,Swap type,"
                                     "Swap offset,Mapping"));
    QCOMPARE(lines.at(1), QByteArray("0x000000010000,anonymous,0x100,0x000000100000,\"present, exclusive, soft-dirty\","
                                     "REFERENCED UPTODATE DIRTY LRU ACTIVE MMAP ANON SWAPBACKED,1,,,[heap]"));
    QCOMPARE(lines.at(4), QByteArray("0x000000013000,swapped,,,\"swapped, soft-dirty\",,,1,0x2a,[heap]"));
    QCOMPARE(lines.at(23), QByteArray("0x000000040000,not present,,,,,,,,"));
    QCOMPARE(lines.at(24), QByteArray());

    const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/pages.csv"));
    QVERIFY(!table.exportCsv(nowhere, &error));
    QVERIFY2(error.startsWith(nowhere + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!QFile::exists(nowhere));
}

void TstPageModel::loaderLoads()
{
    PageMapLoader loader;
    QSignalSpy loaded(&loader, &PageMapLoader::loaded);
    QSignalSpy progress(&loader, &PageMapLoader::progress);
    QSignalSpy failed(&loader, &PageMapLoader::failed);
    loader.load(std::make_shared<TreeProcSource>(treePath(QStringLiteral("root"))), 4242, {{0x10000, 0x14000}});
    QVERIFY(loader.isLoading());
    QCOMPARE(loader.pid(), 4242);
    QVERIFY(loaded.wait(10000));
    QVERIFY(!loader.isLoading());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.at(0).at(0).toInt(), 4242);
    const auto snapshot = loaded.at(0).at(1).value<std::shared_ptr<const PageMapSnapshot>>();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->pageCount, 4u);
    QCOMPARE(snapshot->presentCount, 2u);
    QCOMPARE(snapshot->frames.size(), 2);
    // Progress is throttled on its way to the GUI thread, but the last report (all done) always
    // arrives, and before the result.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), (QList<QVariant>{4242, quint64(4), quint64(4)}));
    for (const QList<QVariant> &report : std::as_const(progress))
        QVERIFY(report.at(1).toULongLong() <= 4u);
}

void TstPageModel::loaderFails()
{
    PageMapLoader loader;
    QSignalSpy loaded(&loader, &PageMapLoader::loaded);
    QSignalSpy failed(&loader, &PageMapLoader::failed);
    loader.load(std::make_shared<TreeProcSource>(treePath(QStringLiteral("exited"))), 4245, {});
    QVERIFY(failed.wait(10000));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.at(0).at(0).toInt(), 4245);
    QCOMPARE(failed.at(0).at(1).value<ReadResult::Status>(), ReadResult::Status::ProcessExited);
    QCOMPARE(failed.at(0).at(2).toString(),
             treePath(QStringLiteral("exited"))
                 + QStringLiteral("/4245/pagemap: the read stopped at 0x14000: process 4245 exited during the read"));
    QVERIFY(!loader.isLoading());
}

void TstPageModel::loaderKeepsOnlyTheLatest()
{
    PageMapLoader loader;
    QSignalSpy loaded(&loader, &PageMapLoader::loaded);
    QSignalSpy failed(&loader, &PageMapLoader::failed);
    loader.load(std::make_shared<TreeProcSource>(treePath(QStringLiteral("exited"))), 4245, {});
    loader.load(std::make_shared<TreeProcSource>(treePath(QStringLiteral("hidden"))), 4243, {});
    QVERIFY(loaded.wait(10000));
    QTest::qWait(100); // the first read's result, had it not been dropped, would have arrived by now
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toInt(), 4243);
    QVERIFY(loaded.at(0).at(1).value<std::shared_ptr<const PageMapSnapshot>>()->pfnsHidden);
}

void TstPageModel::loaderCancel()
{
    PageMapLoader loader;
    QSignalSpy loaded(&loader, &PageMapLoader::loaded);
    QSignalSpy failed(&loader, &PageMapLoader::failed);
    QSignalSpy progress(&loader, &PageMapLoader::progress);
    loader.load(std::make_shared<TreeProcSource>(treePath(QStringLiteral("root"))), 4242, {});
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QTest::qWait(200);
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(progress.count(), 0);
}

QTEST_GUILESS_MAIN(TstPageModel)
#include "tst_pagemodel.moc"
