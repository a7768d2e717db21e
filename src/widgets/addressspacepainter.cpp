#include "addressspacepainter.h"

#include "addressformat.h"
#include "addressruler.h"
#include "mappingmodel.h"
#include "splitschematic.h"

#include <QAbstractItemModel>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
constexpr double Margin = 8;
constexpr double MarkerGap = 9; // between ruler and column: the selection marker's place
constexpr double LabelPadding = 6;
constexpr double MinGroupMember = 3; // pixels: thinner mappings are not named even in a group
// Growth arrows: length in pixels, and how much of the free stretch they may take.
constexpr double ArrowLength = 40;
constexpr double ArrowShare = 0.42;

using Piece = AddressScale::Piece;
using PieceType = AddressScale::PieceType;

// Keeps a y range inside [low, high] where possible.
double clampTop(double top, double height, double low, double high)
{
    return std::max(low, std::min(top, high - height));
}

QString basename(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? path : path.mid(slash + 1);
}

void drawArrow(QPainter &p, QPointF from, QPointF to, const QColor &color)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double head = 7;
    const double dy = to.y() > from.y() ? -head : head;
    p.setPen(QPen(color, 2, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(from, QPointF(to.x(), to.y() + dy * 0.6));
    QPainterPath arrowHead;
    arrowHead.moveTo(to);
    arrowHead.lineTo(to.x() - head * 0.6, to.y() + dy);
    arrowHead.lineTo(to.x() + head * 0.6, to.y() + dy);
    arrowHead.closeSubpath();
    p.fillPath(arrowHead, color);
    p.restore();
}
}

QFont AddressSpacePainter::smallFont(const QFont &font)
{
    QFont small = font;
    if (font.pointSizeF() > 0)
        small.setPointSizeF(std::max(6.5, font.pointSizeF() * 0.88));
    else
        small.setPixelSize(std::max(9, int(font.pixelSize() * 0.88)));
    return small;
}

QFont AddressSpacePainter::monoFont(const QFont &font)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFont small = smallFont(font);
    if (small.pointSizeF() > 0)
        mono.setPointSizeF(small.pointSizeF());
    else
        mono.setPixelSize(small.pixelSize());
    return mono;
}

AddressSpacePainter::Frame AddressSpacePainter::frame(const QRectF &rect, const QFont &font,
                                                      const AddressSpaceScene &scene)
{
    Frame f;
    const QFontMetricsF mono(monoFont(font));
    const bool kernel = scene.layout && scene.layout->bounds().hasKernelHalf();
    const double rulerWidth = mono.horizontalAdvance(AddressFormat::hex(~quint64(0), kernel ? 16 : 8)) + 12;
    const double top = rect.top() + Margin;
    const double headerHeight = QFontMetricsF(font).height() + 6;
    const double left = rect.left() + Margin;
    double right = rect.right() - Margin;
    const double minColumn = 160;

    double sideWidth = 0;
    if ((scene.showLegend || scene.showSchematic) && rect.width() >= 600)
        sideWidth = std::clamp(rect.width() * 0.2, scene.showSchematic ? 250.0 : 190.0, 280.0);
    double gutterWidth = scene.showBrackets ? std::clamp(rect.width() * 0.15, 120.0, 180.0) : 0.0;
    auto column = [&] { return right - left - rulerWidth - MarkerGap - sideWidth - gutterWidth; };
    if (column() < minColumn)
        sideWidth = 0;
    if (column() < minColumn)
        gutterWidth = 0;

    const double bodyTop = top + headerHeight;
    const double bodyHeight = std::max(1.0, rect.bottom() - Margin - bodyTop);
    if (sideWidth > 0) {
        f.side = QRectF(right - sideWidth, top, sideWidth, rect.bottom() - Margin - top);
        right = f.side.left() - 12;
    }
    if (gutterWidth > 0) {
        f.gutter = QRectF(right - gutterWidth, bodyTop, gutterWidth, bodyHeight);
        right = f.gutter.left();
    }
    f.header = QRectF(left, top, right - left, headerHeight);
    f.ruler = QRectF(left, bodyTop, rulerWidth, bodyHeight);
    const double mapLeft = f.ruler.right() + MarkerGap;
    f.map = QRectF(mapLeft, bodyTop, std::max(1.0, right - mapLeft - 4), bodyHeight);
    return f;
}

ViewWindow AddressSpacePainter::window(const AddressSpaceScene &scene, const Frame &frame)
{
    return ViewWindow{ scene.viewTop, scene.viewSpan, frame.map.top(), frame.map.height() };
}

