#include "meminfosampler.h"
#include "memorychartwidget.h"
#include "memoryhistory.h"

#include <QAreaSeries>
#include <QChartView>
#include <QDateTime>
#include <QFile>
#include <QGraphicsSimpleTextItem>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <vector>

namespace {
constexpr qint64 BaseWallMs = 1'700'000'000'000; // 2023-11-14T22:13:20Z

// The series the chart draws by default, all constant: MemTotal 1000 MiB, the lowest band (used excl.
// buff/cache) 300 MiB = 30 %, buff/cache 200 MiB so its top is at 50 %, free 500 MiB on top;
// available at 95 %, no swap.
struct Fixture
{
    MemoryHistory history;
    void fill(int samples, qint64 stepMs = 1000)
    {
        const QStringList names{QStringLiteral("MemTotal"),        MeminfoSampler::UsedExclCacheSeries,
                                MeminfoSampler::NotFreeSeries,     QStringLiteral("MemAvailable"),
                                MeminfoSampler::SwapUsedSeries,    MeminfoSampler::UsedSeries,
                                MeminfoSampler::BuffCacheSeries,   QStringLiteral("MemFree")};
        for (const QString &name : names)
            history.addSeries(name);
        const std::vector<double> values{1'024'000, 307'200, 512'000, 972'800, 0, 51'200, 204'800, 512'000};
        for (int i = 0; i < samples; ++i)
            history.append(qint64(i) * stepMs * 1'000'000, BaseWallMs + i * stepMs, values);
    }
};

QColor pixelAt(const QImage &image, QPointF logical)
{
    return image.pixelColor((logical * image.devicePixelRatio()).toPoint());
}
}

class TestMemoryChart : public QObject
{
    Q_OBJECT
private slots:
    void renderImageHasRequestedSize_data();
    void renderImageHasRequestedSize();
    void bandsColouredWhereTheDataSays_data();
    void bandsColouredWhereTheDataSays();
    void chartGetsReducedPoints();
    void rangesZoomAndPan();
    void pauseFreezesWindow();
    void eventMarkerShown();
    void emphasizedSeriesStandsOut();
    void exportCsv();
    void exportSvg();
    void exportPngWholeOrNothing();
};

void TestMemoryChart::renderImageHasRequestedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("800x500@1") << QSize(800, 500) << qreal(1);
    QTest::newRow("640x360@2") << QSize(640, 360) << qreal(2);
    QTest::newRow("1234x776@1.5") << QSize(1234, 776) << qreal(1.5);
}

void TestMemoryChart::renderImageHasRequestedSize()
{
    QFETCH(QSize, size);
    QFETCH(qreal, dpr);
    Fixture fixture;
    fixture.fill(600);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    QRectF plot;
    const QImage image = chart.renderImage(size, dpr, &plot);
    QCOMPARE(image.size(), (QSizeF(size) * dpr).toSize());
    QCOMPARE(image.deviceIndependentSize(), QSizeF(size));
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(plot));
    QVERIFY(plot.width() > size.width() / 2);
}

void TestMemoryChart::bandsColouredWhereTheDataSays_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("light") << false << qreal(1);
    QTest::newRow("light@2") << false << qreal(2);
    QTest::newRow("dark") << true << qreal(1);
}

void TestMemoryChart::bandsColouredWhereTheDataSays()
{
    QFETCH(bool, dark);
    QFETCH(qreal, dpr);
    Fixture fixture;
    fixture.fill(600);
    MemoryChartWidget chart;
    if (dark) {
        QPalette palette = chart.palette();
        palette.setColor(QPalette::Base, QColor(30, 30, 30));
        palette.setColor(QPalette::Window, QColor(45, 45, 45));
        palette.setColor(QPalette::Text, QColor(230, 230, 230));
        chart.setPalette(palette);
    }
    chart.setHistory(&fixture.history);
    chart.showRecent(0);
    QRectF plot;
    const QImage image = chart.renderImage(QSize(800, 500), dpr, &plot);

    const QColor used = chart.seriesColor(QStringLiteral("used (excl. buff/cache)"));
    const QColor cache = chart.seriesColor(QStringLiteral("buff/cache"));
    const QColor free = chart.seriesColor(QStringLiteral("free"));
    QVERIFY(used.isValid() && cache.isValid() && free.isValid());
    QVERIFY(used != cache && cache != free && used != free);
    QVERIFY(chart.seriesColor(QStringLiteral("available")).isValid());
    QVERIFY(!chart.seriesColor(QStringLiteral("no such series")).isValid());

    // The y axis runs from 0 to 1000 MiB, so heights are fractions of the plot; x off the grid lines.
    const auto at = [&](qreal fraction) { return QPointF(plot.left() + plot.width() * 0.37, plot.bottom() - plot.height() * fraction); };
    QCOMPARE(pixelAt(image, at(0.15)), used);
    QCOMPARE(pixelAt(image, at(0.27)), used);
    QCOMPARE(pixelAt(image, at(0.33)), cache);
    QCOMPARE(pixelAt(image, at(0.45)), cache);
    QCOMPARE(pixelAt(image, at(0.55)), free);
    QCOMPARE(pixelAt(image, at(0.85)), free);
    // Outside the plot: the palette's base colour, light or dark.
    QCOMPARE(pixelAt(image, QPointF(2, 2)), chart.palette().color(QPalette::Base));
}

