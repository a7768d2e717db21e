// PageMapView and PhysicalView over the hand-built trees in tests/data/pagemap and over snapshots
// built by the test: pixels of cells, the banners, hit tests, page → frame geometry.
#include "pagemapreader.h"
#include "pagemapview.h"
#include "pagemodel.h"
#include "pagepalette.h"
#include "physicalview.h"
#include "treeprocsource.h"

#include <QDir>
#include <QFile>
#include <QHelpEvent>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <cstring>
#include <memory>

namespace {
constexpr quint64 Present = quint64(1) << 63;

std::shared_ptr<const PageMapSnapshot> readTree(const QString &tree, int pid)
{
    const TreeProcSource source(QDir::cleanPath(QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/") + tree));
    ReadOutcome<PageMapSnapshot> read = PageMapReader(source).read(pid, {});
    if (!read.ok())
        qWarning("%s", qPrintable(read.error));
    return read.ok() ? std::make_shared<const PageMapSnapshot>(std::move(read.value)) : nullptr;
}

// One anonymous range of entries as given.
std::shared_ptr<const PageMapSnapshot> makeSnapshot(const std::vector<quint64> &entries)
{
    auto snapshot = std::make_shared<PageMapSnapshot>();
    snapshot->pid = 1;
    Mapping mapping;
    mapping.start = 0x100000;
    mapping.end = mapping.start + entries.size() * 4096;
    mapping.readable = mapping.writable = true;
    snapshot->mappings << mapping;
    PageMapSnapshot::Range range;
    range.start = mapping.start;
    range.pageCount = entries.size();
    range.mapping = 0;
    range.entries = QByteArray(reinterpret_cast<const char *>(entries.data()), qsizetype(entries.size() * 8));
    snapshot->ranges << range;
    snapshot->pageCount = entries.size();
    for (quint64 e : entries)
        snapshot->presentCount += (e & Present) ? 1 : 0;
    return snapshot;
}

QColor pixel(const QImage &image, const QPoint &point)
{
    return image.pixelColor(point).toRgb();
}

qint64 firstPage(const PageModel &model, PageModel::State state)
{
    for (qint64 page = 0; page < model.pageCount(); ++page) {
        const PageModel::Page p = model.pageAt(page);
        if (p.state == state && !p.has(PageModel::ZeroPage))
            return page;
    }
    return -1;
}
} // namespace

class TstPageMapView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellColours();
    void aggregatedStripes();
    void banner_data();
    void banner();
    void clickSelects();
    void zoom();
    void wheelZooms();
    void toolTip_data();
    void toolTip();
    void exportPng();
    void exportSvg();
    void physicalLinks();
    void physicalHidden();
    void physicalSampling();
    void physicalRepaintFollowsChanges();
    void minimumSizeKeepsRoomBelowTheLegend();
};

void TstPageMapView::cellColours()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    QVERIFY(model.pageCount() > 0);
    PageMapView view;
    view.resize(800, 600);
    view.setModel(&model);
    view.setCellSize(24);
    const PagePalette colours(view.palette());
    const QImage image = view.grab().toImage();
    for (PageModel::State state : { PageModel::PresentAnon, PageModel::PresentFile, PageModel::Swapped, PageModel::NotPresent }) {
        const qint64 page = firstPage(model, state);
        QVERIFY2(page >= 0, qPrintable(PagePalette::stateName(state)));
        const QRect cell = view.cellRect(page);
        QVERIFY(view.rect().contains(cell));
        QCOMPARE(pixel(image, cell.center()), colours.state(state));
        QCOMPARE(view.pageAtPoint(cell.center()), page);
    }
}

