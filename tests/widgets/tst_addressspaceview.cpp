#include "addressruler.h"
#include "addressscale.h"
#include "addressspaceview.h"
#include "classicsegments.h"
#include "mappingmodel.h"
#include "mapsparser.h"
#include "modelroles.h"
#include "segmentpalette.h"
#include "smapsparser.h"

#include <QFile>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>

using ScaleMode = AddressSpaceView::ScaleMode;

namespace {
constexpr quint64 UserEnd47 = quint64(1) << 47;
constexpr quint64 KernelStart47 = 0xffff800000000000ull;
const QSize ViewSize(1200, 900);

// Processes recorded from a real machine (Linux 6.18, x86-64): the fixture trees, and one with
// thousands of mappings (tests/data/widgets/maps/many-mappings.c).
struct Case
{
    const char *maps; // relative to tests/data
    const char *exe;
};
const Case Bash{ "trees/bash/12209/maps", "/usr/bin/bash" };
const Case Threads{ "trees/threads/12100/maps", "/tmp/mematlas-record/threads" };
const Case Many{ "widgets/maps/many-mappings.maps", "" };

QByteArray readData(const QString &relative)
{
    QFile file(QStringLiteral(MEMATLAS_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

void load(MappingModel *model, const Case &c)
{
    const Parsed<QList<Mapping>> parsed = MapsParser::parse(readData(QString::fromLatin1(c.maps)));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    model->setMaps(parsed.value, Segments::classify(parsed.value, QString::fromLatin1(c.exe)));
}

// A model and a view on it, shown at ViewSize (mouse and key events need a window).
struct Fixture
{
    MappingModel model;
    AddressSpaceView view;

    explicit Fixture(const Case &c, ScaleMode mode = ScaleMode::Compressed)
    {
        load(&model, c);
        view.setModel(&model);
        view.setScaleMode(mode);
        view.resize(ViewSize);
    }
    bool show()
    {
        view.show();
        return QTest::qWaitForWindowExposed(&view);
    }
    int rowOf(SegmentKind kind) const
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.classificationAt(row).kind == kind)
                return row;
        }
        return -1;
    }
};

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return p;
}

void sendWheel(QWidget *widget, QPoint pos, int angle, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, angle), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

// A model of hand-made mappings, as any model with the two roles can feed the view.
void appendRow(QStandardItemModel *model, quint64 start, quint64 end, SegmentKind kind)
{
    auto *item = new QStandardItem;
    item->setData(QVariant::fromValue(qMakePair(start, end)), ModelRoles::AddressRangeRole);
    item->setData(int(kind), ModelRoles::SegmentKindRole);
    model->appendRow(item);
}
}

class TestAddressSpaceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addressScaleRoundTrip_data();
    void addressScaleRoundTrip();
    void trueScaleSplitLine();
    void compressedMappingsStayVisible_data();
    void compressedMappingsStayVisible();
    void classicLayout_data();
    void classicLayout();
    void classicSegments();
    void hitTesting_data();
    void hitTesting();
    void wheelZoomKeepsAddress_data();
    void wheelZoomKeepsAddress();
    void keyboardZoomAndPan();
    void dragPans();
    void rulerReadableAtEveryZoom_data();
    void rulerReadableAtEveryZoom();
    void clickSelects();
    void externalSelectionScrollsIntoView();
    void upDownStepsThroughMappings();
    void doubleClickActivates();
    void heapPixelColour_data();
    void heapPixelColour();
    void rowOverlay();
    void toolTipShowsSmaps();
    void addressWidth_data();
    void addressWidth();
    void reactsToModelChanges();
    void largeProcess();
    void exportFiles();
};

void TestAddressSpaceView::addressScaleRoundTrip_data()
{
    QTest::addColumn<bool>("trueScale");
    QTest::newRow("true scale") << true;
    QTest::newRow("compressed") << false;
}