QRectF AddressSpacePainter::itemRect(const AddressSpaceLayout &layout, const ViewWindow &window, const QRectF &column,
                                     int item)
{
    double top = 0;
    double bottom = 0;
    if (!layout.itemExtent(item, &top, &bottom))
        return QRectF();
    double y0 = window.y(top);
    double y1 = window.y(bottom);
    if (y1 - y0 < SpeckHeight) {
        const double centre = (y0 + y1) / 2;
        y0 = centre - SpeckHeight / 2;
        y1 = centre + SpeckHeight / 2;
    }
    return QRectF(column.left(), y0, column.width(), y1 - y0);
}

AddressSpacePainter::AddressSpacePainter(const AddressSpaceScene &scene, const QPalette &palette, const QFont &font,
                                         const QRectF &rect)
    : m_scene(scene)
    , m_layout(*scene.layout)
    , m_scale(scene.layout->scale())
    , m_palette(palette)
    , m_font(font)
    , m_small(smallFont(font))
    , m_mono(monoFont(font))
    , m_rect(rect)
    , m_frame(frame(rect, font, scene))
    , m_window(window(scene, m_frame))
{
}

template<typename Visit>
void AddressSpacePainter::walkPieces(Visit visit) const
{
    if (m_scale.pieces().empty() || m_window.bottom() < 0 || m_window.top > m_scale.height())
        return;
    const auto &pieces = m_scale.pieces();
    const int lowest = m_scale.pieceAt(std::min(m_window.bottom(), m_scale.height()));
    for (int i = m_scale.pieceAt(std::max(m_window.top, 0.0)); i >= 0 && i >= lowest;) {
        const Piece &piece = pieces[std::size_t(i)];
        const double resume = visit(i, piece, m_window.y(piece.top), m_window.y(piece.bottom));
        i = m_scale.pieceBelow(i, m_window.position(resume));
    }
}

void AddressSpacePainter::paint(QPainter &p) const
{
    p.save();
    p.fillRect(m_rect, m_palette.window());
    p.setFont(m_font);
    paintHeader(p);

    p.save();
    p.setClipRect(m_frame.map.adjusted(-1, 0, 1, 0));
    paintPieces(p);
    paintColumnEdges(p);
    paintMappingLabels(p);
    paintBandLabels(p);
    paintSplit(p);
    paintGrowth(p);
    p.restore();

    paintHighlights(p);
    paintRuler(p);
    if (!m_frame.gutter.isEmpty())
        paintBrackets(p);
    if (!m_frame.side.isEmpty()) {
        QRectF remaining = m_frame.side;
        if (m_scene.showLegend)
            paintLegend(p, &remaining);
        if (m_scene.showSchematic) {
            const double height = std::min(remaining.height(), SplitSchematic::preferredHeight(m_small));
            SplitSchematic::paint(p, QRectF(remaining.left(), remaining.top(), remaining.width(), height), m_palette,
                                  m_small, m_mono);
        }
    }
    p.restore();
}

void AddressSpacePainter::paintHeader(QPainter &p) const
{
    const AddressSpaceBounds &bounds = m_layout.bounds();
    QString space;
    if (bounds.hasKernelHalf())
        space = tr("%1-bit address space: user %2, kernel %2")
                    .arg(bounds.bits())
                    .arg(AddressFormat::size(bounds.userEnd));
    else
        space = tr("32-bit process: %1 of user space (%2 – %3)")
                    .arg(AddressFormat::size(bounds.userEnd), AddressFormat::hex(0, 8),
                         AddressFormat::hex(bounds.userEnd - 1, 8));
    const QString scale = m_scale.mode() == AddressScale::Mode::TrueScale
        ? tr("true scale: height ∝ size")
        : tr("compressed: free space shrunk, height ∝ log(size)");
    const QFontMetricsF fm(m_font);
    p.setPen(m_palette.text());
    p.drawText(m_frame.header, Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(space + QStringLiteral("  ·  ") + scale, Qt::ElideRight, m_frame.header.width()));
}