void TstPageMapView::aggregatedStripes()
{
    // 64 pages: 16 present anonymous, then 48 not present: a one-cell view shows 1/4 : 3/4.
    std::vector<quint64> entries(64, 0);
    for (int i = 0; i < 16; ++i)
        entries[size_t(i)] = Present | quint64(100 + i);
    PageModel model;
    model.setSnapshot(makeSnapshot(entries));
    PageMapView view;
    view.resize(600, 400);
    view.setModel(&model);
    view.setCellSize(PageMapView::MaxCellSize);
    view.setPagesPerCell(64);
    const PagePalette colours(view.palette());
    const QRect cell = view.cellRect(10);
    QCOMPARE(cell, view.cellRect(63)); // one cell holds them all
    const QImage image = view.grab().toImage();
    int anon = 0, notPresent = 0;
    for (int y = cell.top(); y <= cell.bottom(); ++y) {
        const QColor c = pixel(image, QPoint(cell.center().x(), y));
        anon += c == colours.state(PageModel::PresentAnon);
        notPresent += c == colours.state(PageModel::NotPresent);
    }
    QCOMPARE(anon, PageMapView::MaxCellSize / 4);
    QCOMPARE(notPresent, PageMapView::MaxCellSize * 3 / 4);
    // Zoomed to 4 pages a cell: the anon cells are solid, the rest empty.
    view.setPagesPerCell(4);
    const QImage zoomed = view.grab().toImage();
    QCOMPARE(pixel(zoomed, view.cellRect(0).center()), colours.state(PageModel::PresentAnon));
    QCOMPARE(pixel(zoomed, view.cellRect(40).center()), colours.state(PageModel::NotPresent));
    QVERIFY(view.cellRect(0) != view.cellRect(4));
}

void TstPageMapView::banner_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<int>("pid");
    QTest::addColumn<bool>("hidden");
    QTest::addColumn<bool>("shown");
    QTest::newRow("root") << QStringLiteral("root") << 4242 << false << false;
    QTest::newRow("hidden") << QStringLiteral("hidden") << 4243 << true << true;
    QTest::newRow("noframes") << QStringLiteral("noframes") << 4244 << false << true;
}

void TstPageMapView::banner()
{
    QFETCH(QString, tree);
    QFETCH(int, pid);
    QFETCH(bool, hidden);
    QFETCH(bool, shown);
    PageModel model;
    model.setSnapshot(readTree(tree, pid));
    QCOMPARE(model.pfnsHidden(), hidden);
    PageMapView view;
    view.resize(800, 600);
    view.setModel(&model);
    QCOMPARE(view.isBannerShown(), shown);
    QCOMPARE(view.bannerText().contains(QStringLiteral("CAP_SYS_ADMIN")), hidden);
    PhysicalView physical;
    physical.resize(800, 600);
    physical.setModel(&model);
    QCOMPARE(physical.isBannerShown(), shown);
    QCOMPARE(physical.bannerText().contains(QStringLiteral("CAP_SYS_ADMIN")), hidden);
    // Cells start below the banner.
    if (shown)
        QVERIFY(view.cellRect(0).top() > view.findChild<QWidget *>()->geometry().bottom());
    // Clearing the snapshot clears the banner.
    model.setSnapshot(nullptr);
    QVERIFY(!view.isBannerShown());
    QVERIFY(!physical.isBannerShown());
}

void TstPageMapView::clickSelects()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    PageMapView view;
    view.resize(800, 600);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &PageMapView::pageSelected);
    const qint64 target = model.pageCount() - 1; // in the last range, below its header
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(target).center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toLongLong(), target);
    QCOMPARE(view.selectedPage(), target);
    // A header or gap selects nothing.
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(0).topLeft() - QPoint(0, 4));
    QCOMPARE(spy.count(), 1);
    // Aggregated: the cell's first page.
    view.setPagesPerCell(4);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.cellRect(6).center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toLongLong(), qint64(4));
}

void TstPageMapView::zoom()
{
    PageMapView view;
    view.setCellSize(12);
    view.zoomIn();
    QVERIFY(view.cellSize() > 12);
    QCOMPARE(view.pagesPerCell(), qint64(1));
    for (int i = 0; i < 20; ++i)
        view.zoomOut();
    QVERIFY(view.pagesPerCell() > 1);
    QVERIFY(view.cellSize() >= PageMapView::MinCellSize);
    const qint64 ppc = view.pagesPerCell();
    view.zoomIn();
    QCOMPARE(view.pagesPerCell(), ppc / 2);
}