void TestAddressSpaceView::addressScaleRoundTrip()
{
    QFETCH(bool, trueScale);
    const std::vector<AddressRange> ranges = { { 0x400000, 0x401000 },
                                               { 0x401000, 0x500000 },
                                               { 0x7f0000000000, 0x7f0040000000 },
                                               { 0xffffffffff600000, 0xffffffffff601000 } };
    AddressScale scale;
    scale.build(trueScale ? AddressScale::Mode::TrueScale : AddressScale::Mode::Compressed,
                AddressSpaceBounds::forWidth(AddressWidth::Bits47), ranges);
    // Higher addresses are higher up, everywhere.
    double previous = scale.height() + 1;
    for (quint64 a : { quint64(0), quint64(0x400000), quint64(0x400800), quint64(0x401000), quint64(0x7f0000000000),
                       UserEnd47 - 1, UserEnd47, KernelStart47, 0xffffffffff600000ull, ~quint64(0) }) {
        const double position = scale.position(a);
        QVERIFY2(position < previous, qPrintable(QString::number(a, 16)));
        previous = position;
    }
    QCOMPARE(scale.position(0), scale.height());
    // Back from positions to the same addresses (mapping edges are exact in both modes).
    for (const AddressRange &r : ranges) {
        QCOMPARE(scale.address((scale.position(r.start) + scale.position(r.start + 1)) / 2), r.start);
        QCOMPARE(scale.pieceOfAddress(r.end - 1), scale.pieceOfRange(int(&r - ranges.data())));
    }
    if (trueScale) {
        // One content unit per byte, so heights are sizes.
        QCOMPARE(scale.position(0x400000) - scale.position(0x401000), 4096.0);
    } else {
        // Log heights: a 1 GiB mapping is taller than a 4 KiB one, but not 2^18 times.
        const double small = scale.position(0x400000) - scale.position(0x401000);
        const double large = scale.position(0x7f0000000000) - scale.position(0x7f0040000000);
        QCOMPARE(small, AddressScale::MinMappingHeight);
        QVERIFY(large > 3 * small && large < 10 * small);
    }
}

void TestAddressSpaceView::trueScaleSplitLine()
{
    Fixture f(Bash, ScaleMode::TrueScale);
    const int userTop = f.view.yForAddress(UserEnd47);
    const int kernelBottom = f.view.yForAddress(KernelStart47);
    const int zero = f.view.yForAddress(0);
    const int top = f.view.yForAddress(~quint64(0));
    const QRectF column = f.view.columnRect();

    // Fitted: the whole space in the column, address 0 at the bottom, the top of the kernel half at the top.
    QVERIFY(f.view.isFitted());
    QVERIFY(top >= column.top() && top <= column.top() + column.height() * 0.02);
    QVERIFY(zero <= column.bottom() && zero >= column.bottom() - column.height() * 0.02);
    // Proportional: both 128 TiB halves equally high, and linear within user space.
    QVERIFY(qAbs((zero - userTop) - (kernelBottom - top)) <= 1);
    QVERIFY(qAbs((zero - f.view.yForAddress(UserEnd47 / 2)) - (f.view.yForAddress(UserEnd47 / 2) - userTop)) <= 1);
    // The hole is a band between them.
    QVERIFY(userTop - kernelBottom > 10);
    QVERIFY(userTop - kernelBottom < column.height() * 0.1);

    // The split is drawn where the address says: the user-space line in the two pixel rows above userTop.
    const QImage image = f.view.renderImage(ViewSize);
    const QColor split = SegmentPalette(f.view.palette()).splitLine();
    const int x = int(column.right()) - 12; // clear of the left-aligned split labels and the break marks
    QList<int> rows;
    for (int y = int(column.top()); y < int(column.bottom()); ++y) {
        if (image.pixelColor(x, y) == split)
            rows.append(y);
    }
    QVERIFY2(rows.contains(userTop - 1) || rows.contains(userTop - 2), qPrintable(QString::number(userTop)));
    QVERIFY(rows.contains(kernelBottom) || rows.contains(kernelBottom + 1));
    for (int y : rows)
        QVERIFY2(qAbs(y - userTop) <= 2 || qAbs(y - kernelBottom) <= 2, qPrintable(QString::number(y)));

    // The address a pixel shows is the address the split says.
    const quint64 atSplit = f.view.addressAtY(userTop);
    QVERIFY(atSplit < UserEnd47 && UserEnd47 - atSplit < UserEnd47 / 100);
}

void TestAddressSpaceView::compressedMappingsStayVisible_data()
{
    QTest::addColumn<int>("fixture");
    QTest::newRow("bash") << 0;
    QTest::newRow("threads") << 1;
}

void TestAddressSpaceView::compressedMappingsStayVisible()
{
    QFETCH(int, fixture);
    Fixture f(fixture == 0 ? Bash : Threads);
    const QRectF column = f.view.columnRect();
    for (int row = 0; row < f.model.rowCount(); ++row) {
        const QRectF r = f.view.mappingRect(row);
        QVERIFY2(r.height() >= 4, qPrintable(QStringLiteral("row %1: %2 px").arg(row).arg(r.height())));
        QVERIFY(column.contains(r));
    }
    // A 4 KiB guard page next to an 8 MiB thread stack stays clickable.
    if (fixture == 1) {
        const int guard = f.rowOf(SegmentKind::Guard);
        QVERIFY(guard >= 0);
        QCOMPARE(f.view.rowAt(f.view.mappingRect(guard).center().toPoint()), guard);
    }
}

