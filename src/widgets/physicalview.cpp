#include "physicalview.h"

#include "addressformat.h"
#include "framecensus.h"
#include "messagebanner.h"
#include "pagemodel.h"
#include "pagepalette.h"
#include "viewexport.h"

#include <QLocale>
#include <QPainter>
#include <QResizeEvent>

#include <algorithm>
#include <array>

namespace {
constexpr int Margin = 8;
constexpr int StripWidth = 48;
constexpr int TickLength = 10; // the process's frames, ticked left of the physical strip
constexpr int MinimumLinkSpan = 3 * StripWidth; // between the strips, where the lines run
constexpr quint64 PfnMask = (quint64(1) << 55) - 1;
constexpr quint64 PresentBit = quint64(1) << 63;

// Splits rect horizontally in proportion to counts, in the given colours.
template<typename Counts, typename Colour>
void fillProportional(QPainter &painter, const QRect &rect, const Counts &counts, int n, const Colour &colour)
{
    quint64 total = 0;
    for (int i = 0; i < n; ++i)
        total += counts[i];
    if (total == 0)
        return;
    quint64 before = 0;
    int left = rect.left();
    for (int i = 0; i < n; ++i) {
        before += counts[i];
        const int right = rect.left() + int((before * quint64(rect.width()) + total / 2) / total);
        if (right > left)
            painter.fillRect(QRect(left, rect.top(), right - left, rect.height()), colour(i));
        left = right;
    }
}
} // namespace

struct PhysicalView::Layout
{
    QRect legend;
    QRect caption;
    QRect pages; // the virtual strip
    QRect ticks; // the process's frames
    QRect frames; // the physical strip
    bool axisLabels = true; // addresses and PFNs beside the strips; left out when the pane is too narrow
};

PhysicalView::PhysicalView(QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
{
}

QSize PhysicalView::minimumSizeHint() const
{
    // The legend and caption wrap in a narrow pane and grow with presentation mode's font; below them
    // the strips need room, or the axis labels land on each other.
    constexpr int MinimumStripHeight = 120;
    constexpr int minimumWidth = 2 * Margin + 2 * StripWidth + MinimumLinkSpan; // without the axis labels
    const int w = std::max(width(), minimumWidth);
    const int banner = isBannerShown() ? m_banner->heightForWidth(w) : 0;
    const int stripsTop = layoutFor(QRect(0, 0, w, 1)).pages.top();
    return QSize(minimumWidth, banner + stripsTop + MinimumStripHeight + fontMetrics().height() + 5);
}

void PhysicalView::setModel(PageModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model)
        connect(m_model, &PageModel::snapshotChanged, this, &PhysicalView::modelReset);
    modelReset();
}

void PhysicalView::setCensus(std::shared_ptr<const FrameCensus> census)
{
    m_census = std::move(census);
    updateGeometry(); // the census classes join the legend
    invalidateLayer();
}

void PhysicalView::invalidateLayer()
{
    m_layer = QImage();
    update();
}

void PhysicalView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        invalidateLayer();
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void PhysicalView::modelReset()
{
    // The links are read straight from the raw entries: one pass, no per-page decoding objects.
    m_links.clear();
    m_maxPfn = 0;
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model ? m_model->snapshot() : nullptr;
    if (snapshot && !snapshot->pfnsHidden) {
        m_links.reserve(size_t(snapshot->presentCount));
        qint64 page = 0;
        for (const PageMapSnapshot::Range &range : snapshot->ranges) {
            for (quint64 i = 0; i < range.pageCount; ++i, ++page) {
                const quint64 raw = range.rawEntry(i);
                const quint64 pfn = raw & PfnMask;
                if (!(raw & PresentBit) || pfn == 0) // PFN 0 is never a mapped frame
                    continue;
                const FrameInfo *frame = snapshot->frames.find(pfn);
                m_links.push_back({ page, pfn, frame && frame->mapCount > 1 });
                m_maxPfn = std::max(m_maxPfn, pfn);
            }
        }
    }
    updateBanner();
    invalidateLayer();
}

void PhysicalView::updateBanner()
{
    QStringList lines;
    if (m_model && m_model->pfnsHidden())
        lines << tr("Physical frame numbers are hidden: reading them needs root (CAP_SYS_ADMIN), "
                    "so pages cannot be linked to their frames in RAM.");
    else if (m_model && !m_model->frameInfoError().isEmpty())
        lines << tr("Frame details are unavailable (%1): shared frames cannot be told apart.").arg(m_model->frameInfoError());
    m_banner->showLines(MessageBanner::Level::Warning, lines);
    resizeEvent(nullptr);
}

bool PhysicalView::isBannerShown() const
{
    return m_banner->isShown();
}

QString PhysicalView::bannerText() const
{
    return m_banner->shownText();
}

