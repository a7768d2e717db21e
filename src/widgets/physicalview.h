#pragma once

#include "pagemodel.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <vector>

class FrameCensus;
class MessageBanner;

// Where a process's pages live in RAM: the virtual pages of a PageModel as a strip on the left,
// physical memory (PFN 0 to the end of RAM) as a strip on the right coloured by what each part of
// RAM is used for (a FrameCensus, when one is set), the process's frames ticked on it, and a line
// from each present page to its frame. Frames mapped more than once are drawn in their own colour.
class PhysicalView : public QWidget
{
    Q_OBJECT

public:
    // More links than this are sampled evenly: beyond it lines merge into a solid band anyway.
    static constexpr qsizetype MaxLines = 2000;

    explicit PhysicalView(QWidget *parent = nullptr);

    void setModel(PageModel *model);
    PageModel *model() const { return m_model; }
    void setCensus(std::shared_ptr<const FrameCensus> census); // null: no census
    std::shared_ptr<const FrameCensus> census() const { return m_census; }

    // Geometry at the widget's current size: centre of the page's / frame's position on its strip.
    qreal yForPage(qint64 page) const;
    qreal yForPfn(quint64 pfn) const;
    QRect frameStripRect() const; // the physical strip; the process's frames are ticked just left of it
    quint64 pfnEnd() const; // the census's, else the snapshot's, else one past the highest frame seen
    qsizetype linkCount() const { return qsizetype(m_links.size()); } // present pages with a real frame
    qsizetype drawnLineCount() const; // links drawn as lines
    QString caption() const;
    QString endOfRamLabel() const; // below the physical strip
    bool isBannerShown() const;
    QString bannerText() const;

    QImage renderImage(const QSize &size, qreal devicePixelRatio = 1.0) const;
    // Written through QSaveFile: the file is complete or untouched. error gets a one-line reason.
    bool exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error = nullptr) const;
    bool exportSvg(const QString &path, const QSize &size, QString *error = nullptr) const; // same paint path

    QSize minimumSizeHint() const override; // room for the strips below the legend, at the current width

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Layout;
    struct Link
    {
        qint64 page;
        quint64 pfn;
        bool shared; // kpagecount > 1
    };

    void modelReset();
    void invalidateLayer();
    void paintExport(QPainter &painter, const QSize &size) const; // renderImage and exportSvg: background, banner text, view
    void updateBanner();
    QRect viewArea() const;
    Layout layoutFor(const QRect &area) const;
    QStringList legendNames() const;
    void paint(QPainter &painter, const QRect &area) const;
    void paintPages(QPainter &painter, const QRect &strip) const;
    void paintFrames(QPainter &painter, const QRect &strip) const;
    void paintLinks(QPainter &painter, const Layout &layout) const;

    QPointer<PageModel> m_model;
    std::shared_ptr<const FrameCensus> m_census;
    MessageBanner *m_banner;
    std::vector<Link> m_links; // by page
    quint64 m_maxPfn = 0;
    // The whole picture at the widget's size: thousands of antialiased lines take ~70 ms to draw,
    // so they are drawn once per data, size or palette change and repaints copy the result.
    QImage m_layer;
};