void TestAddressSpaceView::classicLayout_data()
{
    QTest::addColumn<ScaleMode>("mode");
    QTest::newRow("compressed") << ScaleMode::Compressed;
    QTest::newRow("true scale") << ScaleMode::TrueScale;
}

void TestAddressSpaceView::classicLayout()
{
    QFETCH(ScaleMode, mode);
    Fixture f(Bash, mode);
    const int heap = f.rowOf(SegmentKind::Heap);
    const int stack = f.rowOf(SegmentKind::Stack);
    QVERIFY(heap >= 0 && stack >= 0);
    const QRectF heapRect = f.view.mappingRect(heap);
    const QRectF stackRect = f.view.mappingRect(stack);
    const int userTop = f.view.yForAddress(UserEnd47);
    for (int row = 0; row < f.model.rowCount(); ++row) {
        const SegmentKind kind = f.model.classificationAt(row).kind;
        const QRectF r = f.view.mappingRect(row);
        // [heap] above the executable's segments (a speck may share their pixel row in true scale).
        // Compressed: whole rectangles apart. True scale: specks that may share a pixel row, in order.
        auto above = [&](const QRectF &upper) {
            return mode == ScaleMode::Compressed ? upper.bottom() <= r.top() : upper.center().y() <= r.center().y();
        };
        // [heap] above the executable's segments.
        if (kind == SegmentKind::Code || kind == SegmentKind::ReadOnlyData || kind == SegmentKind::Data
            || kind == SegmentKind::Bss)
            QVERIFY2(above(heapRect), qPrintable(QString::number(row)));
        // [stack] above every other user mapping.
        if (row != stack && !f.model.classificationAt(row).kernelHalf)
            QVERIFY2(above(stackRect), qPrintable(QString::number(row)));
    }
    // ... and near the top of user space: one free band below the split, or within 1 % in true scale.
    const double allowed = mode == ScaleMode::Compressed ? AddressScale::FreeBand * 2 : f.view.columnRect().height() * 0.01;
    const double stackTop = mode == ScaleMode::Compressed ? stackRect.top() : stackRect.center().y();
    QVERIFY(stackTop >= userTop - 0.5);
    QVERIFY2(stackTop - userTop <= allowed, qPrintable(QString::number(stackTop - userTop)));
}

void TestAddressSpaceView::classicSegments()
{
    MappingModel model;
    load(&model, Bash);
    std::vector<MapItem> items;
    for (int row = 0; row < model.rowCount(); ++row) {
        const Mapping m = model.mappingAt(row);
        items.push_back({ m.start, m.end, model.classificationAt(row).kind, row });
    }
    const ClassicSegments segments = ClassicSegments::find(items, UserEnd47);
    for (const auto &extent : segments.extents)
        QVERIFY(extent.isValid());
    auto kindOf = [&](int item) { return items[std::size_t(item)].kind; };
    QCOMPARE(kindOf(segments.extents[ClassicSegments::Heap].first), SegmentKind::Heap);
    QCOMPARE(kindOf(segments.extents[ClassicSegments::Stack].first), SegmentKind::Stack);
    QCOMPARE(kindOf(segments.extents[ClassicSegments::ReadOnly].first), SegmentKind::ReadOnlyData);
    QCOMPARE(kindOf(segments.extents[ClassicSegments::Data].last), SegmentKind::Bss);
    // The mmap area lies between heap and stack: the first library above the heap to ld.so's last page.
    QVERIFY(segments.extents[ClassicSegments::Mappings].first > segments.extents[ClassicSegments::Heap].last);
    QVERIFY(segments.extents[ClassicSegments::Mappings].last < segments.extents[ClassicSegments::Stack].first);
    // Top-down layout: heap grows up, the mmap area down from its bottom, the stack down.
    QCOMPARE(segments.growth.size(), 3);
    QCOMPARE(segments.growth[0].segment, ClassicSegments::Heap);
    QVERIFY(segments.growth[0].up);
    QCOMPARE(segments.growth[1].segment, ClassicSegments::Mappings);
    QVERIFY(!segments.growth[1].up);
    QCOMPARE(segments.growth[1].item, segments.extents[ClassicSegments::Mappings].first);
    QCOMPARE(segments.growth[2].segment, ClassicSegments::Stack);
    QVERIFY(!segments.growth[2].up);
}

void TestAddressSpaceView::hitTesting_data()
{
    classicLayout_data();
}