void PhysicalView::resizeEvent(QResizeEvent *event)
{
    if (isBannerShown())
        m_banner->setGeometry(0, 0, width(), std::max(m_banner->heightForWidth(width()), m_banner->sizeHint().height()));
    if (!event || event->oldSize().width() != width())
        updateGeometry(); // the legend wraps differently (or the banner came or went)
    invalidateLayer();
}

quint64 PhysicalView::pfnEnd() const
{
    if (m_census && m_census->pfnEnd() > 0)
        return m_census->pfnEnd();
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model ? m_model->snapshot() : nullptr;
    if (snapshot && snapshot->pfnEnd > m_maxPfn)
        return snapshot->pfnEnd;
    return m_maxPfn + 1;
}

QRect PhysicalView::viewArea() const
{
    const int top = isBannerShown() ? m_banner->height() : 0;
    return QRect(0, top, width(), height() - top);
}

QStringList PhysicalView::legendNames() const
{
    // The census classes only when there is a census: otherwise the strip is plain.
    QStringList names;
    for (int c = 0; m_census && c < FrameCensus::ClassCount; ++c)
        names << FrameCensus::className(FrameCensus::Class(c));
    names << tr("This process's frame") << tr("Shared frame (mapped more than once)");
    return names;
}

PhysicalView::Layout PhysicalView::layoutFor(const QRect &area) const
{
    Layout layout;
    const int legendHeight = PagePalette(palette()).paintLegend(nullptr, area, font(), legendNames(), {});
    layout.legend = QRect(area.left(), area.top(), area.width(), legendHeight);
    const int lineHeight = QFontMetrics(font()).height();
    layout.caption = QRect(area.left() + Margin, layout.legend.bottom() + 1, area.width() - 2 * Margin, lineHeight * 2 + 4);
    // Below the caption: column titles (a line), the strips, axis labels (a line).
    const int top = layout.caption.bottom() + 1 + lineHeight + 4;
    const int bottom = area.bottom() - lineHeight - 4;
    const int height = std::max(1, bottom - top);
    const int fullLabelWidth = QFontMetrics(font()).horizontalAdvance(QStringLiteral("0x0000_0000_0000")) + Margin;
    // In a narrow pane (or with presentation mode's font) the labels would run into the strips and each other.
    layout.axisLabels = area.width() >= 2 * fullLabelWidth + 2 * StripWidth + MinimumLinkSpan;
    const int labelWidth = layout.axisLabels ? fullLabelWidth : Margin;
    layout.pages = QRect(area.left() + labelWidth, top, StripWidth, height);
    layout.frames = QRect(area.right() - labelWidth - StripWidth, top, StripWidth, height);
    layout.ticks = QRect(layout.frames.left() - TickLength, top, TickLength, height);
    return layout;
}

qreal PhysicalView::yForPage(qint64 page) const
{
    const Layout layout = layoutFor(viewArea());
    const qint64 pages = m_model ? std::max<qint64>(1, m_model->pageCount()) : 1;
    return layout.pages.top() + (qreal(page) + 0.5) * layout.pages.height() / qreal(pages);
}

QRect PhysicalView::frameStripRect() const
{
    return layoutFor(viewArea()).frames;
}

qreal PhysicalView::yForPfn(quint64 pfn) const
{
    const Layout layout = layoutFor(viewArea());
    return layout.frames.top() + (qreal(pfn) + 0.5) * layout.frames.height() / qreal(pfnEnd());
}

QString PhysicalView::endOfRamLabel() const
{
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model ? m_model->snapshot() : nullptr;
    // Without frame numbers or a census nothing tells where RAM ends: say so rather than "0x1".
    const bool known = !m_links.empty() || (m_census && m_census->pfnEnd() > 0) || (snapshot && snapshot->pfnEnd > 0);
    if (!known)
        return tr("end of RAM");
    const quint64 end = pfnEnd();
    if (snapshot && snapshot->pageSize)
        return tr("0x%1\n%2").arg(end, 0, 16).arg(AddressFormat::size(end * snapshot->pageSize));
    return QStringLiteral("0x%1").arg(end, 0, 16);
}

qsizetype PhysicalView::drawnLineCount() const
{
    return std::min(linkCount(), MaxLines);
}

QString PhysicalView::caption() const
{
    const QLocale locale;
    if (!m_model || m_model->pageCount() == 0)
        return tr("No pages read.");
    const QString noCensus = m_census ? QString() : QString(QLatin1Char('\n') + tr("No census of physical memory (it needs root): RAM is drawn plain."));
    if (m_model->pfnsHidden())
        return tr("Physical frame numbers are hidden: no page → frame lines.") + noCensus;
    if (m_links.empty())
        return tr("No present pages with a known frame.");
    const auto shared = std::count_if(m_links.begin(), m_links.end(), [](const Link &l) { return l.shared; });
    QString text = linkCount() > MaxLines
                     ? tr("Showing %1 of %2 page → frame lines (evenly sampled).")
                           .arg(locale.toString(qint64(MaxLines)), locale.toString(qint64(linkCount())))
                     : tr("%1 page → frame lines.").arg(locale.toString(qint64(linkCount())));
    text += QLatin1Char(' ') + tr("%1 on shared frames.").arg(locale.toString(qint64(shared)));
    return text + noCensus;
}

