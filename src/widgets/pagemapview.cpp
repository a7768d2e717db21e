#include "pagemapview.h"

#include "addressformat.h"
#include "messagebanner.h"
#include "pagemodel.h"
#include "pagepalette.h"
#include "viewexport.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <climits>
#include <limits>

namespace {
constexpr int Margin = 6; // around the grid and the legend
constexpr int RangeSpacing = 6; // below the last row of a range
constexpr qint64 MaxPagesPerCell = qint64(1) << 30;

int cellGap(int cellSize)
{
    return cellSize >= 10 ? 2 : 1;
}

// The marks of the overlays on a cell; shared by cells and legend swatches so both look alike.
void paintMarks(QPainter &painter, const QRectF &r, const PagePalette &colours, const std::array<bool, PageModel::OverlayCount> &on)
{
    const qreal s = std::min(r.width(), r.height());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (on[PageModel::ZeroPage]) {
        painter.setPen(QPen(colours.overlay(PageModel::ZeroPage), std::max(1.0, s / 10)));
        painter.drawLine(r.bottomLeft(), r.topRight());
    }
    if (on[PageModel::Exclusive]) {
        const qreal t = std::max(2.0, s / 3);
        QPainterPath corner;
        corner.moveTo(r.right(), r.bottom() - t);
        corner.lineTo(r.right(), r.bottom());
        corner.lineTo(r.right() - t, r.bottom());
        corner.closeSubpath();
        painter.fillPath(corner, colours.overlay(PageModel::Exclusive));
    }
    const qreal dot = std::max(1.5, s / 5);
    painter.setPen(Qt::NoPen);
    if (on[PageModel::SoftDirty]) {
        painter.setBrush(colours.overlay(PageModel::SoftDirty));
        painter.drawEllipse(QPointF(r.right() - dot, r.top() + dot), dot, dot);
    }
    if (on[PageModel::Ksm]) {
        painter.setBrush(colours.overlay(PageModel::Ksm));
        painter.drawEllipse(QPointF(r.left() + dot, r.bottom() - dot), dot, dot);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (on[PageModel::Huge]) {
        const qreal w = std::max(2.0, s / 6);
        painter.setPen(QPen(colours.overlay(PageModel::Huge), w, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.drawRect(r.adjusted(w / 2, w / 2, -w / 2, -w / 2));
    } else if (on[PageModel::Shared]) {
        painter.setPen(QPen(colours.overlay(PageModel::Shared), 1, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
        painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
    }
    painter.restore();
}

QString mappingName(const PageMapSnapshot &snapshot, qsizetype mapping)
{
    if (mapping < 0 || mapping >= snapshot.mappings.size())
        return QString();
    const Mapping &m = snapshot.mappings[mapping];
    return m.path.isEmpty() ? PageMapView::tr("[anonymous]") : m.path;
}
} // namespace

struct PageMapView::Layout
{
    QRect legend;
    QRect grid; // clip of the cells and headers
    int columns = 1;
    int pitch = 1; // cell size + gap
    int headerHeight = 0;
    std::vector<qint64> rangeY; // content y of each range's header; one more: the content height
};

PageMapView::PageMapView(QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
    , m_scrollBar(new QScrollBar(Qt::Vertical, this))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::WheelFocus);
    connect(m_scrollBar, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
}

void PageMapView::setModel(PageModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &PageModel::snapshotChanged, this, &PageMapView::modelReset);
    modelReset();
}

void PageMapView::modelReset()
{
    m_selectedPage = -1;
    m_scrollBar->setValue(0);
    updateBanner();
    relayout();
}

void PageMapView::updateBanner()
{
    QStringList lines;
    if (m_model && m_model->pfnsHidden())
        lines << tr("Physical frame numbers are hidden: reading them needs root (CAP_SYS_ADMIN). "
                    "Present/swapped/file/exclusive/soft-dirty flags are still shown.");
    if (m_model && !m_model->frameInfoError().isEmpty() && !m_model->pfnsHidden())
        lines << tr("Frame details are unavailable (%1): shared, huge, zero-page and KSM marks are not shown.")
                     .arg(m_model->frameInfoError());
    m_banner->showLines(MessageBanner::Level::Warning, lines);
    resizeEvent(nullptr);
}

bool PageMapView::isBannerShown() const
{
    return m_banner->isShown();
}

QString PageMapView::bannerText() const
{
    return m_banner->shownText();
}

void PageMapView::setCellSize(int pixels)
{
    pixels = std::clamp(pixels, MinCellSize, MaxCellSize);
    if (pixels == m_cellSize)
        return;
    m_cellSize = pixels;
    relayout();
}

void PageMapView::setPagesPerCell(qint64 pages)
{
    pages = std::clamp<qint64>(pages, 1, MaxPagesPerCell);
    if (pages == m_pagesPerCell)
        return;
    // Keep the first visible cell's page in view across the zoom.
    const qint64 anchor = pageAtPoint(viewArea().topLeft() + QPoint(Margin + 1, legendHeight(viewArea().width()) + 1));
    m_pagesPerCell = pages;
    relayout();
    if (anchor >= 0)
        scrollToPage(anchor);
}

// Zoom in grows cells to MaxCellSize only once every cell is a single page; zoom out first
// shrinks cells to a small size, then doubles the pages each holds.
void PageMapView::zoomIn()
{
    if (m_pagesPerCell > 1)
        setPagesPerCell(m_pagesPerCell / 2);
    else
        setCellSize(std::max(m_cellSize + 1, m_cellSize * 5 / 4));
}

void PageMapView::zoomOut()
{
    constexpr int AggregateCellSize = 10; // room for stripes of four states
    if (m_cellSize > AggregateCellSize)
        setCellSize(std::max(AggregateCellSize, m_cellSize * 4 / 5));
    else
        setPagesPerCell(m_pagesPerCell * 2);
}

void PageMapView::setSelectedPage(qint64 page)
{
    if (!m_model || page < 0 || page >= m_model->pageCount())
        page = -1;
    if (page == m_selectedPage)
        return;
    m_selectedPage = page;
    update();
    Q_EMIT pageSelected(page);
}

QRect PageMapView::viewArea() const
{
    const int top = isBannerShown() ? m_banner->geometry().bottom() + 1 : 0;
    return QRect(0, top, width() - m_scrollBar->sizeHint().width(), height() - top);
}

QStringList PageMapView::legendNames()
{
    QStringList names;
    for (int s = 0; s < PageModel::StateCount; ++s)
        names << PagePalette::stateName(PageModel::State(s));
    for (int o = 0; o < PageModel::OverlayCount; ++o)
        names << PagePalette::overlayName(PageModel::Overlay(o));
    return names;
}

int PageMapView::legendHeight(int width) const
{
    return PagePalette(palette()).paintLegend(nullptr, QRect(0, 0, width, 1), font(), legendNames(), {});
}

PageMapView::Layout PageMapView::layoutFor(const QRect &area) const
{
    Layout layout;
    layout.legend = QRect(area.left(), area.top(), area.width(), legendHeight(area.width()));
    layout.grid = QRect(area.left(), layout.legend.bottom() + 1, area.width(), area.height() - layout.legend.height());
    layout.pitch = m_cellSize + cellGap(m_cellSize);
    layout.columns = std::max(1, (area.width() - 2 * Margin + cellGap(m_cellSize)) / layout.pitch);
    layout.headerHeight = QFontMetrics(font()).height() + 4;
    qint64 y = 0;
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model ? m_model->snapshot() : nullptr;
    const qsizetype ranges = snapshot ? snapshot->ranges.size() : 0;
    layout.rangeY.reserve(size_t(ranges) + 1);
    for (qsizetype r = 0; r < ranges; ++r) {
        layout.rangeY.push_back(y);
        const qint64 cells = (qint64(snapshot->ranges[r].pageCount) + m_pagesPerCell - 1) / m_pagesPerCell;
        const qint64 rows = (cells + layout.columns - 1) / layout.columns;
        y += layout.headerHeight + rows * layout.pitch + RangeSpacing;
    }
    layout.rangeY.push_back(y + Margin);
    return layout;
}

int PageMapView::columns() const
{
    return layoutFor(viewArea()).columns;
}

void PageMapView::relayout()
{
    const Layout layout = layoutFor(viewArea());
    const qint64 content = layout.rangeY.back();
    m_scrollBar->setRange(0, int(std::clamp<qint64>(content - layout.grid.height(), 0, std::numeric_limits<int>::max())));
    m_scrollBar->setPageStep(std::max(1, layout.grid.height()));
    m_scrollBar->setSingleStep(layout.pitch * 3);
    update();
}

QSize PageMapView::minimumSizeHint() const
{
    // The legend wraps in a narrow pane and grows with presentation mode's font: keep a few rows of
    // cells in view below it.
    constexpr int MinimumWidth = 200;
    constexpr int MinimumRows = 4;
    const int w = std::max(width(), MinimumWidth);
    const int banner = isBannerShown() ? m_banner->heightForWidth(w) : 0;
    const int header = fontMetrics().height() + 4;
    const int rows = MinimumRows * (m_cellSize + cellGap(m_cellSize));
    return QSize(MinimumWidth, banner + legendHeight(w - m_scrollBar->sizeHint().width()) + header + rows + 2 * Margin);
}

void PageMapView::resizeEvent(QResizeEvent *event)
{
    if (!event || event->oldSize().width() != width())
        updateGeometry(); // the legend wraps differently (or the banner came or went)
    const int bannerHeight = isBannerShown() ? m_banner->heightForWidth(width()) : 0;
    m_banner->setGeometry(0, 0, width(), std::max(bannerHeight, isBannerShown() ? m_banner->sizeHint().height() : 0));
    const int top = isBannerShown() ? m_banner->height() : 0;
    const int w = m_scrollBar->sizeHint().width();
    m_scrollBar->setGeometry(width() - w, top, w, height() - top);
    relayout();
}

void PageMapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        relayout();
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

qint64 PageMapView::cellPages(qint64 first) const
{
    const int range = m_model->rangeOfPage(first);
    const qint64 rangeFirst = m_model->firstPageOfRange(range);
    const qint64 rangeEnd = rangeFirst + qint64(m_model->snapshot()->ranges[range].pageCount);
    const qint64 cellFirst = rangeFirst + (first - rangeFirst) / m_pagesPerCell * m_pagesPerCell;
    return std::min(m_pagesPerCell, rangeEnd - cellFirst);
}

QRect PageMapView::cellRect(const Layout &layout, qint64 page, int scrollY) const
{
    if (!m_model || page < 0 || page >= m_model->pageCount())
        return QRect();
    const int range = m_model->rangeOfPage(page);
    const qint64 cell = (page - m_model->firstPageOfRange(range)) / m_pagesPerCell;
    const qint64 row = cell / layout.columns;
    const int column = int(cell % layout.columns);
    const qint64 y = layout.grid.top() + layout.rangeY[size_t(range)] + layout.headerHeight + row * layout.pitch - scrollY;
    return QRect(layout.grid.left() + Margin + column * layout.pitch, int(y), m_cellSize, m_cellSize);
}

QRect PageMapView::cellRect(qint64 page) const
{
    return cellRect(layoutFor(viewArea()), page, m_scrollBar->value());
}

qint64 PageMapView::cellAt(const Layout &layout, const QPoint &point, int scrollY) const
{
    if (!m_model || !layout.grid.contains(point))
        return -1;
    const qint64 y = qint64(point.y()) - layout.grid.top() + scrollY;
    const auto after = std::upper_bound(layout.rangeY.begin(), layout.rangeY.end() - 1, y);
    if (after == layout.rangeY.begin())
        return -1;
    const int range = int(after - layout.rangeY.begin()) - 1;
    const qint64 rowY = y - layout.rangeY[size_t(range)] - layout.headerHeight;
    const int x = point.x() - layout.grid.left() - Margin;
    if (rowY < 0 || x < 0 || rowY % layout.pitch >= m_cellSize || x % layout.pitch >= m_cellSize)
        return -1; // a header, or a gap between cells
    const int column = x / layout.pitch;
    if (column >= layout.columns)
        return -1;
    const qint64 cell = rowY / layout.pitch * layout.columns + column;
    const qint64 offset = cell * m_pagesPerCell;
    if (offset >= qint64(m_model->snapshot()->ranges[range].pageCount))
        return -1;
    return m_model->firstPageOfRange(range) + offset;
}

qint64 PageMapView::pageAtPoint(const QPoint &point) const
{
    return cellAt(layoutFor(viewArea()), point, m_scrollBar->value());
}

void PageMapView::scrollToPage(qint64 page)
{
    const Layout layout = layoutFor(viewArea());
    const QRect cell = cellRect(layout, page, 0);
    if (cell.isNull())
        return;
    const int top = cell.top() - layout.grid.top();
    const int value = m_scrollBar->value();
    if (top < value || top + cell.height() > value + layout.grid.height())
        m_scrollBar->setValue(top - layout.headerHeight);
}

void PageMapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, viewArea(), m_scrollBar->value());
}

void PageMapView::paintLegend(QPainter &painter, const QRect &rect) const
{
    const PagePalette colours(palette());
    colours.paintLegend(&painter, rect, font(), legendNames(), [&](int item, const QRect &swatch) {
        if (item < PageModel::StateCount) {
            painter.fillRect(swatch, colours.state(PageModel::State(item)));
            return;
        }
        // Marks on a neutral cell, as they appear in the grid.
        painter.fillRect(swatch, colours.state(PageModel::NotPresent));
        std::array<bool, PageModel::OverlayCount> on{};
        on[size_t(item - PageModel::StateCount)] = true;
        paintMarks(painter, swatch, colours, on);
    });
}

void PageMapView::paintCell(QPainter &painter, const QRect &rect, qint64 first, qint64 count) const
{
    const PagePalette colours(palette());
    const PageModel::Aggregate agg = m_model->aggregate(first, count);
    if (agg.pages == 0)
        return;
    // States as horizontal stripes, top to bottom, heights by cumulative rounding so they add up.
    quint64 before = 0;
    int top = rect.top();
    for (int s = 0; s < PageModel::StateCount; ++s) {
        const auto state = PageModel::State(s);
        before += agg.count(state);
        const int bottom = rect.top() + int((before * quint64(rect.height()) + agg.pages / 2) / agg.pages);
        if (bottom > top)
            painter.fillRect(QRect(rect.left(), top, rect.width(), bottom - top), colours.state(state));
        top = bottom;
    }
    // An aggregated cell carries a mark when any of its pages does: rare ones (KSM, zero page)
    // must not vanish when zoomed out; the tooltip has the counts.
    std::array<bool, PageModel::OverlayCount> on{};
    for (int o = 0; o < PageModel::OverlayCount; ++o)
        on[size_t(o)] = agg.count(PageModel::Overlay(o)) > 0;
    if (m_cellSize >= 8)
        paintMarks(painter, rect, colours, on);
}

void PageMapView::paint(QPainter &painter, const QRect &area, int scrollY) const
{
    const PagePalette colours(palette());
    painter.fillRect(area, colours.window());
    const Layout layout = layoutFor(area);
    paintLegend(painter, layout.legend);
    if (!m_model || m_model->pageCount() == 0) {
        painter.setPen(colours.mutedText());
        painter.drawText(layout.grid, Qt::AlignCenter, tr("No pages read"));
        return;
    }
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model->snapshot();
    painter.save();
    painter.setClipRect(layout.grid);
    const qint64 top = scrollY;
    const qint64 bottom = scrollY + layout.grid.height();
    auto it = std::upper_bound(layout.rangeY.begin(), layout.rangeY.end() - 1, top);
    int range = std::max(0, int(it - layout.rangeY.begin()) - 1);
    const QFontMetrics fm(font());
    for (; range < snapshot->ranges.size() && layout.rangeY[size_t(range)] < bottom; ++range) {
        const PageMapSnapshot::Range &r = snapshot->ranges[range];
        const qint64 headerY = layout.grid.top() + layout.rangeY[size_t(range)] - scrollY;
        // The header: the gap before the range, named after its mapping.
        const QRect header(layout.grid.left() + Margin, int(headerY), layout.grid.width() - 2 * Margin, layout.headerHeight);
        painter.setPen(colours.mutedText());
        painter.drawLine(header.left(), header.top() + 1, header.right(), header.top() + 1);
        painter.setPen(colours.text());
        const QString permissions = r.mapping >= 0 && r.mapping < snapshot->mappings.size()
                                      ? snapshot->mappings[r.mapping].permissions() : QString();
        const QString label = tr("%1  %2  %3 – %4  (%Ln page(s))", nullptr, int(std::min<quint64>(r.pageCount, INT_MAX)))
                                  .arg(mappingName(*snapshot, r.mapping), permissions, AddressFormat::hex(r.start),
                                       AddressFormat::hex(r.start + r.pageCount * snapshot->pageSize));
        painter.drawText(header.adjusted(0, 2, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         fm.elidedText(label, Qt::ElideMiddle, header.width()));
        // Only the rows that intersect the visible band.
        const qint64 rowsTop = headerY + layout.headerHeight;
        const qint64 cells = (qint64(r.pageCount) + m_pagesPerCell - 1) / m_pagesPerCell;
        const qint64 firstRow = std::max<qint64>(0, (layout.grid.top() - rowsTop) / layout.pitch);
        const qint64 lastRow = std::min((cells - 1) / layout.columns, (layout.grid.bottom() - rowsTop) / layout.pitch);
        const qint64 firstPage = m_model->firstPageOfRange(range);
        for (qint64 row = firstRow; row <= lastRow; ++row) {
            for (int column = 0; column < layout.columns; ++column) {
                const qint64 cell = row * layout.columns + column;
                if (cell >= cells)
                    break;
                const qint64 page = firstPage + cell * m_pagesPerCell;
                const qint64 count = std::min<qint64>(m_pagesPerCell, qint64(r.pageCount) - cell * m_pagesPerCell);
                const QRect rect(layout.grid.left() + Margin + column * layout.pitch, int(rowsTop + row * layout.pitch),
                                 m_cellSize, m_cellSize);
                paintCell(painter, rect, page, count);
                if (m_selectedPage >= page && m_selectedPage < page + count) {
                    painter.setPen(QPen(colours.selection(), 2));
                    painter.setBrush(Qt::NoBrush);
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1));
                }
            }
        }
    }
    painter.restore();
}

QString PageMapView::toolTipFor(qint64 first, qint64 count) const
{
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model->snapshot();
    const QLocale locale;
    if (count == 1) {
        const PageModel::Page page = m_model->pageAt(first);
        const PageEntry &e = page.entry;
        QStringList lines;
        lines << tr("Page %1 at %2 (%3)").arg(locale.toString(first), AddressFormat::hex(page.address),
                                               mappingName(*snapshot, page.mapping));
        lines << tr("State: %1").arg(PagePalette::stateName(page.state));
        if (e.present)
            lines << tr("PFN: %1").arg(m_model->pfnsHidden() ? tr("hidden (needs root)")
                                                              : QStringLiteral("0x%1").arg(e.pfn, 0, 16));
        if (e.swapped)
            lines << tr("Swap: type %1, offset 0x%2").arg(e.swapType).arg(e.swapOffset, 0, 16);
        QStringList flags;
        if (e.present)
            flags << QStringLiteral("present");
        if (e.swapped)
            flags << QStringLiteral("swapped");
        if (e.fileOrSharedAnon)
            flags << QStringLiteral("file/shared-anon");
        if (e.exclusive)
            flags << QStringLiteral("exclusive");
        if (e.softDirty)
            flags << QStringLiteral("soft-dirty");
        if (e.uffdWriteProtected)
            flags << QStringLiteral("uffd-wp");
        if (e.guardRegion)
            flags << QStringLiteral("guard");
        lines << tr("Flags: %1").arg(flags.isEmpty() ? tr("none") : flags.join(QStringLiteral(", ")));
        if (page.frame) {
            lines << tr("kpageflags: %1").arg(KPageFlags::names(page.frame->flags).join(QLatin1Char(' ')));
            lines << tr("Map count: %1").arg(page.frame->mapCount);
        }
        lines << tr("Entry: 0x%1").arg(e.raw, 16, 16, QLatin1Char('0'));
        return lines.join(QLatin1Char('\n'));
    }
    const PageModel::Aggregate agg = m_model->aggregate(first, count);
    QStringList lines;
    lines << tr("Pages %1 – %2 from %3").arg(locale.toString(first), locale.toString(first + count - 1),
                                             AddressFormat::hex(m_model->virtualAddressOfPage(first)));
    for (int s = 0; s < PageModel::StateCount; ++s)
        lines << QStringLiteral("%1: %2").arg(PagePalette::stateName(PageModel::State(s)),
                                              locale.toString(agg.count(PageModel::State(s))));
    for (int o = 0; o < PageModel::OverlayCount; ++o)
        if (agg.count(PageModel::Overlay(o)))
            lines << QStringLiteral("%1: %2").arg(PagePalette::overlayName(PageModel::Overlay(o)),
                                                  locale.toString(agg.count(PageModel::Overlay(o))));
    return lines.join(QLatin1Char('\n'));
}

bool PageMapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const qint64 page = pageAtPoint(help->pos());
        if (page < 0)
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), toolTipFor(page, cellPages(page)), this, cellRect(page));
        return true;
    }
    return QWidget::event(event);
}

