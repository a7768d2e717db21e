#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <array>
#include <utility>

class MemoryHistory;
class QAreaSeries;
class QButtonGroup;
class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QMenu;
class QPainter;
class QToolButton;
class QValueAxis;

// Memory over time from a MemoryHistory. By default three stacked bands that add up to MemTotal:
// used (excl. buff/cache), buff/cache and free, so no memory is counted twice (free(1)'s "used" overlaps
// buff/cache), with lines for available and swap used; any other history series (a meminfo key, a
// process's RSS) can be added as a line. Each redraw reduces every series to the plot's pixel columns
// and hands each chart series a single replace(): the chart never receives every sample. Lines get
// the min and max of each column, so their drawn envelope is exact; band edges get the column's
// maximum, which keeps the stack from crossing itself and shows peak use and least free memory.
//
// The view follows the newest sample over a chosen span (5 min, 1 h, 24 h, all) until the wheel zooms
// or a drag pans it; pause freezes the picture while sampling goes on. A crosshair shows the values at
// the pointer's time; event markers are vertical lines with a label.
class MemoryChartWidget : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::array<qint64, 4> RangeSpansMs{5 * 60'000, 3'600'000, 86'400'000, 0}; // 0: all
    static constexpr qint64 MinSpanMs = 10'000;
    static constexpr qint64 MaxSpanMs = 60ll * 86'400'000;
    static constexpr int MaxEventMarkers = 256;

    explicit MemoryChartWidget(QWidget *parent = nullptr);

    // Not owned; must outlive the widget or be replaced. Call refresh() after appending to it.
    void setHistory(const MemoryHistory *history);

    // Extra lines, by history series name (also offered in the widget's Series menu).
    void addSeries(const QString &name);
    void removeSeries(const QString &name);
    QStringList extraSeries() const { return m_extra; }
    // Draws one series (a history series name) bolder than the rest, as a lesson points at it; one
    // that is not drawn yet is added as a line first. Empty: none stands out.
    void emphasizeSeries(const QString &series);
    QString emphasizedSeries() const { return m_emphasized; }
    qreal seriesPenWidth(const QString &legendName) const; // of the line or band drawn under that name
    static int bandOf(const QString &series); // 0 used, 1 buff/cache, 2 free; -1: a series drawn as a line

    // Follows the newest sample over spanMs (0: everything the history holds).
    void showRecent(qint64 spanMs);
    // A fixed window in wall-clock ms, as zooming and panning set it.
    void setWindow(qint64 fromWallMs, qint64 toWallMs);
    // The window drawn last.
    std::pair<qint64, qint64> window() const { return {m_shownFrom, m_shownTo}; }

    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    void addEventMarker(qint64 wallMs, const QString &label);
    void clearEventMarkers();

    // The colour of a drawn series by its legend name ("used (excl. buff/cache)", "buff/cache", "free",
    // "available", "swap used", or an extra series' name); invalid if there is none.
    QColor seriesColor(const QString &legendName) const;

    // The chart alone (without the buttons) at size logical pixels; plotArea receives the rectangle of
    // the plot within it.
    QImage renderImage(QSize size, qreal devicePixelRatio, QRectF *plotArea = nullptr);
    // Each file is written whole or not at all. The CSV holds the window shown: time (ISO 8601, UTC),
    // then one column per value series in kB (bucket means where only buckets are left).
    bool exportPng(const QString &path, QSize size, qreal devicePixelRatio, QString *error);
    bool exportSvg(const QString &path, QSize size, QString *error);
    bool exportCsv(const QString &path, QString *error) const;

public slots:
    // Draws new samples (connect MeminfoSampler::sampled); does nothing while paused.
    void refresh();

signals:
    void pausedChanged(bool paused);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // A history series reduced into a chart series: a drawn line, or the edge of a band.
    struct Plot
    {
        QString series;
        QLineSeries *line;
        bool bandEdge;
    };
    struct Marker
    {
        qint64 wallMs;
        QGraphicsLineItem *line;
        QGraphicsSimpleTextItem *label;
    };

    void addLine(const QString &series, const QString &legendName);
    void redraw(); // at the on-screen plot width
    void redrawAt(int columns);
    void updateTimeTicks();
    int screenColumns() const;
    std::pair<qint64, qint64> wantedWindow() const;
    void checkRangeButton(qint64 spanMs);
    void applyPalette();
    void styleMarker(const Marker &marker) const;
    void placeMarkers();
    QPointF chartPosition(QPointF viewportPosition) const;
    qint64 timeAtX(qreal x) const;
    void showCrosshair(QPointF chartPos);
    void hideCrosshair();
    void populateSeriesMenu();
    QStringList valueSeries() const; // for the crosshair and the CSV
    void renderChart(QPainter *painter, QSizeF size, qreal devicePixelRatio, QRectF *plotArea);

    const MemoryHistory *m_history = nullptr;
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    std::array<QAreaSeries *, 3> m_bands{}; // used, buff/cache, free
    QList<Plot> m_plots; // band edges, then the default lines, then the extras
    qsizetype m_fixedPlots = 0;
    QStringList m_extra;
    QString m_emphasized;
    QList<Marker> m_markers;
    QGraphicsLineItem *m_crossLine;
    QGraphicsRectItem *m_crossBox;
    QGraphicsSimpleTextItem *m_crossText;
    QButtonGroup *m_ranges;
    QToolButton *m_pauseButton;
    QMenu *m_seriesMenu;

    bool m_follow = true;
    qint64 m_spanMs = RangeSpansMs[0];
    qint64 m_fixedFrom = 0;
    qint64 m_fixedTo = 0;
    qint64 m_shownFrom = 0;
    qint64 m_shownTo = 0;
    bool m_paused = false;
    qint64 m_pausedNewest = 0;
    int m_columns = 0; // of the last redraw
    bool m_rendering = false; // an export has the chart at another size
    bool m_dragging = false;
    qreal m_dragX = 0;
    std::pair<qint64, qint64> m_dragWindow;
};