void PhysicalView::paintEvent(QPaintEvent *)
{
    const QRect area = viewArea();
    const qreal ratio = devicePixelRatioF();
    if (m_layer.isNull() || m_layer.size() != area.size() * ratio || m_layer.devicePixelRatio() != ratio)
        m_layer = renderViewImage(area.size(), ratio, palette().color(QPalette::Window),
                                  [&](QPainter &painter) { paint(painter, QRect(QPoint(), area.size())); });
    QPainter painter(this);
    painter.drawImage(area.topLeft(), m_layer);
}

void PhysicalView::paintPages(QPainter &painter, const QRect &strip) const
{
    const PagePalette colours(palette());
    const qint64 pages = m_model ? m_model->pageCount() : 0;
    if (pages == 0)
        return;
    // One aggregate per pixel row, so the cost follows the height, not the page count.
    for (int y = 0; y < strip.height(); ++y) {
        const qint64 first = pages * y / strip.height();
        const qint64 end = std::max(first + 1, pages * (y + 1) / strip.height());
        const PageModel::Aggregate agg = m_model->aggregate(first, end - first);
        fillProportional(painter, QRect(strip.left(), strip.top() + y, strip.width(), 1), agg.states,
                         PageModel::StateCount, [&](int s) { return colours.state(PageModel::State(s)); });
    }
}

void PhysicalView::paintFrames(QPainter &painter, const QRect &strip) const
{
    const PagePalette colours(palette());
    if (!m_census || m_census->bucketCount() == 0) {
        painter.fillRect(strip, colours.frameClass(FrameCensus::Other).lighter(110));
        return;
    }
    const quint64 end = m_census->pfnEnd();
    for (int y = 0; y < strip.height(); ++y) {
        const quint64 first = end * quint64(y) / quint64(strip.height());
        const quint64 last = std::max(first + 1, end * quint64(y + 1) / quint64(strip.height())) - 1;
        std::array<quint64, FrameCensus::ClassCount> counts{};
        const int lastBucket = std::min(m_census->bucketOfPfn(last), m_census->bucketCount() - 1);
        for (int b = m_census->bucketOfPfn(first); b <= lastBucket; ++b)
            for (int c = 0; c < FrameCensus::ClassCount; ++c)
                counts[size_t(c)] += m_census->count(b, FrameCensus::Class(c));
        fillProportional(painter, QRect(strip.left(), strip.top() + y, strip.width(), 1), counts,
                         FrameCensus::ClassCount, [&](int c) { return colours.frameClass(FrameCensus::Class(c)); });
    }
}

void PhysicalView::paintLinks(QPainter &painter, const Layout &layout) const
{
    if (m_links.empty())
        return;
    const PagePalette colours(palette());
    const qreal pages = qreal(std::max<qint64>(1, m_model->pageCount()));
    const qreal frames = qreal(pfnEnd());
    const auto pageY = [&](qint64 page) { return layout.pages.top() + (qreal(page) + 0.5) * layout.pages.height() / pages; };
    const auto pfnY = [&](quint64 pfn) { return layout.frames.top() + (qreal(pfn) + 0.5) * layout.frames.height() / frames; };

    // Ticks: every frame, one per pixel row (shared wins a row).
    std::vector<quint8> rows(size_t(layout.ticks.height()) + 1, 0);
    for (const Link &link : m_links) {
        const int row = std::clamp(int(pfnY(link.pfn)) - layout.ticks.top(), 0, layout.ticks.height());
        rows[size_t(row)] = std::max<quint8>(rows[size_t(row)], link.shared ? 2 : 1);
    }
    for (size_t row = 0; row < rows.size(); ++row) {
        if (rows[row])
            painter.fillRect(QRect(layout.ticks.left(), layout.ticks.top() + int(row), TickLength, 1),
                             rows[row] == 2 ? colours.sharedFrame() : colours.privateFrame());
    }

    // Lines: all, or an even sample; private ones first so the shared ones stay on top.
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const qsizetype drawn = drawnLineCount();
    QColor privateColour = colours.privateFrame();
    privateColour.setAlphaF(drawn > 200 ? 0.25f : 0.6f);
    QColor sharedColour = colours.sharedFrame();
    sharedColour.setAlphaF(drawn > 200 ? 0.5f : 0.85f);
    const qreal x0 = layout.pages.right() + 1;
    const qreal x1 = layout.ticks.left();
    for (int pass = 0; pass < 2; ++pass) {
        painter.setPen(QPen(pass ? sharedColour : privateColour, 1));
        for (qsizetype i = 0; i < drawn; ++i) {
            const Link &link = m_links[size_t(i * linkCount() / drawn)];
            if (link.shared == bool(pass))
                painter.drawLine(QPointF(x0, pageY(link.page)), QPointF(x1, pfnY(link.pfn)));
        }
    }
    painter.restore();
}