void TstPageMapView::wheelZooms()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    PageMapView view;
    view.resize(800, 600);
    view.setModel(&model);
    view.setCellSize(12);
    const QPointF at = view.cellRect(0).center();
    QWheelEvent out(at, view.mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::ControlModifier,
                    Qt::NoScrollPhase, false);
    for (int i = 0; i < 10; ++i)
        QCoreApplication::sendEvent(&view, &out);
    QVERIFY(view.pagesPerCell() > 1);
    QWheelEvent in(at, view.mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                   Qt::NoScrollPhase, false);
    for (int i = 0; i < 20; ++i)
        QCoreApplication::sendEvent(&view, &in);
    QCOMPARE(view.pagesPerCell(), qint64(1));
    QVERIFY(view.cellSize() > 12);
}

void TstPageMapView::toolTip_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("pfn");
    QTest::newRow("root") << QStringLiteral("root") << 4242 << QStringLiteral("PFN: 0x");
    QTest::newRow("hidden") << QStringLiteral("hidden") << 4243 << QStringLiteral("PFN: hidden");
}

void TstPageMapView::toolTip()
{
    QFETCH(QString, tree);
    QFETCH(int, pid);
    QFETCH(QString, pfn);
    PageModel model;
    model.setSnapshot(readTree(tree, pid));
    PageMapView view;
    view.resize(800, 600);
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 page = firstPage(model, PageModel::PresentAnon);
    const QPoint at = view.cellRect(page).center();
    QHelpEvent help(QEvent::ToolTip, at, view.mapToGlobal(at));
    QCoreApplication::sendEvent(&view, &help);
    const QString text = QToolTip::text();
    QVERIFY2(text.contains(pfn), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("State: Present, anonymous")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("[heap]")), qPrintable(text));
    QCOMPARE(text.contains(QStringLiteral("kpageflags:")), tree == QStringLiteral("root"));
    QToolTip::hideText();
}

void TstPageMapView::exportPng()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("hidden"), 4243));
    PageMapView view;
    view.setModel(&model);
    PhysicalView physical;
    physical.setModel(&model);
    QTemporaryDir dir;
    QString error;
    QVERIFY2(view.exportPng(dir.filePath(QStringLiteral("grid.png")), QSize(640, 480), 2, &error), qPrintable(error));
    QVERIFY2(physical.exportPng(dir.filePath(QStringLiteral("phys.png")), QSize(640, 480), 1, &error), qPrintable(error));
    const QImage image(dir.filePath(QStringLiteral("grid.png")));
    QCOMPARE(image.size(), QSize(1280, 960));
    QVERIFY(!view.exportPng(dir.filePath(QStringLiteral("missing/grid.png")), QSize(64, 64), 1, &error));
    QVERIFY(!error.isEmpty());
}

void TstPageMapView::exportSvg()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("hidden"), 4243));
    PageMapView view;
    view.setModel(&model);
    PhysicalView physical;
    physical.setModel(&model);
    QTemporaryDir dir;
    QString error;
    const QString grid = dir.filePath(QStringLiteral("grid.svg"));
    const QString phys = dir.filePath(QStringLiteral("phys.svg"));
    QVERIFY2(view.exportSvg(grid, QSize(640, 480), &error), qPrintable(error));
    QVERIFY2(physical.exportSvg(phys, QSize(640, 480), &error), qPrintable(error));
    for (const QString &path : { grid, phys }) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY2(svg.startsWith("<?xml"), qPrintable(path));
        QVERIFY2(svg.contains("</svg>"), qPrintable(path));
    }

    // A path that cannot be written: an error, and no file, not even a partial one.
    for (const QString &bad : { dir.filePath(QStringLiteral("missing/grid.svg")), dir.filePath(QStringLiteral("missing/phys.svg")) }) {
        error.clear();
        const bool written = bad.endsWith(QStringLiteral("grid.svg")) ? view.exportSvg(bad, QSize(64, 64), &error)
                                                                       : physical.exportSvg(bad, QSize(64, 64), &error);
        QVERIFY(!written);
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(bad));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary left behind
}

