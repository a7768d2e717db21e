#include "splitschematic.h"

#include "addressformat.h"
#include "segmentpalette.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace {
struct Block
{
    const char *name;
    SegmentKind kind; // Count: free space
    double weight; // share of the column's height
};

// Top down. Free stretches are where heap, mmap and stack grow.
constexpr std::array<Block, 10> blocks = { {
    { QT_TRANSLATE_NOOP("SplitSchematic", "kernel space (1 GiB)"), SegmentKind::Other, 0.20 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "stack ↓"), SegmentKind::Stack, 0.08 },
    { "", SegmentKind::Count, 0.10 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "file mappings ↓"), SegmentKind::SharedLibrary, 0.10 },
    { "", SegmentKind::Count, 0.12 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "heap ↑"), SegmentKind::Heap, 0.08 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "bss"), SegmentKind::Bss, 0.07 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "data"), SegmentKind::Data, 0.07 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "read-only (text)"), SegmentKind::Code, 0.10 },
    { QT_TRANSLATE_NOOP("SplitSchematic", "unmapped"), SegmentKind::Count, 0.08 },
} };

QString translated(const char *text)
{
    return QCoreApplication::translate("SplitSchematic", text);
}
}

namespace SplitSchematic {
double preferredHeight(const QFont &font)
{
    return QFontMetricsF(font).height() * 22;
}

void paint(QPainter &painter, const QRectF &rect, const SegmentPalette &palette, const QFont &font, const QFont &mono)
{
    painter.save();
    const QFontMetricsF fm(font);
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(palette.text());
    const double line = fm.height();
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     QCoreApplication::translate("SplitSchematic", "32-bit x86: 3 GiB user / 1 GiB kernel"));
    painter.setFont(font);

    const QFontMetricsF monoMetrics(mono);
    const double addressWidth = monoMetrics.horizontalAdvance(AddressFormat::hex(0, 8)) + 6;
    const QRectF column(rect.left() + addressWidth, rect.top() + line * 1.6, std::min(52.0, rect.width() * 0.25),
                        rect.height() - line * 2.2);
    const double labelLeft = column.right() + 6;

    double y = column.top();
    for (const Block &block : blocks) {
        const double h = block.weight * column.height();
        const QRectF r(column.left(), y, column.width(), h);
        if (block.kind == SegmentKind::Count)
            painter.fillRect(r, palette.base());
        else if (block.kind == SegmentKind::Other)
            painter.fillRect(r, palette.kernelFill());
        else
            palette.fillRect(painter, r, block.kind);
        if (*block.name) {
            painter.setPen(palette.text());
            const QString name = fm.elidedText(translated(block.name), Qt::ElideRight, rect.right() - labelLeft);
            painter.drawText(QRectF(labelLeft, r.top(), rect.right() - labelLeft, h), Qt::AlignLeft | Qt::AlignVCenter,
                             name);
        }
        y += h;
    }
    painter.setPen(QPen(palette.frame(), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(column);

    // The split and the ends, with their real addresses.
    const double splitY = column.top() + blocks[0].weight * column.height();
    painter.setPen(QPen(palette.splitLine(), 2));
    painter.drawLine(QPointF(column.left() - 4, splitY), QPointF(column.right() + 4, splitY));
    painter.setPen(palette.mutedText());
    painter.setFont(mono);
    auto address = [&](double at, quint64 value) {
        painter.drawText(QRectF(rect.left(), at - line / 2, addressWidth - 6, line), Qt::AlignRight | Qt::AlignVCenter,
                         AddressFormat::hex(value, 8));
    };
    address(column.top(), 0xffffffffu);
    address(splitY, 0xc0000000u);
    address(column.bottom() - blocks.back().weight * column.height(), 0x08048000u);
    address(column.bottom(), 0);
    painter.restore();
}
}