void TestAddressSpaceView::hitTesting()
{
    QFETCH(ScaleMode, mode);
    Fixture f(Threads, mode);
    for (int row = 0; row < f.model.rowCount(); ++row) {
        // In true scale the mappings are specks sharing pixels: look at each one close up.
        if (mode == ScaleMode::TrueScale)
            f.view.zoomToRow(row);
        const QRectF r = f.view.mappingRect(row);
        QCOMPARE(f.view.rowAt(r.center().toPoint()), row);
        QCOMPARE(f.view.rowAt(QPoint(int(r.left()) + 2, int(r.center().y()))), row);
    }
    // Free space and the outside of the column hit nothing.
    f.view.fitProcess();
    const int heap = f.rowOf(SegmentKind::Heap);
    const QRectF heapRect = f.view.mappingRect(heap);
    QCOMPARE(f.view.rowAt(QPoint(int(heapRect.center().x()), int(heapRect.top()) - 12)), -1);
    QCOMPARE(f.view.rowAt(QPoint(int(f.view.columnRect().left()) - 20, int(heapRect.center().y()))), -1);
}

void TestAddressSpaceView::wheelZoomKeepsAddress_data()
{
    QTest::addColumn<ScaleMode>("mode");
    QTest::addColumn<double>("at"); // fraction of the column's height
    for (ScaleMode mode : { ScaleMode::Compressed, ScaleMode::TrueScale }) {
        const char *name = mode == ScaleMode::Compressed ? "compressed" : "true scale";
        for (double at : { 0.05, 0.5, 0.62, 0.97 })
            QTest::addRow("%s %.2f", name, at) << mode << at;
    }
}

void TestAddressSpaceView::wheelZoomKeepsAddress()
{
    QFETCH(ScaleMode, mode);
    QFETCH(double, at);
    Fixture f(Bash, mode);
    QVERIFY(f.show());
    const QRectF column = f.view.columnRect();
    const QPoint cursor(int(column.center().x()), int(column.top() + at * column.height()));
    for (int angle : { 120, 240, 360, 120, -120, 480, -240 }) {
        const quint64 before = f.view.addressAtY(cursor.y());
        sendWheel(&f.view, cursor, angle);
        QVERIFY(!f.view.isFitted());
        QVERIFY2(qAbs(f.view.yForAddress(before) - cursor.y()) <= 1,
                 qPrintable(QStringLiteral("%1 at %2, cursor %3").arg(before, 0, 16).arg(f.view.yForAddress(before)).arg(cursor.y())));
    }
    // A pinch (macOS trackpads send native zoom gestures) zooms around its point too.
    for (double value : { 0.5, -0.2, 1.0 }) {
        const quint64 before = f.view.addressAtY(cursor.y());
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, cursor, cursor,
                                  f.view.mapToGlobal(cursor), value, QPointF());
        QApplication::sendEvent(&f.view, &pinch);
        QVERIFY(qAbs(f.view.yForAddress(before) - cursor.y()) <= 1);
    }
    // Deep zoom: true scale goes down to single pages.
    for (int i = 0; i < 200; ++i)
        sendWheel(&f.view, cursor, 120);
    const quint64 span = f.view.addressAtY(int(column.top())) - f.view.addressAtY(int(column.bottom()));
    if (mode == ScaleMode::TrueScale && f.view.addressAtY(cursor.y()) < UserEnd47)
        QVERIFY2(span <= 64 * 1024, qPrintable(QString::number(span)));
    // Shift+wheel pans instead.
    const quint64 before = f.view.addressAtY(cursor.y());
    sendWheel(&f.view, cursor, 120, Qt::ShiftModifier);
    QVERIFY(f.view.addressAtY(cursor.y()) > before);
}

