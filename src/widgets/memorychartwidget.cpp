#include "memorychartwidget.h"

#include "meminfosampler.h"
#include "memoryhistory.h"
#include "units.h"

#include <QAreaSeries>
#include <QBuffer>
#include <QButtonGroup>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
// Okabe-Ito-like hues, lighter fills on a light background and deeper ones on a dark one, so the
// bands stay apart for colour-blind eyes and the lines stand out from every band in both palettes.
struct SeriesColours
{
    QColor used;
    QColor buffCache;
    QColor free;
    QColor available;
    QColor swapUsed;
    std::array<QColor, 6> extra;
};

const SeriesColours &coloursFor(bool dark)
{
    static const SeriesColours light{QColor(0xe0, 0x7b, 0x39), QColor(0x7f, 0xb8, 0xe0), QColor(0xa8, 0xd5, 0xa2),
                                     QColor(0x20, 0x20, 0x20), QColor(0x8e, 0x24, 0x9e),
                                     {QColor(0x00, 0x6d, 0x6f), QColor(0xd6, 0x33, 0x6c), QColor(0x4b, 0x3c, 0xc8),
                                      QColor(0x9a, 0x6a, 0x00), QColor(0x6b, 0x42, 0x26), QColor(0x2e, 0x7d, 0x32)}};
    static const SeriesColours darkColours{QColor(0xb8, 0x52, 0x22), QColor(0x2f, 0x6f, 0x9f), QColor(0x2e, 0x6b, 0x3f),
                                           QColor(0xf0, 0xf0, 0xf0), QColor(0xff, 0x7b, 0xe5),
                                           {QColor(0x7f, 0xe0, 0xe0), QColor(0xff, 0x8f, 0xb0), QColor(0xb0, 0xa0, 0xff),
                                            QColor(0xff, 0xd2, 0x7f), QColor(0xe0, 0xb0, 0x80), QColor(0xa0, 0xe0, 0x90)}};
    return dark ? darkColours : light;
}

// A value axis in the largest binary unit that keeps the top at 1 or more, topped at a round number.
struct Scale
{
    double unitKb = 1;
    QString unit;
    double max = 1;
    int ticks = 2;
    QString labelFormat;
};

Scale scaleFor(double maxKb)
{
    Scale scale;
    const std::array<std::pair<double, const char *>, 4> units{
        {{1.0, "KiB"}, {1024.0, "MiB"}, {1024.0 * 1024, "GiB"}, {1024.0 * 1024 * 1024, "TiB"}}};
    scale.unit = QLatin1String(units[0].second);
    for (const auto &[kb, name] : units) {
        if (maxKb >= kb) {
            scale.unitKb = kb;
            scale.unit = QLatin1String(name);
        }
    }
    const double top = maxKb / scale.unitKb;
    if (top <= 0) {
        scale.labelFormat = QStringLiteral("%.0f");
        return scale;
    }
    // Four to eight intervals, each 1, 2, 2.5 or 5 times a power of ten: the tightest top wins (23.5
    // GiB gets 25, not 30), then the fewest ticks.
    double step = 0;
    for (int intervals = 4; intervals <= 8; ++intervals) {
        const double raw = top / intervals;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        for (const double mantissa : {1.0, 2.0, 2.5, 5.0, 10.0}) {
            const double candidate = mantissa * magnitude;
            if (candidate < raw * (1 - 1e-9))
                continue;
            const double max = std::ceil(top / candidate - 1e-9) * candidate;
            if (step == 0 || max < scale.max * (1 - 1e-9)) {
                step = candidate;
                scale.max = max;
            }
            break;
        }
    }
    scale.ticks = int(std::lround(scale.max / step)) + 1;
    const double power = std::floor(std::log10(step));
    const bool quarter = std::abs(step / std::pow(10.0, power) - 2.5) < 1e-9;
    const int decimals = std::max(0, -int(power) + (quarter ? 1 : 0));
    scale.labelFormat = QStringLiteral("%.%1f").arg(decimals);
    return scale;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

bool writeWhole(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = MemoryChartWidget::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}
}