void TstPageMapView::physicalLinks()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    PhysicalView view;
    view.resize(800, 600);
    view.setModel(&model);
    QVERIFY(view.linkCount() > 0);
    QCOMPARE(view.drawnLineCount(), view.linkCount());
    const PagePalette colours(view.palette());
    const QImage image = view.grab().toImage();
    const QRect strip = view.frameStripRect();
    QVERIFY(view.yForPfn(0) < view.yForPfn(view.pfnEnd() - 1));
    QVERIFY(view.yForPfn(0) >= strip.top());
    QVERIFY(view.yForPfn(view.pfnEnd() - 1) <= strip.bottom() + 1);
    int checked = 0, shared = 0;
    for (qint64 page = 0; page < model.pageCount(); ++page) {
        const PageModel::Page p = model.pageAt(page);
        if (!p.entry.present || p.entry.pfn == 0)
            continue;
        // The tick at the frame's y, where the page's line ends.
        const QColor tick = pixel(image, QPoint(strip.left() - 3, int(view.yForPfn(p.entry.pfn))));
        const bool isShared = p.frame && p.frame->mapCount > 1;
        QVERIFY2(tick == colours.sharedFrame() || (!isShared && tick == colours.privateFrame()),
                 qPrintable(QStringLiteral("page %1 pfn %2: %3").arg(page).arg(p.entry.pfn).arg(tick.name())));
        ++checked;
        shared += isShared;
    }
    QVERIFY(checked > 0);
    QVERIFY(shared > 0); // the fixture has copy-on-write and file pages mapped elsewhere
    QVERIFY(view.caption().contains(QStringLiteral("shared")));
}

void TstPageMapView::physicalHidden()
{
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("hidden"), 4243));
    QVERIFY(model.snapshot()->presentCount > 0);
    PhysicalView view;
    view.resize(800, 600);
    view.setModel(&model);
    QCOMPARE(view.linkCount(), qsizetype(0));
    QCOMPARE(view.drawnLineCount(), qsizetype(0));
    QVERIFY(view.caption().contains(QStringLiteral("hidden")));
    QCOMPARE(view.endOfRamLabel(), QStringLiteral("end of RAM")); // not "0x1": without frames the end is unknown
    // Nothing ticked: PFN 0 is never drawn as a frame.
    const QImage image = view.grab().toImage();
    const QRect strip = view.frameStripRect();
    const PagePalette colours(view.palette());
    for (int y = strip.top(); y <= strip.bottom(); ++y) {
        const QColor c = pixel(image, QPoint(strip.left() - 3, y));
        QVERIFY(c != colours.privateFrame() && c != colours.sharedFrame());
    }
}

void TstPageMapView::physicalSampling()
{
    std::vector<quint64> entries(5000);
    for (size_t i = 0; i < entries.size(); ++i)
        entries[i] = Present | quint64(1000 + i);
    PageModel model;
    model.setSnapshot(makeSnapshot(entries));
    PhysicalView view;
    view.resize(800, 600);
    view.setModel(&model);
    QCOMPARE(view.linkCount(), qsizetype(5000));
    QCOMPARE(view.drawnLineCount(), PhysicalView::MaxLines);
    const QLocale locale;
    QVERIFY2(view.caption().contains(QStringLiteral("Showing %1 of %2").arg(locale.toString(2000), locale.toString(5000))),
             qPrintable(view.caption()));
    QCOMPARE(view.pfnEnd(), quint64(1000 + 5000)); // no census, no recorded end: one past the highest frame
    QVERIFY2(view.endOfRamLabel().startsWith(QStringLiteral("0x1770")), qPrintable(view.endOfRamLabel()));
    // Page order follows frame order here: the line of page 0 starts above that of page 4999.
    QVERIFY(view.yForPage(0) < view.yForPage(4999));
    QVERIFY(view.yForPfn(1000) < view.yForPfn(5999));
}