void TestAddressSpaceView::keyboardZoomAndPan()
{
    Fixture f(Threads, ScaleMode::TrueScale);
    QVERIFY(f.show());
    const QRectF column = f.view.columnRect();
    const int middle = int(column.center().y());
    auto spanInView = [&] {
        return double(f.view.addressAtY(int(column.top())) - f.view.addressAtY(int(column.bottom())));
    };
    // Across the whole space, zoom shows in how high user space is drawn.
    auto userHeight = [&] { return f.view.yForAddress(0) - f.view.yForAddress(UserEnd47); };
    const int fitted = userHeight();
    QTest::keyClick(&f.view, Qt::Key_Plus);
    QVERIFY(!f.view.isFitted());
    QVERIFY(userHeight() > fitted * 1.4);
    QTest::keyClick(&f.view, Qt::Key_Home);
    QVERIFY(f.view.isFitted());
    QCOMPARE(userHeight(), fitted);

    // Close to the heap: PageUp shows higher addresses, PageDown lower ones; Ctrl+arrows pan a little.
    f.view.zoomToRow(f.rowOf(SegmentKind::Heap));
    const double zoomed = spanInView();
    quint64 before = f.view.addressAtY(middle);
    QTest::keyClick(&f.view, Qt::Key_PageUp);
    QVERIFY(f.view.addressAtY(middle) > before);
    before = f.view.addressAtY(middle);
    QTest::keyClick(&f.view, Qt::Key_PageDown);
    QTest::keyClick(&f.view, Qt::Key_PageDown);
    QVERIFY(f.view.addressAtY(middle) < before);
    before = f.view.addressAtY(middle);
    QTest::keyClick(&f.view, Qt::Key_Up, Qt::ControlModifier);
    QVERIFY(f.view.addressAtY(middle) > before);
    QTest::keyClick(&f.view, Qt::Key_Down, Qt::ControlModifier);
    QVERIFY(qAbs(double(f.view.addressAtY(middle)) - double(before)) < zoomed / column.height() * 2);
    QVERIFY(qAbs(spanInView() - zoomed) < zoomed * 1e-6);
    QTest::keyClick(&f.view, Qt::Key_Minus);
    QVERIFY(spanInView() > zoomed * 1.2);
}

void TestAddressSpaceView::dragPans()
{
    Fixture f(Threads);
    QVERIFY(f.show());
    f.view.zoomToRow(f.rowOf(SegmentKind::Heap));
    const QRectF column = f.view.columnRect();
    const QPoint from(int(column.center().x()), int(column.center().y()));
    const quint64 grabbed = f.view.addressAtY(from.y());
    // Dragging down by 120 pixels carries the grabbed address along, and selects nothing.
    QTest::mousePress(&f.view, Qt::LeftButton, {}, from);
    for (int dy = 10; dy <= 120; dy += 10)
        QTest::mouseMove(&f.view, from + QPoint(0, dy));
    QTest::mouseRelease(&f.view, Qt::LeftButton, {}, from + QPoint(0, 120));
    QVERIFY(qAbs(f.view.yForAddress(grabbed) - (from.y() + 120)) <= 1);
    QCOMPARE(f.view.selectedRow(), -1);
}

void TestAddressSpaceView::rulerReadableAtEveryZoom_data()
{
    classicLayout_data();
}

void TestAddressSpaceView::rulerReadableAtEveryZoom()
{
    QFETCH(ScaleMode, mode);
    Fixture f(Threads, mode);
    AddressScale scale;
    std::vector<AddressRange> ranges;
    for (int row = 0; row < f.model.rowCount(); ++row)
        ranges.push_back({ f.model.mappingAt(row).start, f.model.mappingAt(row).end });
    scale.build(mode == ScaleMode::TrueScale ? AddressScale::Mode::TrueScale : AddressScale::Mode::Compressed,
                AddressSpaceBounds::forWidth(AddressWidth::Bits47), ranges);
    const double labelHeight = 12;
    const double spacing = 40;
    // From the whole space down to the view's zoom limit, centred on the heap.
    const double centre = scale.position(f.model.mappingAt(f.rowOf(SegmentKind::Heap)).start);
    const double limit = mode == ScaleMode::TrueScale ? 16 * 1024 : AddressScale::MinMappingHeight / 4;
    for (int level = 0; scale.height() / std::pow(2.0, level) >= limit; ++level) {
        const double span = scale.height() / std::pow(2.0, level);
        const ViewWindow window{ std::clamp(centre - span / 2, 0.0, scale.height() - span), span, 0, 850 };
        const auto ticks = AddressRuler::ticks(scale, window, labelHeight, spacing);
        QList<const AddressRuler::Tick *> labelled;
        for (const auto &t : ticks) {
            if (t.labelled)
                labelled.append(&t);
        }
        QVERIFY2(labelled.size() >= 2, qPrintable(QStringLiteral("level %1").arg(level)));
        for (qsizetype i = 1; i < labelled.size(); ++i)
            QVERIFY2(labelled[i]->y - labelled[i - 1]->y >= labelHeight, qPrintable(QStringLiteral("level %1").arg(level)));
        for (const AddressRuler::Tick *t : std::as_const(labelled)) {
            QVERIFY(t->y >= 0 && t->y <= 850);
            // Round ticks are on round addresses: at least 4 KiB-aligned once zoomed to pages.
            if (!t->edge && mode == ScaleMode::TrueScale && span > 1e7)
                QCOMPARE(t->address % 4096, quint64(0));
            // Each label names the address at its pixel.
            QVERIFY(qAbs(window.y(scale.position(t->address)) - t->y) < 0.5);
        }
    }
}