void PhysicalView::paint(QPainter &painter, const QRect &area) const
{
    const PagePalette colours(palette());
    painter.fillRect(area, colours.window());
    const Layout layout = layoutFor(area);
    colours.paintLegend(&painter, layout.legend, font(), legendNames(), [&](int item, const QRect &swatch) {
        const int classes = m_census ? int(FrameCensus::ClassCount) : 0;
        if (item < classes)
            painter.fillRect(swatch, colours.frameClass(FrameCensus::Class(item)));
        else
            painter.fillRect(swatch.adjusted(0, swatch.height() / 2 - 1, 0, -swatch.height() / 2 + 1),
                             item == classes ? colours.privateFrame() : colours.sharedFrame());
    });
    painter.setPen(colours.text());
    painter.drawText(layout.caption, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, caption());

    const QFontMetrics fm(font());
    const int titleY = layout.pages.top() - 4 - fm.descent();
    // Each title gets half the width between the strips' outer edges: in a narrow pane they shorten, not overlap.
    const int titleWidth = std::max(0, (layout.frames.right() - layout.pages.left()) / 2 - fm.averageCharWidth());
    painter.drawText(QPoint(layout.pages.left(), titleY), fm.elidedText(tr("Virtual pages"), Qt::ElideRight, titleWidth));
    const QString physicalTitle = fm.elidedText(tr("Physical memory"), Qt::ElideRight, titleWidth);
    painter.drawText(QPoint(layout.frames.right() - fm.horizontalAdvance(physicalTitle), titleY), physicalTitle);

    painter.setPen(colours.mutedText());
    painter.drawRect(layout.pages.adjusted(-1, -1, 0, 0));
    painter.drawRect(layout.frames.adjusted(-1, -1, 0, 0));
    paintPages(painter, layout.pages);
    paintFrames(painter, layout.frames);

    // Axis labels: the first and last address, PFN 0 and the end of RAM.
    painter.setPen(colours.mutedText());
    const std::shared_ptr<const PageMapSnapshot> snapshot = m_model ? m_model->snapshot() : nullptr;
    if (layout.axisLabels && m_model && m_model->pageCount() > 0) {
        painter.drawText(QRect(area.left(), layout.pages.top(), layout.pages.left() - area.left() - 4, fm.height()),
                         Qt::AlignRight, AddressFormat::hex(m_model->virtualAddressOfPage(0)));
        painter.drawText(QRect(area.left(), layout.pages.bottom() - fm.height(), layout.pages.left() - area.left() - 4, fm.height()),
                         Qt::AlignRight, AddressFormat::hex(m_model->virtualAddressOfPage(m_model->pageCount() - 1)));
    }
    const QRect labels(layout.frames.right() + 4, layout.frames.top(), area.right() - layout.frames.right() - 4, layout.frames.height());
    if (layout.axisLabels) {
        painter.drawText(labels, Qt::AlignLeft | Qt::AlignTop, tr("PFN 0"));
        painter.drawText(labels, Qt::AlignLeft | Qt::AlignBottom, endOfRamLabel());
    }
    painter.drawText(QRect(layout.pages.left(), layout.pages.bottom() + 2, layout.frames.right() - layout.pages.left(), fm.height() + 2),
                     Qt::AlignHCenter, m_model && m_model->pfnsHidden() ? tr("no lines: frame numbers hidden") : QString());

    if (m_model && !m_model->pfnsHidden())
        paintLinks(painter, layout);
}

void PhysicalView::paintExport(QPainter &painter, const QSize &size) const
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
    paint(painter, QRect(0, top, size.width(), size.height() - top));
}

QImage PhysicalView::renderImage(const QSize &size, qreal devicePixelRatio) const
{
    return renderViewImage(size, devicePixelRatio, palette().color(QPalette::Window), [&](QPainter &painter) { paintExport(painter, size); });
}

bool PhysicalView::exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error) const
{
    return writePngFile(path, renderImage(size, devicePixelRatio), error);
}

bool PhysicalView::exportSvg(const QString &path, const QSize &size, QString *error) const
{
    return writeSvgFile(path, size, tr("Virtual pages in physical memory"), [&](QPainter &painter) { paintExport(painter, size); }, error);
}
