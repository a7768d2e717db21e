#pragma once

#include "addressspacelayout.h"
#include "segmentpalette.h"
#include "viewwindow.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QRectF>

#include <span>

class QAbstractItemModel;
class QPainter;

// What one picture of the address-space view shows: the layout, the visible content range and the
// decorations. The view owns all of it; the painter only reads.
struct AddressSpaceScene
{
    const AddressSpaceLayout *layout = nullptr;
    const QAbstractItemModel *model = nullptr; // labels: path and permissions columns
    double viewTop = 0; // content positions, see ViewWindow
    double viewSpan = 1;
    std::span<const int> selectedItems;
    const QHash<int, QColor> *overlays = nullptr; // model row -> outline
    int hoveredItem = -1;
    bool showBrackets = false;
    bool showSchematic = false;
    bool showLegend = true;
};

// Draws a scene into a rectangle: the same code for the widget, PNG and SVG export.
// Left to right: address ruler, the address-space column, the bracket gutter, the side panel
// (legend, 32-bit schematic).
class AddressSpacePainter
{
    Q_DECLARE_TR_FUNCTIONS(AddressSpacePainter)

public:
    struct Frame
    {
        QRectF header; // one line above the column: width, scale
        QRectF ruler;
        QRectF map; // the address-space column
        QRectF gutter; // segment brackets (empty when hidden)
        QRectF side; // legend and schematic (empty when narrow)
    };
    static Frame frame(const QRectF &rect, const QFont &font, const AddressSpaceScene &scene);

    static QFont smallFont(const QFont &font);
    static QFont monoFont(const QFont &font); // addresses: digits in columns, at smallFont's size
    // Pixel rectangle of an item in a frame's column; at least SpeckHeight high. Empty if it has none.
    static QRectF itemRect(const AddressSpaceLayout &layout, const ViewWindow &window, const QRectF &column, int item);
    static ViewWindow window(const AddressSpaceScene &scene, const Frame &frame);
    static constexpr double SpeckHeight = 2; // mappings below a pixel are drawn this high

    AddressSpacePainter(const AddressSpaceScene &scene, const QPalette &palette, const QFont &font, const QRectF &rect);
    void paint(QPainter &painter) const;

private:
    void paintHeader(QPainter &p) const;
    void paintPieces(QPainter &p) const;
    void paintColumnEdges(QPainter &p) const;
    void paintMappingLabels(QPainter &p) const;
    void paintBandLabels(QPainter &p) const;
    void paintSplit(QPainter &p) const;
    void paintGrowth(QPainter &p) const;
    void paintHighlights(QPainter &p) const;
    void paintRuler(QPainter &p) const;
    void paintBrackets(QPainter &p) const;
    void paintLegend(QPainter &p, QRectF *remaining) const;

    double paintGroupLabel(QPainter &p, int first, double line) const;

    QString path(const MapItem &item) const; // the model's path column
    QString mappingName(const MapItem &item) const;
    QString permissions(const MapItem &item) const;
    QString growthNote(int piece) const;
    QRectF itemRect(int item) const { return itemRect(m_layout, m_window, m_frame.map, item); }
    void paintBreak(QPainter &p, double y0, double y1, const QColor &fill) const;
    // Calls visit(index, piece, y0, y1) for the pieces in view, top down. visit returns the pixel y
    // to go on from: pieces ending above it are skipped. Returning y1 + 1 for a sub-pixel piece
    // makes a walk over 60,000 mappings cost about as many steps as the column has pixel rows.
    template<typename Visit>
    void walkPieces(Visit visit) const;

    const AddressSpaceScene &m_scene;
    const AddressSpaceLayout &m_layout;
    const AddressScale &m_scale;
    SegmentPalette m_palette;
    QFont m_font;
    QFont m_small;
    QFont m_mono;
    QRectF m_rect;
    Frame m_frame;
    ViewWindow m_window;
};