void AddressSpacePainter::paintPieces(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    // Free user space is the column's background.
    const double contentTop = std::max(map.top(), m_window.y(0));
    const double contentBottom = std::min(map.bottom(), m_window.y(m_scale.height()));
    if (contentBottom > contentTop)
        p.fillRect(QRectF(map.left(), contentTop, map.width(), contentBottom - contentTop), m_palette.base());

    const auto &pieces = m_scale.pieces();
    const auto &items = m_layout.items();
    const QColor separator = m_palette.base();
    auto clipped = [&](double y0, double y1) {
        const double top = std::max(y0, map.top());
        return QRectF(map.left(), top, map.width(), std::min(y1, map.bottom()) - top);
    };
    walkPieces([&](int i, const Piece &piece, double y0, double y1) {
        switch (piece.type) {
        case PieceType::Kernel:
            p.fillRect(clipped(y0, y1), m_palette.kernelFill());
            break;
        case PieceType::Hole:
            p.fillRect(clipped(y0, y1), m_palette.holeFill());
            break;
        case PieceType::Free:
            break;
        case PieceType::Mapping: {
            const SegmentKind kind = items[std::size_t(piece.range)].kind;
            if (y1 - y0 >= 1.0) {
                m_palette.fillRect(p, clipped(y0, y1), kind);
                // A thin line between touching mappings, so a library's five segments read as five.
                const bool touching = i + 1 < int(pieces.size()) && pieces[std::size_t(i + 1)].type == PieceType::Mapping;
                if (touching && y1 - y0 >= 5 && y0 >= map.top())
                    p.fillRect(QRectF(map.left(), y0, map.width(), 1), separator);
                break;
            }
            // Sub-pixel mappings: one speck per pixel row, the highest mapping in it wins; the walk
            // skips the others.
            const double top = (y0 + y1) / 2 - SpeckHeight / 2;
            p.fillRect(QRectF(map.left(), top, map.width(), SpeckHeight), m_palette.fill(kind));
            return top + SpeckHeight;
        }
        }
        return y1;
    });
}

void AddressSpacePainter::paintBreak(QPainter &p, double y0, double y1, const QColor &fill) const
{
    // An axis break on both edges of the column: the edge interrupted, two slanted strokes.
    const QRectF &map = m_frame.map;
    const double middle = (y0 + y1) / 2;
    const double gap = std::min(6.0, (y1 - y0) / 3);
    p.setPen(QPen(m_palette.frame(), 1.2));
    for (double x : { map.left(), map.right() }) {
        p.fillRect(QRectF(x - 2, middle - gap / 2, 4, gap), fill);
        for (double offset : { -gap / 2, gap / 2 })
            p.drawLine(QPointF(x - 5, middle + offset + 2.5), QPointF(x + 5, middle + offset - 2.5));
    }
}

void AddressSpacePainter::paintColumnEdges(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    const double top = std::max(map.top(), m_window.y(0));
    const double bottom = std::min(map.bottom(), m_window.y(m_scale.height()));
    if (bottom <= top)
        return;
    p.setPen(QPen(m_palette.frame(), 1));
    p.drawLine(QPointF(map.left(), top), QPointF(map.left(), bottom));
    p.drawLine(QPointF(map.right(), top), QPointF(map.right(), bottom));
    if (m_window.y(0) >= map.top())
        p.drawLine(QPointF(map.left(), top), QPointF(map.right(), top));
    if (m_window.y(m_scale.height()) <= map.bottom())
        p.drawLine(QPointF(map.left(), bottom), QPointF(map.right(), bottom));

    const bool compressed = m_scale.mode() == AddressScale::Mode::Compressed;
    walkPieces([&](int, const Piece &piece, double y0, double y1) {
        const bool band = piece.type == PieceType::Hole || (compressed && piece.type != PieceType::Mapping);
        if (!band || y1 - y0 < 8 || y1 < map.top() || y0 > map.bottom())
            return y1 + 1;
        const QColor fill = piece.type == PieceType::Kernel ? m_palette.kernelFill()
            : piece.type == PieceType::Hole                ? m_palette.holeFill()
                                                           : m_palette.base();
        paintBreak(p, y0, y1, fill);
        return y1;
    });
}

QString AddressSpacePainter::path(const MapItem &item) const
{
    const QAbstractItemModel *model = m_scene.model;
    if (!model || model->columnCount() <= MappingModel::PathColumn)
        return QString();
    return model->data(model->index(item.row, MappingModel::PathColumn)).toString();
}

QString AddressSpacePainter::mappingName(const MapItem &item) const
{
    const QString path = this->path(item);
    if (!path.isEmpty())
        return path.startsWith(QLatin1Char('[')) ? path : basename(path);
    switch (item.kind) {
    case SegmentKind::Bss:
        return tr("[bss]");
    case SegmentKind::ThreadStack:
        return tr("[thread stack]");
    case SegmentKind::Guard:
        return tr("[guard]");
    case SegmentKind::SharedMemory:
        return tr("[shared anon]");
    case SegmentKind::SharedLibrary:
        return tr("[library bss]");
    default:
        break;
    }
    return tr("[anon]");
}

QString AddressSpacePainter::permissions(const MapItem &item) const
{
    const QAbstractItemModel *model = m_scene.model;
    if (!model || model->columnCount() <= MappingModel::PermissionsColumn)
        return QString();
    return model->data(model->index(item.row, MappingModel::PermissionsColumn)).toString();
}

