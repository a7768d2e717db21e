#pragma once

#include "addressscale.h"
#include "addressspacebounds.h"
#include "classicsegments.h"

#include <QList>

#include <vector>

class QAbstractItemModel;

// The address-space view's geometry in scale space, recomputed only when the model or a setting
// changes, never on zoom or pan: the mappings sorted by address (MapItem), the address width, the
// classic segments and the AddressScale placing all of them.
class AddressSpaceLayout
{
public:
    // Reads every row's ModelRoles::AddressRangeRole and SegmentKindRole (column 0).
    void readModel(const QAbstractItemModel *model);
    // Recomputes bounds, classic segments and scale from the items read last.
    void build(AddressScale::Mode mode, AddressWidth wantedWidth);

    const std::vector<MapItem> &items() const { return m_items; }
    const AddressScale &scale() const { return m_scale; }
    const AddressSpaceBounds &bounds() const { return m_scale.bounds(); }
    const ClassicSegments &segments() const { return m_segments; }
    // Legend kinds (SegmentPalette::legendKind) that occur, as bits 1 << int(kind).
    quint32 legendKinds() const { return m_legendKinds; }

    int itemOfRow(int row) const; // -1 if the row has no item (no address range)
    // The item whose piece holds position, or, within tolerance content units, the nearest one
    // (mappings smaller than a pixel must stay clickable). -1 if none.
    int itemAt(double position, double tolerance) const;
    // Position range [top, bottom] of an item's piece; false if it has none.
    bool itemExtent(int item, double *top, double *bottom) const;

private:
    std::vector<MapItem> m_items;
    std::vector<int> m_itemOfRow;
    AddressScale m_scale;
    ClassicSegments m_segments;
    quint32 m_legendKinds = 0;
};