void TstPageMapView::physicalRepaintFollowsChanges()
{
    // The on-screen picture is kept between paints: it must still follow the data and the size.
    std::vector<quint64> low(64), high(64);
    for (size_t i = 0; i < low.size(); ++i) {
        low[i] = Present | quint64(100 + i);
        high[i] = Present | quint64(9000 + i);
    }
    PageModel model;
    model.setSnapshot(makeSnapshot(low));
    PhysicalView view;
    view.resize(800, 600);
    view.setModel(&model);
    const PagePalette colours(view.palette());
    const auto tickAt = [&](const QImage &image, quint64 pfn) {
        return pixel(image, QPoint(view.frameStripRect().left() - 3, int(view.yForPfn(pfn))));
    };
    const QImage before = view.grab().toImage();
    QCOMPARE(view.grab().toImage(), before); // a repaint gives the same picture
    QCOMPARE(before, view.renderImage(view.size()).convertToFormat(before.format()));
    QCOMPARE(tickAt(before, 100), colours.privateFrame());

    model.setSnapshot(makeSnapshot(high));
    const QImage after = view.grab().toImage();
    QVERIFY(after != before);
    QVERIFY(tickAt(after, 100) != colours.privateFrame());
    QCOMPARE(tickAt(after, 9000), colours.privateFrame());

    view.resize(700, 500);
    const QImage resized = view.grab().toImage();
    QCOMPARE(resized.size(), QSize(700, 500) * view.devicePixelRatioF());
    QCOMPARE(tickAt(resized, 9000), colours.privateFrame());
}

void TstPageMapView::minimumSizeKeepsRoomBelowTheLegend()
{
    // Presentation mode's font and a narrow pane wrap the legends over many lines: at its minimum
    // size each view still has room for its picture, and the physical view's strips never overlap.
    PageModel model;
    model.setSnapshot(readTree(QStringLiteral("root"), 4242));
    PhysicalView physical;
    PageMapView grid;
    physical.setModel(&model);
    grid.setModel(&model);
    QFont large = physical.font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    for (const QFont &font : {physical.font(), large}) {
        physical.setFont(font);
        grid.setFont(font);
        for (const int width : {900, 300}) {
            physical.resize(width, 100);
            QSize minimum = physical.minimumSizeHint();
            physical.resize(std::max(width, minimum.width()), minimum.height());
            const QRect strip = physical.frameStripRect();
            QVERIFY2(strip.height() >= 120, qPrintable(QStringLiteral("%1 px wide: strip %2 px").arg(width).arg(strip.height())));
            QVERIFY(strip.right() < physical.width());
            const qreal firstPage = physical.yForPage(0);
            QVERIFY(firstPage >= strip.top() && firstPage <= strip.bottom());
            QVERIFY(physical.minimumSizeHint().width() <= 300); // fits beside the grid in a teaching window

            grid.resize(width, 100);
            minimum = grid.minimumSizeHint();
            grid.resize(std::max(width, minimum.width()), minimum.height());
            // The first row of cells is in view, with room below it for more.
            int firstRow = 0;
            while (firstRow < grid.height() && grid.pageAtPoint(QPoint(10, firstRow)) < 0)
                ++firstRow;
            QVERIFY2(firstRow + 3 * 12 < grid.height(), qPrintable(QStringLiteral("%1 px wide: cells from y %2 of %3").arg(width).arg(firstRow).arg(grid.height())));
        }
    }
    // The larger font needs more height at the same width.
    physical.setFont(QFont(large.family(), int(large.pointSizeF() / 1.6)));
    physical.resize(300, 100);
    const int normalHeight = physical.minimumSizeHint().height();
    physical.setFont(large);
    QVERIFY(physical.minimumSizeHint().height() > normalHeight);
}

QTEST_MAIN(TstPageMapView)
#include "tst_pagemapview.moc"