void AddressSpacePainter::paintMappingLabels(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    const QFontMetricsF fm(m_small);
    const double line = fm.height();
    const double available = map.width() - 2 * LabelPadding;
    const double minName = fm.horizontalAdvance(QStringLiteral("lib…"));
    if (available < minName)
        return;
    p.setFont(m_small);
    const auto &items = m_layout.items();
    // Every exit skips what ends within a pixel below: too thin for a label.
    walkPieces([&](int i, const Piece &piece, double y0, double y1) {
        if (piece.type != PieceType::Mapping)
            return y1 + 1;
        if (y1 - y0 < line + 1) {
            const double groupBottom = y1 - y0 >= MinGroupMember ? paintGroupLabel(p, i, line) : -1;
            return std::max(groupBottom, y1) + 1;
        }
        // Labels sit in the visible part of the mapping, so a huge one keeps its name in view.
        const QRectF r = QRectF(map.left(), y0, map.width(), y1 - y0).intersected(map);
        if (r.height() < line + 1)
            return y1 + 1;
        const MapItem &item = items[std::size_t(piece.range)];
        const QString name = mappingName(item);
        const QString size = AddressFormat::size(item.end - item.start);
        const QString perms = permissions(item);
        QString right = perms.isEmpty() ? size : perms + QStringLiteral("  ") + size;
        const double nameWidth = fm.horizontalAdvance(name);
        if (nameWidth + fm.horizontalAdvance(right) + 12 > available)
            right = size;
        if (minName + fm.horizontalAdvance(right) + 12 > available)
            right.clear();
        const double rightWidth = right.isEmpty() ? 0 : fm.horizontalAdvance(right) + 12;
        const QString shownName = fm.elidedText(name, Qt::ElideMiddle, available - rightWidth);

        const bool twoLines = r.height() >= 2 * line + 4;
        const double textTop = twoLines ? r.center().y() - line : r.center().y() - line / 2;
        const QRectF first(r.left() + LabelPadding, textTop, available, line);
        const bool striped = m_palette.isStriped(item.kind);
        QColor color = m_palette.textOn(item.kind);
        auto draw = [&](const QRectF &box, Qt::Alignment align, const QString &text, const QFont &font) {
            p.setFont(font);
            if (striped) {
                // Stripes behind text would make it unreadable: knock them out.
                const double width = QFontMetricsF(font).horizontalAdvance(text);
                const double left = align & Qt::AlignRight ? box.right() - width : box.left();
                p.fillRect(QRectF(left - 3, box.top(), width + 6, box.height()), m_palette.fill(item.kind));
            }
            p.setPen(color);
            p.drawText(box, align | Qt::AlignVCenter, text);
        };
        draw(first, Qt::AlignLeft, shownName, m_small);
        if (!right.isEmpty())
            draw(first, Qt::AlignRight, right, m_small);
        if (twoLines) {
            const int digits = AddressFormat::digits(item.end - 1, m_layout.bounds().bits());
            QString detail = AddressFormat::hex(item.start, digits) + QStringLiteral(" – ") + AddressFormat::hex(item.end, digits);
            const QString fullPath = path(item);
            if (fullPath != name && !fullPath.isEmpty())
                detail += QStringLiteral("   ") + fullPath;
            color.setAlphaF(0.8f);
            draw(first.translated(0, line), Qt::AlignLeft, QFontMetricsF(m_mono).elidedText(detail, Qt::ElideMiddle, available),
                 m_mono);
        }
            return y1 + 1;
    });

    p.setFont(m_font);
}