MemoryChartWidget::MemoryChartWidget(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_timeAxis(new QDateTimeAxis)
    , m_valueAxis(new QValueAxis)
    , m_ranges(new QButtonGroup(this))
    , m_pauseButton(new QToolButton(this))
    , m_seriesMenu(new QMenu(this))
{
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);

    // Band edges are drawn only through the bands; each is the top of one band and the bottom of the next.
    const auto edge = [this](const QString &series) {
        auto *line = new QLineSeries(m_chart);
        m_plots.append(Plot{series, line, true});
        return line;
    };
    QLineSeries *usedTop = edge(MeminfoSampler::UsedExclCacheSeries);
    QLineSeries *notFreeTop = edge(MeminfoSampler::NotFreeSeries);
    QLineSeries *totalTop = edge(QStringLiteral("MemTotal"));
    m_bands = {new QAreaSeries(usedTop), new QAreaSeries(notFreeTop, usedTop), new QAreaSeries(totalTop, notFreeTop)};
    const std::array<QString, 3> bandNames{tr("used (excl. buff/cache)"), tr("buff/cache"), tr("free")};
    for (size_t i = 0; i < m_bands.size(); ++i) {
        m_bands[i]->setName(bandNames[i]);
        m_chart->addSeries(m_bands[i]);
        m_bands[i]->attachAxis(m_timeAxis);
        m_bands[i]->attachAxis(m_valueAxis);
    }
    addLine(QStringLiteral("MemAvailable"), tr("available"));
    addLine(MeminfoSampler::SwapUsedSeries, tr("swap used"));
    m_fixedPlots = m_plots.size();

    m_crossLine = new QGraphicsLineItem(m_chart);
    m_crossBox = new QGraphicsRectItem(m_chart);
    m_crossText = new QGraphicsSimpleTextItem(m_crossBox);
    m_crossLine->setZValue(1000);
    m_crossBox->setZValue(1001);
    hideCrosshair();

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumSize(320, 200);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    // A new plot width needs a new reduction. Queued: the layout settles before we look.
    connect(
        m_chart, &QChart::plotAreaChanged, this,
        [this] {
            if (m_rendering)
                return;
            if (screenColumns() != m_columns)
                redraw();
            else
                updateTimeTicks();
        },
        Qt::QueuedConnection);

    auto *bar = new QHBoxLayout;
    const std::array<QString, RangeSpansMs.size()> rangeNames{tr("5 min"), tr("1 h"), tr("24 h"), tr("All")};
    for (int i = 0; i < int(rangeNames.size()); ++i) {
        auto *button = new QToolButton(this);
        button->setText(rangeNames[i]);
        button->setCheckable(true);
        button->setToolTip(tr("Follow the newest sample, showing %1").arg(rangeNames[i]));
        m_ranges->addButton(button, i);
        bar->addWidget(button);
    }
    connect(m_ranges, &QButtonGroup::idClicked, this, [this](int id) { showRecent(RangeSpansMs[id]); });
    bar->addStretch();
    auto *seriesButton = new QToolButton(this);
    seriesButton->setText(tr("Series"));
    seriesButton->setToolTip(tr("Add any recorded series (a meminfo key, a process's RSS) as a line"));
    seriesButton->setMenu(m_seriesMenu);
    seriesButton->setPopupMode(QToolButton::InstantPopup);
    connect(m_seriesMenu, &QMenu::aboutToShow, this, &MemoryChartWidget::populateSeriesMenu);
    bar->addWidget(seriesButton);
    m_pauseButton->setText(tr("Pause"));
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Freeze the picture; sampling goes on"));
    connect(m_pauseButton, &QToolButton::toggled, this, &MemoryChartWidget::setPaused);
    bar->addWidget(m_pauseButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    applyPalette();
    showRecent(m_spanMs);
}

void MemoryChartWidget::addLine(const QString &series, const QString &legendName)
{
    auto *line = new QLineSeries;
    line->setName(legendName);
    m_chart->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->attachAxis(m_valueAxis);
    m_plots.append(Plot{series, line, false});
}

void MemoryChartWidget::setHistory(const MemoryHistory *history)
{
    m_history = history;
    redraw();
}

void MemoryChartWidget::addSeries(const QString &name)
{
    if (m_extra.contains(name))
        return;
    m_extra.append(name);
    addLine(name, name);
    applyPalette();
    redraw();
}

int MemoryChartWidget::bandOf(const QString &series)
{
    // A band is named by its upper edge or by what its height measures (buff/cache, MemFree).
    if (series == MeminfoSampler::UsedExclCacheSeries)
        return 0;
    if (series == MeminfoSampler::BuffCacheSeries || series == MeminfoSampler::NotFreeSeries)
        return 1;
    if (series == QLatin1String("MemFree") || series == QLatin1String("MemTotal"))
        return 2;
    return -1;
}

void MemoryChartWidget::emphasizeSeries(const QString &series)
{
    const bool drawn = bandOf(series) >= 0
                    || std::any_of(m_plots.cbegin(), m_plots.cend(), [&](const Plot &plot) { return plot.series == series; });
    if (!series.isEmpty() && !drawn)
        addSeries(series);
    m_emphasized = series;
    applyPalette();
}

qreal MemoryChartWidget::seriesPenWidth(const QString &legendName) const
{
    for (QAbstractSeries *series : m_chart->series()) {
        if (series->name() != legendName)
            continue;
        if (auto *line = qobject_cast<QLineSeries *>(series))
            return line->pen().widthF();
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            return area->pen().widthF();
    }
    return 0;
}

void MemoryChartWidget::removeSeries(const QString &name)
{
    const qsizetype extra = m_extra.indexOf(name);
    if (extra < 0)
        return;
    m_extra.removeAt(extra);
    QLineSeries *line = m_plots.takeAt(m_fixedPlots + extra).line;
    m_chart->removeSeries(line);
    delete line;
    applyPalette();
    redraw();
}

QStringList MemoryChartWidget::valueSeries() const
{
    return QStringList{MeminfoSampler::UsedSeries,          MeminfoSampler::UsedExclCacheSeries,
                       MeminfoSampler::BuffCacheSeries,     QStringLiteral("MemFree"),
                       QStringLiteral("MemAvailable"),      MeminfoSampler::SwapUsedSeries}
         + m_extra;
}

void MemoryChartWidget::showRecent(qint64 spanMs)
{
    m_follow = true;
    m_spanMs = std::max<qint64>(spanMs, 0);
    checkRangeButton(m_spanMs);
    redraw();
}

void MemoryChartWidget::setWindow(qint64 fromWallMs, qint64 toWallMs)
{
    m_follow = false;
    m_fixedFrom = fromWallMs;
    m_fixedTo = std::max(toWallMs, fromWallMs + MinSpanMs);
    checkRangeButton(-1);
    redraw();
}

void MemoryChartWidget::checkRangeButton(qint64 spanMs)
{
    const auto found = std::find(RangeSpansMs.begin(), RangeSpansMs.end(), spanMs);
    // An exclusive group refuses to uncheck its last button; zoom and pan need none checked.
    m_ranges->setExclusive(false);
    for (QAbstractButton *button : m_ranges->buttons())
        button->setChecked(m_ranges->id(button) == found - RangeSpansMs.begin());
    m_ranges->setExclusive(true);
}

std::pair<qint64, qint64> MemoryChartWidget::wantedWindow() const
{
    if (!m_follow)
        return {m_fixedFrom, m_fixedTo};
    const bool empty = !m_history || m_history->isEmpty();
    const qint64 newest = m_paused ? m_pausedNewest
                        : empty    ? QDateTime::currentMSecsSinceEpoch()
                                   : m_history->newestWallMs();
    const qint64 from = m_spanMs > 0 ? newest - m_spanMs : empty ? newest - MinSpanMs : m_history->oldestWallMs();
    return {from, std::max(newest, from + MinSpanMs)};
}

void MemoryChartWidget::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    m_pausedNewest = m_history && !m_history->isEmpty() ? m_history->newestWallMs() : QDateTime::currentMSecsSinceEpoch();
    m_pauseButton->setChecked(paused);
    emit pausedChanged(paused);
    redraw();
}

