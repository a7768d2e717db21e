#pragma once

#include "addressspacebounds.h"
#include "addressspacelayout.h"
#include "addressspacepainter.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QHash>
#include <QImage>
#include <QItemSelectionModel>
#include <QPointer>
#include <QWidget>

// A vertical map of one process's virtual address space, drawn from a MappingModel (or any model
// giving ModelRoles::AddressRangeRole and SegmentKindRole on column 0, and MappingModel's path and
// permissions columns for labels). High addresses at the top as textbooks draw it: the kernel half,
// the non-canonical hole, then user space down to 0, with the split labelled by its real address.
//
// Two scales: TrueScale (height proportional to size; the whole 256 TiB fits, mappings are specks)
// and Compressed (free stretches shrunk to bands, mapping heights growing with log(size)). Zoom with
// the wheel, a pinch, +/-, zoomToSelection(); pan by dragging, PageUp/PageDown, Ctrl+arrows; Home
// fits the process. Up/Down select the neighbouring mapping. The zoom state is a range of scale
// positions, so renderImage()/exportPng()/exportSvg() draw the same picture at any size.
//
// Selection: rows of the model in a QItemSelectionModel shared with other views. Clicking selects a
// row (ClearAndSelect | Rows); a selection made elsewhere is highlighted and scrolled into view.
class AddressSpaceView : public QWidget
{
    Q_OBJECT

public:
    enum class ScaleMode { TrueScale, Compressed };
    Q_ENUM(ScaleMode)

    explicit AddressSpaceView(QWidget *parent = nullptr);
    ~AddressSpaceView() override;

    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }
    // Shares a selection of model()'s rows. Without one (or after setModel) the view has its own.
    void setSelectionModel(QItemSelectionModel *selectionModel);
    QItemSelectionModel *selectionModel() const { return m_selectionModel; }

    void setScaleMode(ScaleMode mode);
    ScaleMode scaleMode() const { return m_scaleMode; }
    // Auto (the default) detects the width from the mappings (AddressSpaceBounds::detect); a width
    // too small for the mappings is widened to the detected one.
    void setAddressWidth(AddressWidth width);
    AddressWidth addressWidth() const { return m_addressWidth; }
    AddressSpaceBounds addressSpaceBounds() const; // the width in effect
    // The five segments of the classic picture as brackets beside the map.
    void setShowSegmentBrackets(bool show);
    bool showSegmentBrackets() const { return m_showBrackets; }
    // The 32-bit 3 GiB / 1 GiB schematic in the side panel, for teaching.
    void setShowSplitSchematic(bool show);
    bool showSplitSchematic() const { return m_showSchematic; }
    void setShowLegend(bool show);
    bool showLegend() const { return m_showLegend; }
    // An extra outline around a row's mapping (snapshot diffs); an invalid colour removes it.
    // Cleared when the model resets.
    void setRowOverlay(int row, const QColor &outline);
    void clearRowOverlays();
    QColor rowOverlay(int row) const { return m_overlays.value(row); } // invalid: none

    // Geometry in widget coordinates, for the current size and zoom.
    int yForAddress(quint64 address) const; // the boundary just below address
    quint64 addressAtY(int y) const;
    QRectF mappingRect(int row) const; // empty when the row has no mapping
    int rowAt(const QPoint &pos) const; // -1 outside mappings
    int selectedRow() const; // the current row if selected, else the first selected; -1 if none
    QRectF columnRect() const; // the address-space column
    bool isFitted() const { return m_fitted; }

    // The one drawing path, shared by paintEvent and export.
    void paint(QPainter &painter, const QRect &rect) const;
    QImage renderImage(const QSize &size, qreal devicePixelRatio = 1.0) const;
    // Written through QSaveFile: the file is complete or untouched. error gets a one-line reason.
    bool exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error = nullptr) const;
    bool exportSvg(const QString &path, const QSize &size, QString *error = nullptr) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitProcess();
    void zoomToSelection();
    void zoomToRow(int row);

Q_SIGNALS:
    void mappingActivated(int row); // double-click or Return on a mapping
    void addressHovered(quint64 address, int row); // row -1 over free space
    void viewChanged(); // zoom or pan

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void ensureLayout() const;
    void modelChanged();
    void modelReset();
    void scaleChanged();
    AddressSpaceScene scene() const; // without the selection, which only painting needs
    AddressSpacePainter::Frame frame(const QRectF &rect) const;
    ViewWindow window() const;
    double minSpan() const;
    double fitSpan() const;
    // Sets the visible range, clamped to the zoom limits and the content.
    void applyView(double top, double span) const;
    void setView(double top, double span); // applyView, then repaint and tell

    void zoomAround(double factor, double y);
    void panBy(double pixels);
    void showRange(double top, double bottom, double margin);
    void ensureItemVisible(int item);
    void selectRow(int row);
    void stepSelection(int delta);
    void selectionChanged();
    QList<int> selectedRows() const; // sorted
    QString toolTipText(int row) const;
    QString freeToolTipText(double position) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<QItemSelectionModel> m_selectionModel;
    QItemSelectionModel *m_ownSelectionModel = nullptr;
    QHash<int, QColor> m_overlays;

    ScaleMode m_scaleMode = ScaleMode::Compressed;
    AddressWidth m_addressWidth = AddressWidth::Auto;
    bool m_showBrackets = false;
    bool m_showSchematic = false;
    bool m_showLegend = true;

    // Rebuilt lazily, before the next paint or geometry query, when model or settings changed.
    mutable AddressSpaceLayout m_layout;
    mutable bool m_modelDirty = true;
    mutable bool m_scaleDirty = true;
    mutable double m_viewTop = 0;
    mutable double m_viewSpan = 1;
    mutable bool m_fitted = true;

    int m_hoveredItem = -1;
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_clickSelecting = false; // a selection made by clicking here is in view already
    QPoint m_pressPos;
    double m_pressViewTop = 0;
};