double AddressSpacePainter::paintGroupLabel(QPainter &p, int first, double line) const
{
    // Thin neighbours from one file (an executable's or a library's segments), from one directory
    // with one kind (locale files), or anonymous ones of one kind share a label when together they
    // are tall enough: otherwise a bash's own five segments would go unnamed.
    const auto &pieces = m_scale.pieces();
    const auto &items = m_layout.items();
    const MapItem &head = items[std::size_t(pieces[std::size_t(first)].range)];
    const QString headPath = path(head);
    // What else may join: the same file; or the same kind and either the same directory or both
    // pseudo-paths ([vvar], [vvar_vclock], [vdso]); anonymous ones by kind alone.
    auto place = [](const QString &path) {
        return path.startsWith(QLatin1Char('/')) ? path.section(QLatin1Char('/'), 0, -2) : path.left(1);
    };
    const QString headPlace = place(headPath);
    QStringList names = { mappingName(head) };
    quint64 bytes = head.end - head.start;
    int last = first;
    for (int j = first - 1; j >= 0 && m_window.y(pieces[std::size_t(last)].bottom) < m_frame.map.bottom(); --j) {
        const Piece &piece = pieces[std::size_t(j)];
        const double height = m_window.y(piece.bottom) - m_window.y(piece.top);
        if (piece.type != PieceType::Mapping || height >= line + 1 || height < MinGroupMember)
            break;
        const MapItem &item = items[std::size_t(piece.range)];
        const QString itemPath = path(item);
        const bool sameKind = SegmentPalette::legendKind(item.kind) == SegmentPalette::legendKind(head.kind);
        const bool together = itemPath == headPath ? (!headPath.isEmpty() || sameKind) : sameKind && place(itemPath) == headPlace;
        if (!together)
            break;
        const QString name = mappingName(item);
        if (!names.contains(name))
            names.append(name);
        bytes += item.end - item.start;
        last = j;
    }
    const QRectF r = QRectF(m_frame.map.left(), m_window.y(pieces[std::size_t(first)].top), m_frame.map.width(),
                            m_window.y(pieces[std::size_t(last)].bottom) - m_window.y(pieces[std::size_t(first)].top))
                         .intersected(m_frame.map);
    if (last == first || r.height() < line + 1)
        return -1;

    const QFontMetricsF fm(m_small);
    const QString name = names.size() == 1 || !headPlace.startsWith(QLatin1Char('/')) ? names.join(QLatin1Char(' '))
                                                                                      : basename(headPlace) + QStringLiteral("/…");
    const QString right = tr("%n mappings", nullptr, first - last + 1) + QStringLiteral("  ") + AddressFormat::size(bytes);
    const double available = r.width() - 2 * LabelPadding;
    const double rightWidth = fm.horizontalAdvance(right);
    const bool withRight = rightWidth + fm.horizontalAdvance(QStringLiteral("lib…")) + 12 < available;
    const QString shownName = fm.elidedText(name, Qt::ElideMiddle, available - (withRight ? rightWidth + 12 : 0));
    // A badge: the segments below it have different colours, so no one text colour reads on all.
    QColor badge = m_palette.base();
    badge.setAlphaF(0.85f);
    const double top = r.center().y() - line / 2;
    p.setPen(m_palette.text());
    for (const auto &[text, align] : { std::pair{ shownName, Qt::AlignLeft }, std::pair{ withRight ? right : QString(), Qt::AlignRight } }) {
        if (text.isEmpty())
            continue;
        const double width = fm.horizontalAdvance(text);
        const double left = align == Qt::AlignLeft ? r.left() + LabelPadding : r.right() - LabelPadding - width;
        p.fillRect(QRectF(left - 3, top, width + 6, line), badge);
        p.drawText(QRectF(left, top, width, line), align | Qt::AlignVCenter, text);
    }
    return r.bottom();
}

QString AddressSpacePainter::growthNote(int piece) const
{
    const auto &pieces = m_scale.pieces();
    const int below = piece > 0 && pieces[std::size_t(piece - 1)].type == PieceType::Mapping ? pieces[std::size_t(piece - 1)].range : -1;
    const int above = piece + 1 < int(pieces.size()) && pieces[std::size_t(piece + 1)].type == PieceType::Mapping
        ? pieces[std::size_t(piece + 1)].range
        : -1;
    QString note;
    for (const ClassicSegments::Growth &g : m_layout.segments().growth) {
        if (g.item != (g.up ? below : above))
            continue;
        QString text;
        switch (g.segment) {
        case ClassicSegments::Heap:
            text = tr("heap grows ↑");
            break;
        case ClassicSegments::Mappings:
            text = g.up ? tr("mmap area grows ↑") : tr("mmap area grows ↓");
            break;
        case ClassicSegments::Stack:
            text = tr("stack grows ↓");
            break;
        default:
            continue;
        }
        note += QStringLiteral(" · ") + text;
    }
    return note;
}