void TestMemoryChart::chartGetsReducedPoints()
{
    // Two hours at 1 s, an hour shown: 3600 samples for fewer pixel columns. The chart must hold at
    // most two points per column, and here about two (every column's values differ).
    MemoryHistory history;
    const int total = history.addSeries(QStringLiteral("MemTotal"));
    std::vector<double> values(total + 1);
    for (int i = 0; i < 7200; ++i) {
        values[total] = 1'000'000 + (i % 7) * 1000;
        history.append(qint64(i) * 1'000'000'000, BaseWallMs + i * 1000, values);
    }
    MemoryChartWidget chart;
    chart.resize(800, 500);
    chart.setHistory(&history);
    chart.showRecent(3'600'000);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.refresh();
    auto *view = chart.findChild<QChartView *>();
    QVERIFY(view);
    const int columns = int(std::ceil(view->chart()->plotArea().width() * chart.devicePixelRatioF()));
    QVERIFY(columns > 300 && columns < 3600);
    int checked = 0;
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *area = qobject_cast<QAreaSeries *>(series); area && area->name() == QStringLiteral("free")) {
            QVERIFY2(area->upperSeries()->count() >= columns, qPrintable(QString::number(area->upperSeries()->count())));
            QVERIFY(area->upperSeries()->count() <= 2 * columns);
            ++checked;
        }
    }
    QCOMPARE(checked, 1);
}

