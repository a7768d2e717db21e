#include "segmentpalette.h"

#include <QCoreApplication>
#include <QLineF>
#include <QPainter>
#include <QRectF>
#include <QVarLengthArray>

#include <cmath>

namespace {
// Spacing of the stripes, in pixels along each axis.
constexpr double StripeSpacing = 6.0;

bool isBright(const QColor &c)
{
    // Relative luminance (sRGB, approximate): picks the readable text colour.
    return 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF() > 0.45;
}
}

SegmentPalette::SegmentPalette(const QPalette &palette)
    : m_palette(palette)
    , m_dark(palette.color(QPalette::Window).lightness() < 128)
{
}

QColor SegmentPalette::fill(SegmentKind kind) const
{
    switch (kind) {
    case SegmentKind::Code:
        return QColor(0x33, 0x22, 0x88); // indigo
    case SegmentKind::ReadOnlyData:
        return QColor(0x88, 0xcc, 0xee); // cyan
    case SegmentKind::Data:
    case SegmentKind::Bss:
        return QColor(0x22, 0x55, 0x22); // dark green
    case SegmentKind::Heap:
        return QColor(0xee, 0x66, 0x77); // rose
    case SegmentKind::AnonymousMmap:
    case SegmentKind::NamedAnonymous:
        return QColor(0xee, 0xdd, 0x88); // sand
    case SegmentKind::FileMapping:
        return QColor(0xaa, 0xaa, 0x00); // olive
    case SegmentKind::SharedLibrary:
        return QColor(0xaa, 0x44, 0x99); // purple
    case SegmentKind::SharedMemory:
        return QColor(0xff, 0xaa, 0xbb); // pink
    case SegmentKind::Stack:
    case SegmentKind::ThreadStack:
        return QColor(0x22, 0x88, 0x33); // green
    case SegmentKind::Guard:
        return m_dark ? QColor(0x4a, 0x4a, 0x4a) : QColor(0xdd, 0xdd, 0xdd);
    case SegmentKind::Vdso:
    case SegmentKind::Vvar:
    case SegmentKind::Vsyscall:
        return m_dark ? QColor(0x99, 0x99, 0x99) : QColor(0x55, 0x55, 0x55);
    case SegmentKind::Other:
    case SegmentKind::Count:
        break;
    }
    return QColor(0xbb, 0xbb, 0xbb);
}

QColor SegmentPalette::stripeColor(SegmentKind kind) const
{
    switch (kind) {
    case SegmentKind::ThreadStack:
        return QColor(0x99, 0xdd, 0x99);
    case SegmentKind::NamedAnonymous:
        return QColor(0xaa, 0x99, 0x44);
    case SegmentKind::Guard:
        return m_dark ? QColor(0x88, 0x88, 0x88) : QColor(0x99, 0x99, 0x99);
    default:
        return QColor();
    }
}

QColor SegmentPalette::textOn(SegmentKind kind) const
{
    return isBright(fill(kind)) ? QColor(0x11, 0x11, 0x11) : QColor(0xff, 0xff, 0xff);
}

void SegmentPalette::fillRect(QPainter &painter, const QRectF &rect, SegmentKind kind) const
{
    painter.fillRect(rect, fill(kind));
    const QColor stripes = stripeColor(kind);
    if (!stripes.isValid() || rect.height() < 3 || rect.width() < 3)
        return;
    // Lines x + y = c, c on a grid of StripeSpacing, clipped to rect analytically (cheaper than a
    // clip region per rectangle).
    QVarLengthArray<QLineF, 256> lines;
    const double first = std::ceil((rect.left() + rect.top()) / StripeSpacing) * StripeSpacing;
    for (double c = first; c < rect.right() + rect.bottom(); c += StripeSpacing) {
        const double x1 = std::max(rect.left(), c - rect.bottom());
        const double x2 = std::min(rect.right(), c - rect.top());
        if (x2 > x1)
            lines.append(QLineF(x1, c - x1, x2, c - x2));
    }
    painter.save();
    painter.setPen(QPen(stripes, 1.2));
    painter.drawLines(lines.constData(), int(lines.size()));
    painter.restore();
}

SegmentKind SegmentPalette::legendKind(SegmentKind kind)
{
    switch (kind) {
    case SegmentKind::Bss:
        return SegmentKind::Data;
    case SegmentKind::Vvar:
    case SegmentKind::Vsyscall:
        return SegmentKind::Vdso;
    default:
        return kind;
    }
}

QString SegmentPalette::legendName(SegmentKind kind)
{
    const char *name = QT_TRANSLATE_NOOP("SegmentPalette", "Other");
    switch (legendKind(kind)) {
    case SegmentKind::Code:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Code");
        break;
    case SegmentKind::ReadOnlyData:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Read-only data");
        break;
    case SegmentKind::Data:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Data / BSS");
        break;
    case SegmentKind::Heap:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Heap");
        break;
    case SegmentKind::AnonymousMmap:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Anonymous mmap");
        break;
    case SegmentKind::FileMapping:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "File mapping");
        break;
    case SegmentKind::SharedLibrary:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Shared library");
        break;
    case SegmentKind::SharedMemory:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Shared memory");
        break;
    case SegmentKind::Stack:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Stack");
        break;
    case SegmentKind::ThreadStack:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Thread stack");
        break;
    case SegmentKind::Guard:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Guard / reserved");
        break;
    case SegmentKind::Vdso:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "vDSO / vvar / vsyscall");
        break;
    case SegmentKind::NamedAnonymous:
        name = QT_TRANSLATE_NOOP("SegmentPalette", "Named anonymous");
        break;
    default:
        break;
    }
    return QCoreApplication::translate("SegmentPalette", name);
}

QColor SegmentPalette::mutedText() const
{
    QColor c = text();
    c.setAlphaF(0.62f);
    return c;
}

QColor SegmentPalette::frame() const
{
    return m_dark ? QColor(0x80, 0x80, 0x80) : QColor(0x70, 0x70, 0x70);
}

QColor SegmentPalette::kernelFill() const
{
    return m_dark ? QColor(0x3a, 0x3d, 0x46) : QColor(0xd9, 0xdc, 0xe3);
}

QColor SegmentPalette::holeFill() const
{
    return m_dark ? QColor(0x24, 0x24, 0x24) : QColor(0xf2, 0xf2, 0xf2);
}

QColor SegmentPalette::splitLine() const
{
    return m_dark ? QColor(0xff, 0x99, 0x44) : QColor(0xcc, 0x33, 0x11);
}

QColor SegmentPalette::growthArrow() const
{
    return m_dark ? QColor(0xee, 0xee, 0xee) : QColor(0x33, 0x33, 0x33);
}

// Green, red and amber as everyone reads a diff, kept apart from the segment fills by their weight
// (outlines) and lighter on dark backgrounds so they stay visible.
QColor SegmentPalette::diffAdded() const
{
    return m_dark ? QColor(0x5c, 0xd6, 0x6b) : QColor(0x1a, 0x9e, 0x2e);
}

QColor SegmentPalette::diffRemoved() const
{
    return m_dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xd0, 0x1c, 0x1c);
}

QColor SegmentPalette::diffChanged() const
{
    return m_dark ? QColor(0xff, 0xc1, 0x3b) : QColor(0xe0, 0x8e, 0x00);
}