void AddressSpacePainter::paintBandLabels(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    const QFontMetricsF fm(m_small);
    const double line = fm.height();
    const bool compressed = m_scale.mode() == AddressScale::Mode::Compressed;
    p.setFont(m_small);
    // Every exit skips what ends within a pixel below: too thin for a label.
    walkPieces([&](int i, const Piece &piece, double y0, double y1) {
        if ((piece.type != PieceType::Free && piece.type != PieceType::Kernel) || y1 - y0 < line * 0.9)
            return y1 + 1;
        const QRectF r = QRectF(map.left(), y0, map.width(), y1 - y0).intersected(map);
        if (r.height() < line * 0.9)
            return y1 + 1;
        if (piece.type == PieceType::Kernel && piece.last - piece.first >= (quint64(1) << 40)) {
            // The kernel half proper: as many lines as fit.
            const QStringList lines = {
                tr("kernel space · %1").arg(AddressFormat::size(~quint64(0) - m_layout.bounds().kernelStart + 1)),
                AddressFormat::hex(m_layout.bounds().kernelStart, 16) + QStringLiteral(" – ") + AddressFormat::hex(~quint64(0), 16),
                tr("mapped in every process, not accessible from user mode"),
            };
            const int shown = std::min(int(lines.size()), int((r.height() - 4) / line));
            double y = r.center().y() - shown * line / 2;
            for (int l = 0; l < shown; ++l, y += line) {
                QFont font = l == 1 ? m_mono : m_small;
                font.setBold(l == 0);
                p.setFont(font);
                p.setPen(l == 0 ? m_palette.text() : m_palette.mutedText());
                p.drawText(QRectF(r.left(), y, r.width(), line), Qt::AlignCenter,
                           QFontMetricsF(font).elidedText(lines[l], Qt::ElideRight, r.width() - 2 * LabelPadding));
            }
            p.setFont(m_small);
            return y1 + 1;
        }
        // A free stretch needs a full line in compressed scale (it is a band made for its label);
        // in true scale only a clearly open stretch gets one, so that labels do not crowd specks.
        if (!compressed && r.height() < line * 2.5)
            return y1 + 1;
        const QString size = AddressFormat::size(AddressFormat::spanBytes(piece.first, piece.last));
        QString text = piece.type == PieceType::Kernel ? tr("%1 of kernel space").arg(size)
                                                       : tr("%1 free").arg(size) + growthNote(i);
        if (compressed)
            text = QStringLiteral("⋯ ") + text + QStringLiteral(" ⋯");
        p.setPen(m_palette.mutedText());
        p.drawText(r, Qt::AlignCenter, fm.elidedText(text, Qt::ElideRight, r.width() - 2 * LabelPadding));
        return y1 + 1;
    });
    p.setFont(m_font);
}