void TestMemoryChart::rangesZoomAndPan()
{
    Fixture fixture;
    fixture.fill(7200); // two hours at 1 s
    const qint64 newest = BaseWallMs + 7199 * 1000;
    MemoryChartWidget chart;
    chart.resize(900, 500);
    chart.setHistory(&fixture.history);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));

    chart.showRecent(300'000);
    QCOMPARE(chart.window(), std::make_pair(newest - 300'000, newest));
    chart.showRecent(0);
    QCOMPARE(chart.window(), std::make_pair(BaseWallMs, newest));
    chart.showRecent(3'600'000);
    QCOMPARE(chart.window(), std::make_pair(newest - 3'600'000, newest));

    // One wheel step up zooms in by 0.8 around the time under the pointer, which stays put.
    auto *view = chart.findChild<QChartView *>();
    const QRectF plot = view->chart()->plotArea();
    const QPointF inPlot = view->mapFromScene(view->chart()->mapToScene(plot.center()));
    const auto [from, to] = chart.window();
    const qint64 anchor = from + qint64((plot.center().x() - plot.left()) / plot.width() * double(to - from));
    QWheelEvent wheel(inPlot, view->viewport()->mapToGlobal(inPlot), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const auto [zoomFrom, zoomTo] = chart.window();
    QVERIFY(std::abs((zoomTo - zoomFrom) - 2'880'000) <= 1);
    const qint64 anchorAfter = zoomFrom + qint64((plot.center().x() - plot.left()) / plot.width() * double(zoomTo - zoomFrom));
    QVERIFY2(std::abs(anchorAfter - anchor) < 2000, qPrintable(QString::number(anchorAfter - anchor)));

    // Dragging right by a tenth of the plot moves the window a tenth earlier.
    const QPoint start = inPlot.toPoint();
    const QPoint end = start + QPoint(int(plot.width() / 10), 0);
    QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::NoModifier, start);
    QMouseEvent move(QEvent::MouseMove, end, view->viewport()->mapToGlobal(end), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, end);
    const auto [panFrom, panTo] = chart.window();
    QCOMPARE(panTo - panFrom, zoomTo - zoomFrom);
    QVERIFY2(std::abs((zoomFrom - panFrom) - (zoomTo - zoomFrom) / 10) < (zoomTo - zoomFrom) / 100,
             qPrintable(QString::number(zoomFrom - panFrom)));

    // A fixed window stays where it is when new samples arrive.
    const std::vector<double> more{1'024'000, 307'200, 512'000, 972'800, 0, 51'200, 204'800, 512'000};
    fixture.history.append(7200ll * 1'000'000'000, newest + 1000, more);
    chart.refresh();
    QCOMPARE(chart.window(), std::make_pair(panFrom, panTo));
}

void TestMemoryChart::pauseFreezesWindow()
{
    Fixture fixture;
    fixture.fill(100);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    chart.showRecent(300'000);
    const auto before = chart.window();
    chart.setPaused(true);
    QVERIFY(chart.isPaused());
    const std::vector<double> values{1'024'000, 307'200, 512'000, 972'800, 0, 51'200, 204'800, 512'000};
    fixture.history.append(200ll * 1'000'000'000, BaseWallMs + 200'000, values);
    chart.refresh();
    QCOMPARE(chart.window(), before);
    chart.setPaused(false);
    QCOMPARE(chart.window().second, BaseWallMs + 200'000);
}

void TestMemoryChart::emphasizedSeriesStandsOut()
{
    // What a lesson points at: a line drawn thick, a band outlined; a series not drawn yet is added.
    Fixture fixture;
    fixture.fill(60);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    const QString available = QStringLiteral("available");
    const QString buffCache = QStringLiteral("buff/cache");
    const qreal normalLine = chart.seriesPenWidth(available);
    const qreal normalBand = chart.seriesPenWidth(buffCache);
    QVERIFY(normalLine > 0 && normalBand > 0);

    chart.emphasizeSeries(QStringLiteral("MemAvailable"));
    QVERIFY(chart.seriesPenWidth(available) > normalLine);
    QCOMPARE(chart.seriesPenWidth(buffCache), normalBand);

    // buff/cache is the middle band's height: that band stands out, no line is added for it.
    chart.emphasizeSeries(MeminfoSampler::BuffCacheSeries);
    QVERIFY(chart.seriesPenWidth(buffCache) > normalBand);
    QCOMPARE(chart.seriesPenWidth(available), normalLine);
    QVERIFY(chart.extraSeries().isEmpty());
    QCOMPARE(MemoryChartWidget::bandOf(QStringLiteral("MemFree")), 2);

    chart.emphasizeSeries(QStringLiteral("MemFree"));
    QVERIFY(chart.seriesPenWidth(QStringLiteral("free")) > normalBand);
    QVERIFY(chart.extraSeries().isEmpty());

    chart.emphasizeSeries(QStringLiteral("MemAvailable"));
    chart.emphasizeSeries(QString());
    QCOMPARE(chart.seriesPenWidth(available), normalLine);
}

void TestMemoryChart::eventMarkerShown()
{
    Fixture fixture;
    fixture.fill(600);
    MemoryChartWidget chart;
    chart.resize(800, 500);
    chart.setHistory(&fixture.history);
    chart.showRecent(0);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.addEventMarker(BaseWallMs + 300'000, QStringLiteral("dd started"));
    chart.addEventMarker(BaseWallMs - 3'600'000, QStringLiteral("long before"));
    const auto visibleLabels = [&] {
        QStringList labels;
        for (QGraphicsItem *item : chart.findChild<QChartView *>()->scene()->items()) {
            if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item); text && text->isVisible())
                labels.append(text->text());
        }
        return labels;
    };
    QVERIFY(visibleLabels().contains(QStringLiteral("dd started")));
    QVERIFY(!visibleLabels().contains(QStringLiteral("long before")));
    chart.clearEventMarkers();
    QVERIFY(!visibleLabels().contains(QStringLiteral("dd started")));
}

void TestMemoryChart::exportCsv()
{
    Fixture fixture;
    fixture.fill(10);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    chart.showRecent(0);
    chart.addSeries(QStringLiteral("MemTotal"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("memory.csv"));
    QString error;
    QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + 10 + 1); // header, rows, the empty piece after the last newline
    QCOMPARE(lines[0], QByteArray("time,used,used (excl. buff/cache),buff/cache,MemFree,MemAvailable,swap used,MemTotal"));
    QCOMPARE(lines[1], QByteArray("2023-11-14T22:13:20.000Z,51200,307200,204800,512000,972800,0,1024000"));
    QCOMPARE(lines[10], QByteArray("2023-11-14T22:13:29.000Z,51200,307200,204800,512000,972800,0,1024000"));
    QVERIFY(lines[11].isEmpty());
}

void TestMemoryChart::exportSvg()
{
    Fixture fixture;
    fixture.fill(600);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("memory.svg"));
    QString error;
    QVERIFY2(chart.exportSvg(path, QSize(800, 500), &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.startsWith("<?xml"));
    QVERIFY(svg.contains("<svg"));
    QVERIFY(svg.contains("</svg>"));
}

void TestMemoryChart::exportPngWholeOrNothing()
{
    Fixture fixture;
    fixture.fill(600);
    MemoryChartWidget chart;
    chart.setHistory(&fixture.history);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("memory.png"));
    QString error;
    QVERIFY2(chart.exportPng(path, QSize(640, 400), 2, &error), qPrintable(error));
    QCOMPARE(QImage(path).size(), QSize(1280, 800));

    const QString bad = dir.filePath(QStringLiteral("no/such/dir/memory.png"));
    QVERIFY(!chart.exportPng(bad, QSize(640, 400), 1, &error));
    QVERIFY(error.contains(bad));
    QVERIFY(!QFile::exists(bad));
}

QTEST_MAIN(TestMemoryChart)
#include "tst_memorychart.moc"
