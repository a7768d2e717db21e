#include "pagepalette.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>

PagePalette::PagePalette(const QPalette &palette)
    : m_palette(palette)
    , m_dark(palette.color(QPalette::Window).lightness() < 128)
{
}

QColor PagePalette::state(PageModel::State state) const
{
    switch (state) {
    case PageModel::PresentAnon:
        return QColor(0x44, 0x77, 0xaa); // blue
    case PageModel::PresentFile:
        return QColor(0x22, 0x88, 0x33); // green
    case PageModel::Swapped:
        return QColor(0xee, 0x77, 0x33); // orange
    case PageModel::NotPresent:
    case PageModel::StateCount:
        break;
    }
    // Empty: a shade off the background, so the grid's shape stays visible.
    return m_dark ? QColor(0x3c, 0x3c, 0x3c) : QColor(0xe4, 0xe4, 0xe4);
}

QColor PagePalette::overlay(PageModel::Overlay overlay) const
{
    switch (overlay) {
    case PageModel::SoftDirty:
        return QColor(0xcc, 0xbb, 0x44); // yellow dot
    case PageModel::Exclusive:
        return m_dark ? QColor(0xee, 0xee, 0xee) : QColor(0x11, 0x11, 0x11);
    case PageModel::Shared:
        return m_dark ? QColor(0xff, 0xff, 0xff) : QColor(0x00, 0x00, 0x00);
    case PageModel::Huge:
        return QColor(0xaa, 0x33, 0x77); // purple border
    case PageModel::ZeroPage:
        return m_dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x33, 0x33, 0x33);
    case PageModel::Ksm:
        return QColor(0x66, 0xcc, 0xee); // cyan dot
    case PageModel::OverlayCount:
        break;
    }
    return text();
}

QColor PagePalette::frameClass(FrameCensus::Class frameClass) const
{
    switch (frameClass) {
    case FrameCensus::Free:
        return m_dark ? QColor(0x30, 0x30, 0x30) : QColor(0xf2, 0xf2, 0xf2);
    case FrameCensus::Anonymous:
        return state(PageModel::PresentAnon);
    case FrameCensus::PageCache:
        return state(PageModel::PresentFile);
    case FrameCensus::Slab:
        return QColor(0xcc, 0xbb, 0x44); // yellow
    case FrameCensus::PageTable:
        return QColor(0xee, 0x66, 0x77); // red
    case FrameCensus::Reserved:
        return m_dark ? QColor(0x66, 0x66, 0x66) : QColor(0x88, 0x88, 0x88);
    case FrameCensus::Other:
    case FrameCensus::ClassCount:
        break;
    }
    return QColor(0xbb, 0xbb, 0xbb);
}

QColor PagePalette::sharedFrame() const
{
    return QColor(0xaa, 0x33, 0x77); // purple: stands apart from every census class
}

QColor PagePalette::privateFrame() const
{
    return m_dark ? QColor(0xee, 0xee, 0xee) : QColor(0x22, 0x22, 0x22);
}

QColor PagePalette::mutedText() const
{
    QColor c = text();
    c.setAlphaF(0.65f);
    return c;
}

QString PagePalette::stateName(PageModel::State state)
{
    switch (state) {
    case PageModel::PresentAnon:
        return QCoreApplication::translate("PagePalette", "Present, anonymous");
    case PageModel::PresentFile:
        return QCoreApplication::translate("PagePalette", "Present, file or shared");
    case PageModel::Swapped:
        return QCoreApplication::translate("PagePalette", "Swapped");
    case PageModel::NotPresent:
    case PageModel::StateCount:
        break;
    }
    return QCoreApplication::translate("PagePalette", "Not present");
}

QString PagePalette::overlayName(PageModel::Overlay overlay)
{
    switch (overlay) {
    case PageModel::SoftDirty:
        return QCoreApplication::translate("PagePalette", "Soft-dirty");
    case PageModel::Exclusive:
        return QCoreApplication::translate("PagePalette", "Exclusive");
    case PageModel::Shared:
        return QCoreApplication::translate("PagePalette", "Shared frame");
    case PageModel::Huge:
        return QCoreApplication::translate("PagePalette", "Huge page");
    case PageModel::ZeroPage:
        return QCoreApplication::translate("PagePalette", "Zero page");
    case PageModel::Ksm:
        return QCoreApplication::translate("PagePalette", "KSM");
    case PageModel::OverlayCount:
        break;
    }
    return QString();
}

int PagePalette::paintLegend(QPainter *painter, const QRect &rect, const QFont &font, const QStringList &names,
                             const SwatchPainter &swatch) const
{
    constexpr int Margin = 6;
    constexpr int Swatch = 12;
    constexpr int ItemGap = 14;
    const QFontMetrics fm(font);
    const int lineHeight = std::max(Swatch, fm.height()) + 4;
    int x = rect.left() + Margin;
    int y = rect.top() + Margin;
    for (int i = 0; i < names.size(); ++i) {
        const int w = Swatch + 5 + fm.horizontalAdvance(names[i]) + ItemGap;
        if (x + w > rect.right() - Margin && x > rect.left() + Margin) {
            x = rect.left() + Margin;
            y += lineHeight;
        }
        if (painter) {
            const QRect box(x, y + (lineHeight - Swatch) / 2, Swatch, Swatch);
            swatch(i, box);
            painter->setFont(font);
            painter->setPen(text());
            painter->drawText(QRect(box.right() + 5, y, w, lineHeight), Qt::AlignVCenter | Qt::AlignLeft, names[i]);
        }
        x += w;
    }
    return y + lineHeight + Margin / 2 - rect.top();
}
