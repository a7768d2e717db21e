#pragma once

#include "pagemodel.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

class MessageBanner;
class QScrollBar;

// The pages of a PageModel as a grid of cells, row-major, each range (a piece of one mapping) under
// a header row with the mapping's name. Zoomed in, a cell is one page coloured by its state with
// marks for its overlays; zoomed out, a cell stands for several pages and shows their states as
// proportional horizontal stripes. Only visible cells are computed, each with one
// PageModel::aggregate call, so drawing cost does not depend on the number of pages.
class PageMapView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MinCellSize = 6;
    static constexpr int MaxCellSize = 48;

    explicit PageMapView(QWidget *parent = nullptr);

    void setModel(PageModel *model);
    PageModel *model() const { return m_model; }

    // Zoom: the cell size in pixels and the pages a cell stands for (1 when zoomed in).
    int cellSize() const { return m_cellSize; }
    void setCellSize(int pixels); // clamped to [MinCellSize, MaxCellSize]
    qint64 pagesPerCell() const { return m_pagesPerCell; }
    void setPagesPerCell(qint64 pages); // at least 1
    void zoomIn(); // bigger cells, or fewer pages per cell
    void zoomOut();

    qint64 selectedPage() const { return m_selectedPage; } // -1: none
    void setSelectedPage(qint64 page);

    // Geometry, in widget coordinates at the current scroll position.
    qint64 pageAtPoint(const QPoint &point) const; // first page of the cell there; -1 outside cells
    QRect cellRect(qint64 page) const; // the cell holding page; may lie outside the visible area
    void scrollToPage(qint64 page);
    int columns() const; // cells per row at the current width
    bool isBannerShown() const;
    QString bannerText() const;

    // Renders what the view shows (from the current scroll position) at size, with the banner's
    // message drawn at the top. Same paint path as the screen.
    QImage renderImage(const QSize &size, qreal devicePixelRatio = 1.0) const;
    // Written through QSaveFile: the file is complete or untouched. error gets a one-line reason.
    bool exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error = nullptr) const;
    bool exportSvg(const QString &path, const QSize &size, QString *error = nullptr) const; // same paint path

    QSize minimumSizeHint() const override; // the legend and a few rows of cells, at the current width

Q_SIGNALS:
    void pageSelected(qint64 page);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Layout; // where the legend and the grid go within an area

    void modelReset();
    void paintExport(QPainter &painter, const QSize &size) const; // renderImage and exportSvg: background, banner text, view
    void relayout(); // after a change of model, zoom or size: scroll bar range, repaint
    void updateBanner();
    Layout layoutFor(const QRect &area) const;
    QRect viewArea() const; // below the banner, left of the scroll bar
    static QStringList legendNames();
    int legendHeight(int width) const;
    void paint(QPainter &painter, const QRect &area, int scrollY) const;
    void paintLegend(QPainter &painter, const QRect &rect) const;
    void paintCell(QPainter &painter, const QRect &rect, qint64 first, qint64 count) const;
    qint64 cellAt(const Layout &layout, const QPoint &point, int scrollY) const;
    QRect cellRect(const Layout &layout, qint64 page, int scrollY) const;
    QString toolTipFor(qint64 first, qint64 count) const;
    qint64 cellPages(qint64 first) const; // pages in the cell starting at first (clipped to its range)

    QPointer<PageModel> m_model;
    MessageBanner *m_banner;
    QScrollBar *m_scrollBar;
    int m_cellSize = 12;
    qint64 m_pagesPerCell = 1;
    qint64 m_selectedPage = -1;
};