void PageMapView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier || !m_scrollBar->isVisible() || m_scrollBar->maximum() == 0) {
        // Ctrl+wheel zooms, as does the wheel when there is nothing to scroll.
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
    } else {
        m_scrollBar->setValue(m_scrollBar->value() - event->angleDelta().y() / 120 * m_scrollBar->singleStep());
    }
    event->accept();
}

void PageMapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const qint64 page = pageAtPoint(event->position().toPoint());
    if (page >= 0)
        setSelectedPage(page);
}

void PageMapView::paintExport(QPainter &painter, const QSize &size) const
{
    painter.fillRect(QRect(QPoint(), size), palette().color(QPalette::Window));
    int top = 0;
    const QString message = bannerText();
    if (!message.isEmpty()) {
        // The banner is a child widget: draw its words, so the picture says why parts are missing.
        const QRect text = painter.boundingRect(QRect(Margin, Margin, size.width() - 2 * Margin, size.height()),
                                                Qt::TextWordWrap, message);
        painter.fillRect(QRect(0, 0, size.width(), text.height() + 2 * Margin), m_banner->palette().color(QPalette::Window));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(text, Qt::TextWordWrap, message);
        top = text.height() + 2 * Margin;
    }
    paint(painter, QRect(0, top, size.width(), size.height() - top), m_scrollBar->value());
}

QImage PageMapView::renderImage(const QSize &size, qreal devicePixelRatio) const
{
    return renderViewImage(size, devicePixelRatio, palette().color(QPalette::Window), [&](QPainter &painter) { paintExport(painter, size); });
}

bool PageMapView::exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error) const
{
    return writePngFile(path, renderImage(size, devicePixelRatio), error);
}

bool PageMapView::exportSvg(const QString &path, const QSize &size, QString *error) const
{
    return writeSvgFile(path, size, tr("Page map"), [&](QPainter &painter) { paintExport(painter, size); }, error);
}