void MemoryChartWidget::refresh()
{
    if (!m_paused)
        redraw();
}

int MemoryChartWidget::screenColumns() const
{
    return int(std::ceil(m_chart->plotArea().width() * devicePixelRatioF()));
}

void MemoryChartWidget::redraw()
{
    // Before the first layout there is no plot yet: reduce to a typical width meanwhile.
    const int columns = screenColumns();
    redrawAt(columns >= 2 ? columns : 800);
}

void MemoryChartWidget::redrawAt(int columns)
{
    m_columns = columns;
    const auto [from, to] = wantedWindow();
    m_shownFrom = from;
    m_shownTo = to;

    QList<QList<QPointF>> points(m_plots.size());
    double maxKb = 0;
    for (qsizetype i = 0; i < m_plots.size(); ++i) {
        const auto reduction = m_plots[i].bandEdge ? MemoryHistory::Reduction::Max : MemoryHistory::Reduction::MinMax;
        if (m_history)
            points[i] = m_history->reduced(m_history->seriesIndex(m_plots[i].series), from, to, columns, reduction);
        for (const QPointF &point : std::as_const(points[i]))
            maxKb = std::max(maxKb, point.y());
    }
    const Scale scale = scaleFor(maxKb);
    for (qsizetype i = 0; i < m_plots.size(); ++i) {
        for (QPointF &point : points[i])
            point.setY(point.y() / scale.unitKb);
        m_plots[i].line->replace(points[i]);
    }
    // An area series without points draws a stray edge at the plot's side.
    for (QAreaSeries *band : m_bands)
        band->setVisible(band->upperSeries()->count() > 0);
    m_valueAxis->setRange(0, scale.max);
    m_valueAxis->setTickCount(scale.ticks);
    m_valueAxis->setLabelFormat(scale.labelFormat);
    m_valueAxis->setTitleText(scale.unit);

    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
    updateTimeTicks();
    placeMarkers();
}