void TestAddressSpaceView::clickSelects()
{
    Fixture f(Bash);
    QVERIFY(f.show());
    const int heap = f.rowOf(SegmentKind::Heap);
    QTest::mouseClick(&f.view, Qt::LeftButton, {}, f.view.mappingRect(heap).center().toPoint());
    const QModelIndexList rows = f.view.selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row(), heap);
    QCOMPARE(f.view.selectedRow(), heap);
    // Selecting whole rows, as the table shows them.
    QVERIFY(f.view.selectionModel()->isSelected(f.model.index(heap, MappingModel::PathColumn)));
    // A click on free space clears the selection.
    const QRectF r = f.view.mappingRect(heap);
    QTest::mouseClick(&f.view, Qt::LeftButton, {}, QPoint(int(r.center().x()), int(r.top()) - 10));
    QCOMPARE(f.view.selectedRow(), -1);
}

void TestAddressSpaceView::externalSelectionScrollsIntoView()
{
    Fixture f(Bash, ScaleMode::TrueScale);
    QItemSelectionModel shared(&f.model);
    f.view.setSelectionModel(&shared);
    QCOMPARE(f.view.selectionModel(), &shared);
    const int heap = f.rowOf(SegmentKind::Heap);
    const int stack = f.rowOf(SegmentKind::Stack);
    f.view.zoomToRow(heap);
    const QRectF column = f.view.columnRect();
    QVERIFY(!column.intersects(f.view.mappingRect(stack)));
    // Another view (the table) selects the stack: it is highlighted and scrolled into view.
    shared.select(f.model.index(stack, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(f.view.selectedRow(), stack);
    QVERIFY(column.contains(f.view.mappingRect(stack).center()));
    // The zoom stays: only scrolled.
    const QImage image = f.view.renderImage(ViewSize);
    const QRectF r = f.view.mappingRect(stack);
    QCOMPARE(image.pixelColor(int(r.center().x()), int(r.top()) - 1), f.view.palette().color(QPalette::Highlight));
    shared.clearSelection();
    QCOMPARE(f.view.selectedRow(), -1);
}

void TestAddressSpaceView::upDownStepsThroughMappings()
{
    Fixture f(Bash);
    QVERIFY(f.show());
    const int heap = f.rowOf(SegmentKind::Heap);
    f.view.selectionModel()->setCurrentIndex(f.model.index(heap, 0),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // Up goes to higher addresses (the next row of maps), Down to lower ones.
    QTest::keyClick(&f.view, Qt::Key_Up);
    QCOMPARE(f.view.selectedRow(), heap + 1);
    QTest::keyClick(&f.view, Qt::Key_Down);
    QTest::keyClick(&f.view, Qt::Key_Down);
    QCOMPARE(f.view.selectedRow(), heap - 1);
    // At the ends it stays.
    f.view.selectionModel()->setCurrentIndex(f.model.index(0, 0),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(&f.view, Qt::Key_Down);
    QCOMPARE(f.view.selectedRow(), 0);
}

void TestAddressSpaceView::doubleClickActivates()
{
    Fixture f(Threads);
    QVERIFY(f.show());
    QSignalSpy activated(&f.view, &AddressSpaceView::mappingActivated);
    const int heap = f.rowOf(SegmentKind::Heap);
    QTest::mouseDClick(&f.view, Qt::LeftButton, {}, f.view.mappingRect(heap).center().toPoint());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toInt(), heap);
    // Zoomed to it: the heap fills most of the column.
    QVERIFY(f.view.mappingRect(heap).height() > f.view.columnRect().height() * 0.5);
    QVERIFY(f.view.columnRect().contains(f.view.mappingRect(heap)));
}

void TestAddressSpaceView::heapPixelColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<ScaleMode>("mode");
    QTest::newRow("light compressed") << false << ScaleMode::Compressed;
    QTest::newRow("dark compressed") << true << ScaleMode::Compressed;
    QTest::newRow("light true scale") << false << ScaleMode::TrueScale;
}

void TestAddressSpaceView::heapPixelColour()
{
    QFETCH(bool, dark);
    QFETCH(ScaleMode, mode);
    Fixture f(Bash, mode);
    if (dark)
        f.view.setPalette(darkPalette());
    const int heap = f.rowOf(SegmentKind::Heap);
    if (mode == ScaleMode::TrueScale)
        f.view.zoomToRow(heap);
    const QRectF r = f.view.mappingRect(heap);
    for (qreal dpr : { 1.0, 2.0 }) {
        const QImage image = f.view.renderImage(ViewSize, dpr);
        QCOMPARE(image.size(), ViewSize * dpr);
        const QColor expected = SegmentPalette(f.view.palette()).fill(SegmentKind::Heap);
        QCOMPARE(image.pixelColor((r.center() * dpr).toPoint()), expected);
    }
    // Kinds differ: the stack's pixel is not the heap's colour.
    f.view.fitProcess();
    const QImage image = f.view.renderImage(ViewSize);
    const QRectF stack = f.view.mappingRect(f.rowOf(SegmentKind::Stack));
    QCOMPARE(image.pixelColor(stack.center().toPoint()), SegmentPalette(f.view.palette()).fill(SegmentKind::Stack));
}

void TestAddressSpaceView::rowOverlay()
{
    Fixture f(Bash);
    const int heap = f.rowOf(SegmentKind::Heap);
    f.view.setRowOverlay(heap, Qt::magenta);
    const QRectF r = f.view.mappingRect(heap);
    const QPoint edge(int(r.center().x()), int(r.top()) + 1);
    QCOMPARE(f.view.renderImage(ViewSize).pixelColor(edge), QColor(Qt::magenta));
    f.view.setRowOverlay(heap, QColor());
    QCOMPARE(f.view.renderImage(ViewSize).pixelColor(edge), SegmentPalette(f.view.palette()).fill(SegmentKind::Heap));
}

void TestAddressSpaceView::toolTipShowsSmaps()
{
    Fixture f(Bash);
    const Parsed<QList<SmapsEntry>> smaps = SmapsParser::parse(readData(QStringLiteral("trees/bash/12209/smaps")));
    QVERIFY(smaps.ok());
    f.model.setSmaps(smaps.value);
    QVERIFY(f.show());
    const int heap = f.rowOf(SegmentKind::Heap);
    const QPoint pos = f.view.mappingRect(heap).center().toPoint();
    QHelpEvent event(QEvent::ToolTip, pos, f.view.mapToGlobal(pos));
    QApplication::sendEvent(&f.view, &event);
    const QString text = QToolTip::text();
    // The whole smaps entry: every key the model has a column for.
    for (const char *key : { "Rss", "Pss", "Private_Dirty", "Swap", "VmFlags" })
        QVERIFY2(text.contains(QLatin1String(key)), key);
    QVERIFY(text.contains(QStringLiteral("[heap]")));
    QVERIFY(text.contains(QStringLiteral("Heap")));
    QToolTip::hideText();
}

void TestAddressSpaceView::addressWidth_data()
{
    QTest::addColumn<QList<quint64>>("bounds"); // start, end pairs
    QTest::addColumn<AddressWidth>("wanted");
    QTest::addColumn<int>("bits");
    const QList<quint64> process64 = { 0x555555554000, 0x555555558000, 0x7ffff7fc3000, 0x7ffff7fc7000,
                                       0x7ffffffde000, 0x7ffffffff000, 0xffffffffff600000, 0xffffffffff601000 };
    QTest::newRow("47-bit") << process64 << AddressWidth::Auto << 47;
    QTest::newRow("56-bit: a mapping above 47 bits") << (QList<quint64>(process64) << 0x7f000000000000 << 0x7f000000001000)
                                                     << AddressWidth::Auto << 56;
    const QList<quint64> process32 = { 0x08048000, 0x08049000, 0xf7d00000, 0xf7f00000, 0xffdd0000, 0xffdf1000 };
    QTest::newRow("32-bit: all below 4 GiB") << process32 << AddressWidth::Auto << 32;
    QTest::newRow("forced 47 on a 32-bit process") << process32 << AddressWidth::Bits47 << 47;
    QTest::newRow("32 too small for a 64-bit process") << process64 << AddressWidth::Bits32 << 47;
    QTest::newRow("empty") << QList<quint64>() << AddressWidth::Auto << 47;
}

void TestAddressSpaceView::addressWidth()
{
    QFETCH(QList<quint64>, bounds);
    QFETCH(AddressWidth, wanted);
    QFETCH(int, bits);
    QStandardItemModel model;
    for (qsizetype i = 0; i + 1 < bounds.size(); i += 2)
        appendRow(&model, bounds[i], bounds[i + 1], SegmentKind::AnonymousMmap);
    AddressSpaceView view;
    view.setModel(&model);
    view.setAddressWidth(wanted);
    view.setScaleMode(ScaleMode::TrueScale);
    view.resize(ViewSize);
    const AddressSpaceBounds b = view.addressSpaceBounds();
    QCOMPARE(b.bits(), bits);
    // User space spans from the split down to 0, proportionally; the kernel half (if any) as high.
    const int userTop = view.yForAddress(b.userEnd);
    const int zero = view.yForAddress(0);
    QVERIFY(zero > userTop);
    QVERIFY(qAbs(view.yForAddress(b.userEnd / 2) - (userTop + zero) / 2) <= 1);
    if (b.hasKernelHalf())
        QVERIFY(qAbs((zero - userTop) - (view.yForAddress(b.kernelStart) - view.yForAddress(~quint64(0)))) <= 1);
    else
        QVERIFY(qAbs(userTop - view.columnRect().top()) < view.columnRect().height() * 0.02);
    // Every mapping has its place in both scales.
    for (ScaleMode mode : { ScaleMode::TrueScale, ScaleMode::Compressed }) {
        view.setScaleMode(mode);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(!view.mappingRect(row).isEmpty());
    }
    QVERIFY(!view.renderImage(QSize(800, 600)).isNull());
}

void TestAddressSpaceView::reactsToModelChanges()
{
    QStandardItemModel model;
    appendRow(&model, 0x400000, 0x401000, SegmentKind::Code);
    AddressSpaceView view;
    view.setModel(&model);
    view.resize(ViewSize);
    QVERIFY(!view.mappingRect(0).isEmpty());
    QVERIFY(view.mappingRect(1).isEmpty());
    // rowsInserted
    appendRow(&model, 0x7ffffffde000, 0x7ffffffff000, SegmentKind::Stack);
    QVERIFY(!view.mappingRect(1).isEmpty());
    QVERIFY(view.mappingRect(1).bottom() <= view.mappingRect(0).top());
    // dataChanged on column 0: the mapping moves below the code.
    model.item(1)->setData(QVariant::fromValue(qMakePair(quint64(0x1000), quint64(0x2000))), ModelRoles::AddressRangeRole);
    QVERIFY(view.mappingRect(1).top() >= view.mappingRect(0).bottom());
    // The selection follows its row when a row is inserted before it.
    view.selectionModel()->select(model.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    model.insertRow(0, new QStandardItem);
    QCOMPARE(view.selectedRow(), 1);
    model.removeRow(0);
    // rowsRemoved
    model.removeRow(0);
    QVERIFY(!view.mappingRect(0).isEmpty());
    QVERIFY(view.mappingRect(1).isEmpty());
    // modelReset, with a MappingModel this time
    MappingModel mappings;
    view.setModel(&mappings);
    load(&mappings, Bash);
    QCOMPARE(view.rowAt(view.mappingRect(5).center().toPoint()), 5);
    mappings.clear();
    QVERIFY(view.mappingRect(5).isEmpty());
    QVERIFY(!view.renderImage(ViewSize).isNull());
}

void TestAddressSpaceView::largeProcess()
{
    Fixture f(Many);
    QVERIFY(f.model.rowCount() > 3000);
    // At fit the picture is dense but whole; zoomed to any mapping, it is found where it is drawn.
    QVERIFY(!f.view.renderImage(ViewSize).isNull());
    for (int row = 0; row < f.model.rowCount(); row += 97) {
        f.view.zoomToRow(row);
        const QRectF r = f.view.mappingRect(row);
        QVERIFY(f.view.columnRect().contains(r.center()));
        QCOMPARE(f.view.rowAt(r.center().toPoint()), row);
    }
    // Sub-pixel mappings at fit are still hit near where they are drawn.
    f.view.fitProcess();
    int hits = 0;
    for (int row = 0; row < f.model.rowCount(); row += 11) {
        const int hit = f.view.rowAt(f.view.mappingRect(row).center().toPoint());
        hits += hit >= 0 && qAbs(f.view.mappingRect(hit).center().y() - f.view.mappingRect(row).center().y()) <= 3;
    }
    QCOMPARE(hits, (f.model.rowCount() + 10) / 11);
}

void TestAddressSpaceView::exportFiles()
{
    Fixture f(Threads);
    f.view.setShowSegmentBrackets(true);
    f.view.setShowSplitSchematic(true);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString png = dir.filePath(QStringLiteral("map.png"));
    QVERIFY2(f.view.exportPng(png, QSize(1000, 700), 2.0, &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(2000, 1400));
    const QString svg = dir.filePath(QStringLiteral("map.svg"));
    QVERIFY2(f.view.exportSvg(svg, QSize(1000, 700), &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("[heap]"));
    // A path that cannot be written: false, a reason, and no file.
    const QString bad = dir.filePath(QStringLiteral("missing/map.png"));
    error.clear();
    QVERIFY(!f.view.exportPng(bad, QSize(100, 100), 1.0, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFile::exists(bad));
    QVERIFY(!f.view.exportSvg(dir.filePath(QStringLiteral("missing/map.svg")), QSize(100, 100), &error));
}

QTEST_MAIN(TestAddressSpaceView)
#include "tst_addressspaceview.moc"