void AddressSpacePainter::paintSplit(QPainter &p) const
{
    const AddressSpaceBounds &bounds = m_layout.bounds();
    const QRectF &map = m_frame.map;
    const QFontMetricsF fm(m_small);
    const double line = fm.height();
    const QString userSize = AddressFormat::size(bounds.userEnd);
    p.setPen(QPen(m_palette.splitLine(), 2));
    const double userTop = m_window.y(m_scale.position(bounds.userEnd));
    if (!bounds.hasKernelHalf()) {
        if (userTop >= map.top() && userTop <= map.bottom())
            p.drawLine(QPointF(map.left(), userTop - 1), QPointF(map.right(), userTop - 1));
        return;
    }
    const double kernelBottom = m_window.y(m_scale.position(bounds.kernelStart));
    // Both lines inside the hole's band, so they never cover a mapping at the edge of a half.
    for (double y : { userTop - 1, kernelBottom + 1 }) {
        if (y >= map.top() && y <= map.bottom())
            p.drawLine(QPointF(map.left(), y), QPointF(map.right(), y));
    }

    // Labels inside the hole's band, by priority: user space's top, the kernel's start, the hole.
    const QRectF band = QRectF(map.left(), kernelBottom, map.width(), userTop - kernelBottom).intersected(map);
    const int fitting = int((band.height() - 2) / line);
    if (fitting < 1)
        return;
    const double width = map.width() - 2 * LabelPadding;
    const QString user = tr("▼ user space: %1 and below · %2")
                             .arg(AddressFormat::hex(bounds.userEnd - 1, 16), userSize);
    const QString kernel = tr("▲ kernel space: %1 and above · %2")
                               .arg(AddressFormat::hex(bounds.kernelStart, 16),
                                    AddressFormat::size(~quint64(0) - bounds.kernelStart + 1));
    const QString hole = tr("non-canonical hole · %1 · no valid addresses")
                             .arg(AddressFormat::size(bounds.kernelStart - bounds.userEnd));
    p.setFont(m_small);
    p.setPen(m_palette.splitLine());
    if (band.bottom() >= userTop - 1)
        p.drawText(QRectF(map.left() + LabelPadding, userTop - line - 1, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(user, Qt::ElideRight, width));
    if (fitting >= 2 && band.top() <= kernelBottom + 1)
        p.drawText(QRectF(map.left() + LabelPadding, kernelBottom + 1, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(kernel, Qt::ElideRight, width));
    if (fitting >= 3) {
        p.setPen(m_palette.mutedText());
        p.drawText(QRectF(map.left() + LabelPadding, band.center().y() - line / 2, width, line), Qt::AlignCenter,
                   fm.elidedText(hole, Qt::ElideRight, width));
    }
    p.setFont(m_font);
}

void AddressSpacePainter::paintGrowth(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    const auto &pieces = m_scale.pieces();
    const double x = map.left() + std::min(36.0, map.width() * 0.1);
    for (const ClassicSegments::Growth &g : m_layout.segments().growth) {
        const int piece = m_scale.pieceOfRange(g.item);
        const int into = g.up ? piece + 1 : piece - 1;
        if (piece < 0 || into < 0 || into >= int(pieces.size()) || pieces[std::size_t(into)].type != PieceType::Free)
            continue;
        const Piece &free = pieces[std::size_t(into)];
        const double room = m_window.y(free.bottom) - m_window.y(free.top);
        const double length = std::min(ArrowLength, room * ArrowShare);
        const double edge = m_window.y(g.up ? pieces[std::size_t(piece)].top : pieces[std::size_t(piece)].bottom);
        if (length < 10 || edge < map.top() - length || edge > map.bottom() + length)
            continue;
        const double tip = g.up ? edge - length : edge + length;
        drawArrow(p, QPointF(x, edge), QPointF(x, tip), m_palette.growthArrow());
    }
}

void AddressSpacePainter::paintHighlights(QPainter &p) const
{
    const QRectF &map = m_frame.map;
    const QRectF visible = map.adjusted(-3, -3, 3, 3);
    p.save();
    p.setClipRect(QRectF(m_frame.ruler.right(), map.top() - 3, map.right() - m_frame.ruler.right() + 4, map.height() + 6));
    p.setBrush(Qt::NoBrush);
    if (m_scene.hoveredItem >= 0) {
        const QRectF r = itemRect(m_scene.hoveredItem);
        if (r.intersects(visible)) {
            QColor c = m_palette.text();
            c.setAlphaF(0.7f);
            p.setPen(QPen(c, 1));
            p.drawRect(r.intersected(visible).adjusted(0.5, 0.5, -0.5, -0.5));
        }
    }
    if (m_scene.overlays) {
        for (auto it = m_scene.overlays->cbegin(); it != m_scene.overlays->cend(); ++it) {
            const QRectF r = itemRect(m_layout.itemOfRow(it.key()));
            if (!r.intersects(visible))
                continue;
            p.setPen(QPen(it.value(), 2));
            p.drawRect(r.intersected(visible).adjusted(1, 1, -1, -1));
        }
    }
    const QColor selection = m_palette.selection();
    for (int item : m_scene.selectedItems) {
        const QRectF r = itemRect(item);
        if (!r.intersects(visible))
            continue;
        p.setPen(QPen(selection, 2.5));
        p.drawRect(r.intersected(visible).adjusted(-1, -1, 1, 1));
        // A marker beside the column finds a selected speck.
        const double y = std::clamp(r.center().y(), map.top(), map.bottom());
        QPainterPath marker;
        marker.moveTo(map.left() - 2, y);
        marker.lineTo(map.left() - MarkerGap + 1, y - 5);
        marker.lineTo(map.left() - MarkerGap + 1, y + 5);
        marker.closeSubpath();
        p.setRenderHint(QPainter::Antialiasing);
        p.fillPath(marker, selection);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
    p.restore();
}

void AddressSpacePainter::paintRuler(QPainter &p) const
{
    const QFontMetricsF fm(m_mono);
    const double line = fm.height();
    const auto ticks = AddressRuler::ticks(m_scale, m_window, line, line * 3.5);
    const QRectF &ruler = m_frame.ruler;
    p.save();
    p.setFont(m_mono);
    p.setClipRect(ruler.adjusted(0, -line, 0, line));
    for (const AddressRuler::Tick &t : ticks) {
        const double length = t.labelled ? 6 : t.edge ? 4 : 3;
        p.setPen(QPen(m_palette.frame(), 1));
        p.drawLine(QPointF(ruler.right() - length, t.y), QPointF(ruler.right(), t.y));
        if (!t.labelled)
            continue;
        const double top = clampTop(t.y - line / 2, line, ruler.top() - line / 2, ruler.bottom() + line / 2);
        p.setPen(t.edge ? m_palette.text() : m_palette.mutedText());
        p.drawText(QRectF(ruler.left(), top, ruler.width() - 8, line), Qt::AlignRight | Qt::AlignVCenter,
                   AddressFormat::hex(t.address, AddressFormat::digits(t.address, m_layout.bounds().bits())));
    }
    p.restore();
}

void AddressSpacePainter::paintBrackets(QPainter &p) const
{
    struct Bracket
    {
        double top;
        double bottom;
        QString name;
        QString note;
        double labelTop = 0;
    };
    static const char *const names[ClassicSegments::SegmentCount][2] = {
        { QT_TR_NOOP("read-only segment"), QT_TR_NOOP("code, constants") },
        { QT_TR_NOOP("data segment"), QT_TR_NOOP("globals, bss") },
        { QT_TR_NOOP("heap"), QT_TR_NOOP("brk: small mallocs") },
        { QT_TR_NOOP("file mappings"), QT_TR_NOOP("libraries, mmap") },
        { QT_TR_NOOP("stack"), QT_TR_NOOP("locals, calls") },
    };
    const QRectF &gutter = m_frame.gutter;
    const QFontMetricsF fm(m_small);
    const double line = fm.height();
    const double labelHeight = 2 * line + 2;
    std::vector<Bracket> brackets;
    for (int s = 0; s < ClassicSegments::SegmentCount; ++s) {
        const ClassicSegments::Extent extent = m_layout.segments().extents[std::size_t(s)];
        if (!extent.isValid())
            continue;
        const QRectF high = itemRect(extent.last);
        const QRectF low = itemRect(extent.first);
        if (high.isEmpty() || low.isEmpty() || low.bottom() < gutter.top() || high.top() > gutter.bottom())
            continue;
        brackets.push_back({ std::max(high.top(), gutter.top()), std::min(low.bottom(), gutter.bottom()),
                             tr(names[s][0]), tr(names[s][1]) });
    }
    // Labels at their brackets' middles, pushed apart where they would overlap.
    std::sort(brackets.begin(), brackets.end(), [](const Bracket &a, const Bracket &b) { return a.top < b.top; });
    double next = gutter.top();
    for (Bracket &b : brackets) {
        b.labelTop = std::max(next, (b.top + b.bottom) / 2 - labelHeight / 2);
        next = b.labelTop + labelHeight + 4;
    }
    double limit = gutter.bottom();
    for (auto it = brackets.rbegin(); it != brackets.rend(); ++it) {
        it->labelTop = std::min(it->labelTop, limit - labelHeight);
        limit = it->labelTop - 4;
    }

    const double x = gutter.left() + 10;
    const double textLeft = x + 12;
    const double textWidth = gutter.right() - textLeft;
    QFont bold = m_small;
    bold.setBold(true);
    p.save();
    for (const Bracket &b : brackets) {
        const double bottom = std::max(b.bottom, b.top + 2);
        p.setPen(QPen(m_palette.text(), 1.5));
        p.drawLine(QPointF(x, b.top), QPointF(x, bottom));
        p.drawLine(QPointF(x - 6, b.top), QPointF(x, b.top));
        p.drawLine(QPointF(x - 6, bottom), QPointF(x, bottom));
        const double middle = (b.top + bottom) / 2;
        const double labelMiddle = b.labelTop + line / 2;
        p.setPen(QPen(m_palette.mutedText(), 1));
        p.drawLine(QPointF(x, middle), QPointF(textLeft - 3, labelMiddle));
        p.setFont(bold);
        p.setPen(m_palette.text());
        p.drawText(QRectF(textLeft, b.labelTop, textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(bold).elidedText(b.name, Qt::ElideRight, textWidth));
        p.setFont(m_small);
        p.setPen(m_palette.mutedText());
        p.drawText(QRectF(textLeft, b.labelTop + line, textWidth, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(b.note, Qt::ElideRight, textWidth));
    }
    p.restore();
}

void AddressSpacePainter::paintLegend(QPainter &p, QRectF *remaining) const
{
    const QFontMetricsF fm(m_small);
    const double line = fm.height() + 3;
    const QRectF &side = m_frame.side;
    QFont bold = m_small;
    bold.setBold(true);
    p.save();
    p.setFont(bold);
    p.setPen(m_palette.text());
    double y = side.top();
    p.drawText(QRectF(side.left(), y, side.width(), line), Qt::AlignLeft | Qt::AlignVCenter, tr("Segment kinds"));
    y += line + 2;
    p.setFont(m_small);
    const quint32 present = m_layout.legendKinds();
    for (int k = 0; k < int(SegmentKind::Count); ++k) {
        const auto kind = SegmentKind(k);
        if (SegmentPalette::legendKind(kind) != kind || (present && !(present & (1u << k))))
            continue;
        if (y + line > side.bottom())
            break;
        const QRectF swatch(side.left(), y + 2, 22, line - 5);
        m_palette.fillRect(p, swatch, kind);
        p.setPen(QPen(m_palette.frame(), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(swatch);
        p.setPen(m_palette.text());
        const QRectF text(swatch.right() + 8, y, side.right() - swatch.right() - 8, line);
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(SegmentPalette::legendName(kind), Qt::ElideRight, text.width()));
        y += line;
    }
    p.restore();
    const double used = y + line - side.top();
    *remaining = side.adjusted(0, used, 0, 0);
}