void MemoryChartWidget::updateTimeTicks()
{
    const qint64 span = m_shownTo - m_shownFrom;
    const bool days = span > 2 * 86'400'000;
    // As many labels as fit the plot's width, as precise as their spacing needs.
    const int ticks = std::clamp(int(m_chart->plotArea().width() / (days ? 130 : 100)) + 1, 2, 13);
    const qint64 spacing = span / (ticks - 1);
    m_timeAxis->setTickCount(ticks);
    m_timeAxis->setFormat(spacing < 1000      ? QStringLiteral("hh:mm:ss.z")
                          : spacing < 300'000 ? QStringLiteral("hh:mm:ss")
                          : days              ? QStringLiteral("d MMM hh:mm")
                                              : QStringLiteral("hh:mm"));
}

void MemoryChartWidget::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor base = pal.color(QPalette::Base);
    const bool dark = base.lightnessF() < 0.5;
    const SeriesColours &colours = coloursFor(dark);

    m_chart->setBackgroundBrush(base);
    m_chart->setBackgroundPen(Qt::NoPen);
    m_view->setBackgroundBrush(base);
    m_chart->legend()->setLabelColor(text);
    QColor grid = text;
    grid.setAlphaF(0.15f);
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }

    const std::array<QColor, 3> fills{colours.used, colours.buffCache, colours.free};
    for (size_t i = 0; i < m_bands.size(); ++i) {
        m_bands[i]->setBrush(fills[i]);
        m_bands[i]->setPen(QPen(dark ? fills[i].lighter(130) : fills[i].darker(125), 1));
    }
    // The available line runs through the bands: neutral, it reads on every fill. (Solid: Qt's dash
    // stroker made a week's zig-zag envelope cost 70 ms a frame.)
    m_plots[m_fixedPlots - 2].line->setPen(QPen(colours.available, 2));
    m_plots[m_fixedPlots - 1].line->setPen(QPen(colours.swapUsed, 2));
    for (qsizetype i = m_fixedPlots; i < m_plots.size(); ++i)
        m_plots[i].line->setPen(QPen(colours.extra[(i - m_fixedPlots) % colours.extra.size()], 2));
    // The emphasized series: a band outlined in the text colour, or a line drawn thick.
    if (const int band = bandOf(m_emphasized); band >= 0) {
        m_bands[size_t(band)]->setPen(QPen(text, 4));
    } else {
        for (Plot &plot : m_plots) {
            if (plot.bandEdge || plot.series != m_emphasized)
                continue;
            QPen pen = plot.line->pen();
            pen.setWidthF(5);
            plot.line->setPen(pen);
        }
    }

    m_crossLine->setPen(QPen(text, 1, Qt::DotLine));
    m_crossBox->setBrush(pal.color(QPalette::ToolTipBase));
    m_crossBox->setPen(QPen(pal.color(QPalette::Mid), 1));
    m_crossText->setBrush(pal.color(QPalette::ToolTipText));
    for (const Marker &marker : std::as_const(m_markers))
        styleMarker(marker);
}

void MemoryChartWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QColor MemoryChartWidget::seriesColor(const QString &legendName) const
{
    for (QAbstractSeries *series : m_chart->series()) {
        if (series->name() != legendName)
            continue;
        if (auto *area = qobject_cast<QAreaSeries *>(series))
            return area->brush().color();
        if (auto *line = qobject_cast<QLineSeries *>(series))
            return line->pen().color();
    }
    return QColor();
}

void MemoryChartWidget::addEventMarker(qint64 wallMs, const QString &label)
{
    if (m_markers.size() >= MaxEventMarkers) {
        const Marker oldest = m_markers.takeFirst();
        delete oldest.line;
        delete oldest.label;
    }
    Marker marker{wallMs, new QGraphicsLineItem(m_chart), new QGraphicsSimpleTextItem(label, m_chart)};
    marker.line->setZValue(900);
    marker.label->setZValue(901);
    styleMarker(marker);
    m_markers.append(marker);
    placeMarkers();
}

void MemoryChartWidget::clearEventMarkers()
{
    for (const Marker &marker : std::as_const(m_markers)) {
        delete marker.line;
        delete marker.label;
    }
    m_markers.clear();
}

void MemoryChartWidget::styleMarker(const Marker &marker) const
{
    const QColor text = palette().color(QPalette::Text);
    marker.line->setPen(QPen(text, 1, Qt::DashLine));
    marker.label->setBrush(text);
}

void MemoryChartWidget::placeMarkers()
{
    const QRectF plot = m_chart->plotArea();
    const double span = double(m_shownTo - m_shownFrom);
    int shown = 0;
    for (const Marker &marker : std::as_const(m_markers)) {
        const bool inside = plot.width() > 0 && marker.wallMs >= m_shownFrom && marker.wallMs <= m_shownTo;
        marker.line->setVisible(inside);
        marker.label->setVisible(inside);
        if (!inside)
            continue;
        const qreal x = plot.left() + double(marker.wallMs - m_shownFrom) / span * plot.width();
        marker.line->setLine(x, plot.top(), x, plot.bottom());
        // Labels of neighbouring markers step down in three rows and stay inside the plot.
        const QRectF box = marker.label->boundingRect();
        const qreal labelX = x + 3 + box.width() <= plot.right() ? x + 3 : x - 3 - box.width();
        marker.label->setPos(labelX, plot.top() + 2 + (shown++ % 3) * box.height());
    }
}

QPointF MemoryChartWidget::chartPosition(QPointF viewportPosition) const
{
    return m_chart->mapFromScene(m_view->mapToScene(viewportPosition.toPoint()));
}

