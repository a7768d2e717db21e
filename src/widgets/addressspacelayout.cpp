#include "addressspacelayout.h"

#include "modelroles.h"
#include "segmentpalette.h"

#include <QAbstractItemModel>
#include <QPair>

#include <algorithm>

void AddressSpaceLayout::readModel(const QAbstractItemModel *model)
{
    m_items.clear();
    m_itemOfRow.clear();
    const int rows = model ? model->rowCount() : 0;
    m_items.reserve(std::size_t(rows));
    bool sorted = true;
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model->index(row, 0);
        const QVariant range = model->data(index, ModelRoles::AddressRangeRole);
        if (!range.isValid())
            continue;
        const auto [start, end] = range.value<QPair<quint64, quint64>>();
        if (end <= start)
            continue;
        const QVariant kind = model->data(index, ModelRoles::SegmentKindRole);
        const int kindValue = kind.isValid() ? kind.toInt() : int(SegmentKind::Other);
        MapItem item;
        item.start = start;
        item.end = end;
        item.kind = kindValue >= 0 && kindValue < int(SegmentKind::Count) ? SegmentKind(kindValue) : SegmentKind::Other;
        item.row = row;
        sorted = sorted && (m_items.empty() || m_items.back().start <= start);
        m_items.push_back(item);
    }
    // maps is sorted already; a model in another order (a proxy) costs one sort.
    if (!sorted)
        std::stable_sort(m_items.begin(), m_items.end(), [](const MapItem &a, const MapItem &b) { return a.start < b.start; });
    m_itemOfRow.assign(std::size_t(rows), -1);
    m_legendKinds = 0;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        m_itemOfRow[std::size_t(m_items[i].row)] = int(i);
        m_legendKinds |= 1u << int(SegmentPalette::legendKind(m_items[i].kind));
    }
}

void AddressSpaceLayout::build(AddressScale::Mode mode, AddressWidth wantedWidth)
{
    std::vector<AddressRange> ranges;
    ranges.reserve(m_items.size());
    for (const MapItem &item : m_items)
        ranges.push_back({ item.start, item.end });
    const AddressSpaceBounds bounds = AddressSpaceBounds::resolve(wantedWidth, ranges);
    m_segments = ClassicSegments::find(m_items, bounds.userEnd);
    const QList<bool> wide = m_segments.wideGapsAbove(qsizetype(m_items.size()));
    m_scale.build(mode, bounds, ranges, wide);
}

int AddressSpaceLayout::itemOfRow(int row) const
{
    return row >= 0 && row < int(m_itemOfRow.size()) ? m_itemOfRow[std::size_t(row)] : -1;
}

bool AddressSpaceLayout::itemExtent(int item, double *top, double *bottom) const
{
    const int piece = m_scale.pieceOfRange(item);
    if (piece < 0)
        return false;
    const AddressScale::Piece &p = m_scale.pieces()[std::size_t(piece)];
    *top = p.top;
    *bottom = p.bottom;
    return true;
}

int AddressSpaceLayout::itemAt(double position, double tolerance) const
{
    const int piece = m_scale.pieceAt(position);
    if (piece < 0)
        return -1;
    const auto &pieces = m_scale.pieces();
    if (pieces[std::size_t(piece)].type == AddressScale::PieceType::Mapping)
        return pieces[std::size_t(piece)].range;
    // In a free stretch: the nearest mapping edge above or below, if within tolerance.
    int best = -1;
    double bestDistance = tolerance;
    for (int neighbour : { piece - 1, piece + 1 }) {
        if (neighbour < 0 || neighbour >= int(pieces.size()))
            continue;
        const AddressScale::Piece &p = pieces[std::size_t(neighbour)];
        if (p.type != AddressScale::PieceType::Mapping)
            continue;
        const double distance = std::min(std::abs(p.top - position), std::abs(p.bottom - position));
        if (distance <= bestDistance) {
            best = p.range;
            bestDistance = distance;
        }
    }
    return best;
}