qint64 MemoryChartWidget::timeAtX(qreal x) const
{
    const QRectF plot = m_chart->plotArea();
    return m_shownFrom + qint64((x - plot.left()) / plot.width() * double(m_shownTo - m_shownFrom));
}

void MemoryChartWidget::showCrosshair(QPointF chartPos)
{
    const QRectF plot = m_chart->plotArea();
    if (!m_history || !plot.contains(chartPos)) {
        hideCrosshair();
        return;
    }
    const qint64 time = timeAtX(chartPos.x());
    QStringList lines;
    std::optional<MemoryHistory::Entry> first;
    for (const QString &name : valueSeries()) {
        const std::optional<MemoryHistory::Entry> entry = m_history->entryAt(m_history->seriesIndex(name), time);
        if (!entry)
            continue;
        if (!first)
            first = entry;
        lines.append(QStringLiteral("%1: %2").arg(name, Units::formatKb(quint64(std::llround(entry->mean)))));
    }
    if (!first) {
        hideCrosshair();
        return;
    }
    // The values are those of the nearest record: say when, and whether they are bucket means.
    QString heading = QDateTime::fromMSecsSinceEpoch(first->wallMs).toString(QStringLiteral("yyyy-MM-dd hh:mm:ss"));
    if (first->count > 1)
        heading += QLatin1Char(' ') + tr("(mean of %n samples)", nullptr, first->count);
    lines.prepend(heading);
    m_crossText->setText(lines.join(QLatin1Char('\n')));

    m_crossLine->setLine(chartPos.x(), plot.top(), chartPos.x(), plot.bottom());
    const QRectF textBox = m_crossText->boundingRect().adjusted(-6, -4, 6, 4);
    m_crossText->setPos(6, 4);
    m_crossBox->setRect(QRectF(QPointF(0, 0), textBox.size()));
    const qreal boxX = chartPos.x() + 12 + textBox.width() <= plot.right() ? chartPos.x() + 12
                                                                           : chartPos.x() - 12 - textBox.width();
    m_crossBox->setPos(boxX, plot.top() + 8);
    m_crossLine->show();
    m_crossBox->show();
}

void MemoryChartWidget::hideCrosshair()
{
    m_crossLine->hide();
    m_crossBox->hide();
}

bool MemoryChartWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    const QRectF plot = m_chart->plotArea();
    switch (event->type()) {
    case QEvent::Wheel: {
        const auto *wheel = static_cast<QWheelEvent *>(event);
        const double steps = wheel->angleDelta().y() / 120.0;
        if (steps == 0 || plot.width() <= 0)
            return true;
        // Zoom about the time under the pointer, which stays where it is.
        const QPointF pos = chartPosition(wheel->position());
        const qint64 anchor = timeAtX(std::clamp(pos.x(), plot.left(), plot.right()));
        const double span = double(m_shownTo - m_shownFrom);
        const double newSpan = std::clamp(span * std::pow(0.8, steps), double(MinSpanMs), double(MaxSpanMs));
        const qint64 from = anchor - qint64(double(anchor - m_shownFrom) / span * newSpan);
        setWindow(from, from + qint64(newSpan));
        return true;
    }
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QPointF pos = chartPosition(mouse->position());
        if (mouse->button() != Qt::LeftButton || !plot.contains(pos))
            break;
        m_dragging = true;
        m_dragX = pos.x();
        m_dragWindow = {m_shownFrom, m_shownTo};
        m_view->viewport()->setCursor(Qt::ClosedHandCursor);
        hideCrosshair();
        return true;
    }
    case QEvent::MouseMove: {
        const QPointF pos = chartPosition(static_cast<QMouseEvent *>(event)->position());
        if (!m_dragging) {
            showCrosshair(pos);
            break;
        }
        const auto [from, to] = m_dragWindow;
        const qint64 shift = qint64((m_dragX - pos.x()) / plot.width() * double(to - from));
        setWindow(from + shift, to + shift);
        return true;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragging) {
            m_dragging = false;
            m_view->viewport()->unsetCursor();
            return true;
        }
        break;
    case QEvent::Leave:
        hideCrosshair();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void MemoryChartWidget::populateSeriesMenu()
{
    m_seriesMenu->clear();
    if (!m_history)
        return;
    for (const QString &name : m_history->seriesNames()) {
        QAction *action = m_seriesMenu->addAction(name);
        action->setCheckable(true);
        action->setChecked(m_extra.contains(name));
        connect(action, &QAction::toggled, this, [this, name](bool on) { on ? addSeries(name) : removeSeries(name); });
    }
}

void MemoryChartWidget::renderChart(QPainter *painter, QSizeF size, qreal devicePixelRatio, QRectF *plotArea)
{
    // The chart is laid out at the export size, reduced to that many pixel columns, drawn, and put back.
    m_rendering = true;
    const QRectF saved = m_chart->geometry();
    hideCrosshair();
    m_chart->setGeometry(QRectF(QPointF(0, 0), size));
    // Layouts settle on posted events (the legend shows a new series only then): an export right
    // after a change must not wait for the event loop.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    m_chart->layout()->activate();
    redrawAt(int(std::ceil(m_chart->plotArea().width() * devicePixelRatio)));
    // New axis labels can change the plot's width: settle once more.
    m_chart->layout()->activate();
    redrawAt(int(std::ceil(m_chart->plotArea().width() * devicePixelRatio)));
    if (plotArea)
        *plotArea = m_chart->plotArea();
    painter->setRenderHint(QPainter::Antialiasing);
    m_chart->scene()->render(painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    m_chart->setGeometry(saved);
    m_chart->layout()->activate();
    m_rendering = false;
    redraw();
}

QImage MemoryChartWidget::renderImage(QSize size, qreal devicePixelRatio, QRectF *plotArea)
{
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    renderChart(&painter, size, devicePixelRatio, plotArea);
    return image;
}

bool MemoryChartWidget::exportPng(const QString &path, QSize size, qreal devicePixelRatio, QString *error)
{
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    renderImage(size, devicePixelRatio).save(&png, "PNG");
    return writeWhole(path, png.data(), error);
}

bool MemoryChartWidget::exportSvg(const QString &path, QSize size, QString *error)
{
    QBuffer svg;
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(tr("Memory over time"));
    QPainter painter(&generator);
    renderChart(&painter, size, 1.0, nullptr);
    painter.end();
    return writeWhole(path, svg.data(), error);
}

bool MemoryChartWidget::exportCsv(const QString &path, QString *error) const
{
    const QStringList names = valueSeries();
    QString csv = QStringLiteral("time");
    QList<QList<MemoryHistory::Entry>> columns;
    qsizetype rows = 0;
    for (const QString &name : names) {
        csv += QLatin1Char(',') + csvField(name);
        columns.append(m_history ? m_history->entries(m_history->seriesIndex(name), m_shownFrom, m_shownTo)
                                 : QList<MemoryHistory::Entry>());
        rows = std::max(rows, columns.last().size());
    }
    csv += QLatin1Char('\n');
    // Every recorded series has the same records; one the history lacks leaves its column empty.
    const auto reference = std::find_if(columns.cbegin(), columns.cend(), [rows](const auto &c) { return c.size() == rows; });
    for (qsizetype row = 0; row < rows; ++row) {
        csv += QDateTime::fromMSecsSinceEpoch((*reference)[row].wallMs, Qt::UTC).toString(Qt::ISODateWithMs);
        for (const QList<MemoryHistory::Entry> &column : std::as_const(columns)) {
            csv += QLatin1Char(',');
            if (row < column.size() && !std::isnan(column[row].mean))
                csv += QString::number(std::llround(column[row].mean));
        }
        csv += QLatin1Char('\n');
    }
    return writeWhole(path, csv.toUtf8(), error);
}
