#include "addressspaceview.h"
#include "viewexport.h"

#include "addressformat.h"
#include "modelroles.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPinchGesture>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr double WheelStep = 1.25; // zoom per wheel notch
constexpr double KeyZoomStep = 1.5;
constexpr double FitMargin = 0.01; // of the content height, above and below at "fit"
constexpr double HitTolerance = 3; // pixels around sub-pixel mappings
// Zoom limits: true scale down to 16 KiB in view (single pages readable); compressed down to a
// quarter of the smallest mapping's band.
constexpr double MinTrueSpan = 16 * 1024;
constexpr double MinCompressedSpan = AddressScale::MinMappingHeight / 4;
}

AddressSpaceView::AddressSpaceView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    grabGesture(Qt::PinchGesture);
}

AddressSpaceView::~AddressSpaceView() = default;

void AddressSpaceView::setModel(QAbstractItemModel *model)
{
    if (m_model == model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &AddressSpaceView::modelReset);
        connect(model, &QAbstractItemModel::rowsInserted, this, &AddressSpaceView::modelChanged);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AddressSpaceView::modelChanged);
        connect(model, &QAbstractItemModel::rowsMoved, this, &AddressSpaceView::modelChanged);
        connect(model, &QAbstractItemModel::layoutChanged, this, &AddressSpaceView::modelChanged);
        connect(model, &QAbstractItemModel::destroyed, this, &AddressSpaceView::modelReset);
        connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
            // Addresses and kinds are read from column 0; other columns only feed labels and
            // tooltips, which are read when drawn.
            if (topLeft.column() == 0)
                modelChanged();
            else
                update();
        });
    }
    delete m_ownSelectionModel;
    m_ownSelectionModel = model ? new QItemSelectionModel(model, this) : nullptr;
    setSelectionModel(m_ownSelectionModel);
    modelReset();
}

void AddressSpaceView::setSelectionModel(QItemSelectionModel *selectionModel)
{
    if (m_selectionModel == selectionModel)
        return;
    if (m_selectionModel)
        disconnect(m_selectionModel, nullptr, this, nullptr);
    m_selectionModel = selectionModel;
    if (selectionModel) {
        connect(selectionModel, &QItemSelectionModel::selectionChanged, this, &AddressSpaceView::selectionChanged);
        connect(selectionModel, &QItemSelectionModel::modelChanged, this, &AddressSpaceView::selectionChanged);
    }
    if (m_ownSelectionModel && selectionModel != m_ownSelectionModel) {
        delete m_ownSelectionModel;
        m_ownSelectionModel = nullptr;
    }
    selectionChanged();
}

void AddressSpaceView::modelReset()
{
    m_overlays.clear();
    modelChanged();
}

void AddressSpaceView::modelChanged()
{
    m_modelDirty = true;
    m_hoveredItem = -1; // an item index, renumbered by the rebuild
    update();
}

void AddressSpaceView::scaleChanged()
{
    m_scaleDirty = true;
    update();
    emit viewChanged();
}

void AddressSpaceView::setScaleMode(ScaleMode mode)
{
    if (m_scaleMode == mode)
        return;
    m_scaleMode = mode;
    scaleChanged();
}

void AddressSpaceView::setAddressWidth(AddressWidth width)
{
    if (m_addressWidth == width)
        return;
    m_addressWidth = width;
    scaleChanged();
}

AddressSpaceBounds AddressSpaceView::addressSpaceBounds() const
{
    ensureLayout();
    return m_layout.bounds();
}

void AddressSpaceView::setShowSegmentBrackets(bool show)
{
    m_showBrackets = show;
    update();
}

void AddressSpaceView::setShowSplitSchematic(bool show)
{
    m_showSchematic = show;
    update();
}

void AddressSpaceView::setShowLegend(bool show)
{
    m_showLegend = show;
    update();
}

void AddressSpaceView::setRowOverlay(int row, const QColor &outline)
{
    if (outline.isValid())
        m_overlays.insert(row, outline);
    else
        m_overlays.remove(row);
    update();
}

void AddressSpaceView::clearRowOverlays()
{
    m_overlays.clear();
    update();
}

void AddressSpaceView::ensureLayout() const
{
    if (!m_modelDirty && !m_scaleDirty)
        return;
    // Keep the addresses in view across a rebuild (new mode, new snapshot), unless fitted.
    const AddressScale &scale = m_layout.scale();
    const bool hadLayout = !scale.pieces().empty();
    const quint64 high = hadLayout ? scale.address(std::max(m_viewTop, 0.0)) : 0;
    const quint64 low = hadLayout ? scale.address(std::min(m_viewTop + m_viewSpan, scale.height())) : 0;
    if (m_modelDirty)
        m_layout.readModel(m_model);
    m_layout.build(m_scaleMode == ScaleMode::TrueScale ? AddressScale::Mode::TrueScale : AddressScale::Mode::Compressed,
                   m_addressWidth);
    m_modelDirty = false;
    m_scaleDirty = false;
    if (m_fitted || !hadLayout) {
        applyView(0, fitSpan());
        return;
    }
    const double top = m_layout.scale().position(high);
    const double bottom = m_layout.scale().position(low);
    const double span = std::max(bottom - top, minSpan());
    applyView((top + bottom) / 2 - span / 2, span);
}

double AddressSpaceView::minSpan() const
{
    return m_layout.scale().mode() == AddressScale::Mode::TrueScale ? MinTrueSpan : MinCompressedSpan;
}

double AddressSpaceView::fitSpan() const
{
    return std::max(m_layout.scale().height() * (1 + 2 * FitMargin), minSpan());
}

void AddressSpaceView::applyView(double top, double span) const
{
    // Never wider than the whole process with its margins, never past its ends.
    const double height = m_layout.scale().height();
    const double margin = height * FitMargin;
    m_viewSpan = std::clamp(span, minSpan(), fitSpan());
    m_fitted = m_viewSpan >= fitSpan();
    m_viewTop = m_fitted ? -margin : std::clamp(top, -margin, height + margin - m_viewSpan);
}

void AddressSpaceView::setView(double top, double span)
{
    ensureLayout();
    applyView(top, span);
    update();
    emit viewChanged();
}

AddressSpaceScene AddressSpaceView::scene() const
{
    ensureLayout();
    AddressSpaceScene s;
    s.layout = &m_layout;
    s.model = m_model;
    s.viewTop = m_viewTop;
    s.viewSpan = m_viewSpan;
    s.overlays = &m_overlays;
    s.hoveredItem = m_hoveredItem;
    s.showBrackets = m_showBrackets;
    s.showSchematic = m_showSchematic;
    s.showLegend = m_showLegend;
    return s;
}

AddressSpacePainter::Frame AddressSpaceView::frame(const QRectF &rect) const
{
    return AddressSpacePainter::frame(rect, font(), scene());
}

ViewWindow AddressSpaceView::window() const
{
    ensureLayout();
    const AddressSpacePainter::Frame f = frame(rect());
    return ViewWindow{ m_viewTop, m_viewSpan, f.map.top(), f.map.height() };
}

void AddressSpaceView::paint(QPainter &painter, const QRect &rect) const
{
    AddressSpaceScene s = scene();
    std::vector<int> selectedItems;
    for (int row : selectedRows()) {
        const int item = m_layout.itemOfRow(row);
        if (item >= 0)
            selectedItems.push_back(item);
    }
    s.selectedItems = selectedItems;
    AddressSpacePainter(s, palette(), font(), rect).paint(painter);
}

void AddressSpaceView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paint(painter, rect());
}

QImage AddressSpaceView::renderImage(const QSize &size, qreal devicePixelRatio) const
{
    return renderViewImage(size, devicePixelRatio, palette().color(QPalette::Window), [&](QPainter &painter) { paint(painter, QRect(QPoint(), size)); });
}

bool AddressSpaceView::exportPng(const QString &path, const QSize &size, qreal devicePixelRatio, QString *error) const
{
    return writePngFile(path, renderImage(size, devicePixelRatio), error);
}

bool AddressSpaceView::exportSvg(const QString &path, const QSize &size, QString *error) const
{
    return writeSvgFile(path, size, tr("Virtual address space"),
                        [&](QPainter &painter) { paint(painter, QRect(QPoint(), size)); }, error);
}

QSize AddressSpaceView::sizeHint() const
{
    return QSize(720, 640);
}

QSize AddressSpaceView::minimumSizeHint() const
{
    return QSize(320, 240);
}

int AddressSpaceView::yForAddress(quint64 address) const
{
    const ViewWindow w = window();
    // Far outside the view when zoomed in; keep it an int.
    return int(std::lround(std::clamp(w.y(m_layout.scale().position(address)), -1e9, 1e9)));
}

quint64 AddressSpaceView::addressAtY(int y) const
{
    const ViewWindow w = window();
    return m_layout.scale().address(w.position(y));
}

QRectF AddressSpaceView::columnRect() const
{
    ensureLayout();
    return frame(rect()).map;
}

QRectF AddressSpaceView::mappingRect(int row) const
{
    const ViewWindow w = window();
    return AddressSpacePainter::itemRect(m_layout, w, columnRect(), m_layout.itemOfRow(row));
}

int AddressSpaceView::rowAt(const QPoint &pos) const
{
    const QRectF column = columnRect();
    if (pos.x() < column.left() || pos.x() > column.right() || pos.y() < column.top() || pos.y() > column.bottom())
        return -1;
    const ViewWindow w = window();
    const int item = m_layout.itemAt(w.position(pos.y() + 0.5), HitTolerance / w.scale());
    return item >= 0 ? m_layout.items()[std::size_t(item)].row : -1;
}

QList<int> AddressSpaceView::selectedRows() const
{
    QList<int> rows;
    if (!m_selectionModel || !m_model || m_selectionModel->model() != m_model)
        return rows;
    // Ranges, not indexes(): selecting all 60,000 rows of a wide table must stay cheap. Read at
    // use, not cached: the selection model shifts rows on inserts without telling anyone.
    for (const QItemSelectionRange &range : m_selectionModel->selection()) {
        if (range.parent().isValid())
            continue;
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

int AddressSpaceView::selectedRow() const
{
    const QList<int> rows = selectedRows();
    const QModelIndex current = m_selectionModel ? m_selectionModel->currentIndex() : QModelIndex();
    if (current.isValid() && std::binary_search(rows.cbegin(), rows.cend(), current.row()))
        return current.row();
    return rows.isEmpty() ? -1 : rows.first();
}

void AddressSpaceView::selectionChanged()
{
    if (!m_clickSelecting) {
        ensureLayout();
        const int row = selectedRow();
        if (row >= 0)
            ensureItemVisible(m_layout.itemOfRow(row));
    }
    update();
}

void AddressSpaceView::selectRow(int row)
{
    if (!m_selectionModel || !m_model)
        return;
    if (row < 0) {
        m_selectionModel->clearSelection();
        return;
    }
    m_selectionModel->setCurrentIndex(m_model->index(row, 0),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AddressSpaceView::stepSelection(int delta)
{
    ensureLayout();
    const auto &items = m_layout.items();
    if (items.empty())
        return;
    int item = m_layout.itemOfRow(selectedRow());
    if (item < 0) {
        // Nothing selected: start from the mapping nearest the middle of the view.
        const ViewWindow w = window();
        const double middle = w.position(w.pixelTop + w.pixelHeight / 2);
        item = m_layout.itemAt(middle, m_layout.scale().height());
        if (item < 0)
            item = 0;
    } else {
        item = std::clamp(item + delta, 0, int(items.size()) - 1);
    }
    selectRow(items[std::size_t(item)].row);
}

void AddressSpaceView::showRange(double top, double bottom, double margin)
{
    const double span = (bottom - top) * (1 + 2 * margin);
    setView((top + bottom) / 2 - std::max(span, minSpan()) / 2, span);
}

void AddressSpaceView::ensureItemVisible(int item)
{
    double top = 0;
    double bottom = 0;
    ensureLayout();
    if (!m_layout.itemExtent(item, &top, &bottom))
        return;
    if (top >= m_viewTop && bottom <= m_viewTop + m_viewSpan)
        return;
    setView((top + bottom) / 2 - m_viewSpan / 2, m_viewSpan);
}

void AddressSpaceView::zoomAround(double factor, double y)
{
    const ViewWindow w = window();
    const double anchor = w.position(y);
    const double fraction = (y - w.pixelTop) / w.pixelHeight;
    const double span = std::clamp(m_viewSpan / factor, minSpan(), fitSpan());
    setView(anchor - fraction * span, span);
}

void AddressSpaceView::panBy(double pixels)
{
    const ViewWindow w = window();
    setView(m_viewTop + pixels / w.scale(), m_viewSpan);
}

void AddressSpaceView::zoomIn()
{
    const QRectF column = columnRect();
    zoomAround(KeyZoomStep, column.center().y());
}

void AddressSpaceView::zoomOut()
{
    const QRectF column = columnRect();
    zoomAround(1 / KeyZoomStep, column.center().y());
}

void AddressSpaceView::fitProcess()
{
    ensureLayout();
    setView(0, fitSpan());
}

void AddressSpaceView::zoomToRow(int row)
{
    double top = 0;
    double bottom = 0;
    ensureLayout();
    if (m_layout.itemExtent(m_layout.itemOfRow(row), &top, &bottom))
        showRange(top, bottom, 0.3);
}

void AddressSpaceView::zoomToSelection()
{
    ensureLayout();
    double top = 0;
    double bottom = 0;
    bool any = false;
    const QList<int> rows = selectedRows();
    for (int row : rows) {
        double itemTop = 0;
        double itemBottom = 0;
        if (!m_layout.itemExtent(m_layout.itemOfRow(row), &itemTop, &itemBottom))
            continue;
        top = any ? std::min(top, itemTop) : itemTop;
        bottom = any ? std::max(bottom, itemBottom) : itemBottom;
        any = true;
    }
    if (any)
        showRange(top, bottom, 0.15);
}

bool AddressSpaceView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos());
        QString text;
        if (row >= 0)
            text = toolTipText(row);
        else if (columnRect().contains(help->pos()))
            text = freeToolTipText(window().position(help->pos().y()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    case QEvent::NativeGesture: {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(1 + gesture->value(), gesture->position().y());
            return true;
        }
        break;
    }
    case QEvent::Gesture: {
        auto *gestureEvent = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestureEvent->gesture(Qt::PinchGesture))) {
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
                zoomAround(pinch->scaleFactor(), mapFromGlobal(pinch->centerPoint().toPoint()).y());
            gestureEvent->accept(pinch);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

void AddressSpaceView::wheelEvent(QWheelEvent *event)
{
    // Touchpads scroll with pixel deltas: that pans; a wheel (or Ctrl) zooms; Shift+wheel pans.
    const bool touchpad = !event->pixelDelta().isNull() && event->phase() != Qt::NoScrollPhase;
    const bool pan = (touchpad || (event->modifiers() & Qt::ShiftModifier)) && !(event->modifiers() & Qt::ControlModifier);
    if (pan) {
        const double pixels = touchpad ? -event->pixelDelta().y() : -event->angleDelta().y() / 120.0 * height() * 0.1;
        panBy(pixels);
    } else {
        const double notches = event->angleDelta().y() / 120.0;
        if (notches == 0)
            return;
        zoomAround(std::pow(WheelStep, notches), event->position().y());
    }
    event->accept();
}

void AddressSpaceView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressViewTop = m_viewTop;
}

void AddressSpaceView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            const ViewWindow w = window();
            setView(m_pressViewTop - (pos.y() - m_pressPos.y()) / w.scale(), m_viewSpan);
        }
        return;
    }
    const int row = rowAt(pos);
    const int item = m_layout.itemOfRow(row);
    if (item != m_hoveredItem) {
        m_hoveredItem = item;
        update();
    }
    if (columnRect().contains(pos))
        emit addressHovered(addressAtY(pos.y()), row);
}

void AddressSpaceView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const int row = rowAt(event->position().toPoint());
    m_clickSelecting = true;
    if (row >= 0 && (event->modifiers() & Qt::ControlModifier) && m_selectionModel && m_model)
        m_selectionModel->select(m_model->index(row, 0), QItemSelectionModel::Toggle | QItemSelectionModel::Rows);
    else
        selectRow(row);
    m_clickSelecting = false;
}

void AddressSpaceView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int row = rowAt(event->position().toPoint());
    if (row < 0 || event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    zoomToRow(row);
    emit mappingActivated(row);
}

void AddressSpaceView::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    const double column = columnRect().height();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Home:
        fitProcess();
        break;
    case Qt::Key_PageUp:
        panBy(-column * 0.9);
        break;
    case Qt::Key_PageDown:
        panBy(column * 0.9);
        break;
    case Qt::Key_Up:
        // Up is toward higher addresses: the next mapping.
        if (control)
            panBy(-column * 0.1);
        else
            stepSelection(+1);
        break;
    case Qt::Key_Down:
        if (control)
            panBy(column * 0.1);
        else
            stepSelection(-1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selectedRow() >= 0) {
            zoomToRow(selectedRow());
            emit mappingActivated(selectedRow());
        }
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void AddressSpaceView::leaveEvent(QEvent *event)
{
    if (m_hoveredItem >= 0) {
        m_hoveredItem = -1;
        update();
    }
    QWidget::leaveEvent(event);
}

QString AddressSpaceView::toolTipText(int row) const
{
    const int itemIndex = m_layout.itemOfRow(row);
    if (!m_model || itemIndex < 0)
        return QString();
    const MapItem &item = m_layout.items()[std::size_t(itemIndex)];
    const int digits = AddressFormat::digits(item.end - 1, m_layout.bounds().bits());
    QString html = QStringLiteral("<b>%1</b><br/>%2 – %3 · %4<table cellspacing=\"0\" cellpadding=\"1\">")
                       .arg(SegmentPalette::legendName(item.kind).toHtmlEscaped(), AddressFormat::hex(item.start, digits),
                            AddressFormat::hex(item.end, digits), AddressFormat::size(item.end - item.start));
    // Every column the model has (maps fields, each smaps key, VmFlags, ...), two pairs a line.
    QStringList cells;
    QStringList notes;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const QModelIndex index = m_model->index(row, column);
        const QString value = m_model->data(index, Qt::DisplayRole).toString();
        const QString note = m_model->data(index, Qt::ToolTipRole).toString();
        if (!note.isEmpty() && note != value)
            notes.append(note.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral(" · ")));
        if (value.isEmpty())
            continue;
        cells.append(QStringLiteral("<td>%1</td><td align=\"right\">&nbsp;%2&nbsp;&nbsp;</td>")
                         .arg(m_model->headerData(column, Qt::Horizontal).toString().toHtmlEscaped(), value.toHtmlEscaped()));
    }
    for (qsizetype i = 0; i < cells.size(); i += 2)
        html += QStringLiteral("<tr>") + cells[i] + (i + 1 < cells.size() ? cells[i + 1] : QString()) + QStringLiteral("</tr>");
    html += QStringLiteral("</table>");
    for (const QString &note : std::as_const(notes))
        html += QStringLiteral("<p>") + note + QStringLiteral("</p>");
    return html;
}

QString AddressSpaceView::freeToolTipText(double position) const
{
    const AddressScale &scale = m_layout.scale();
    const int index = scale.pieceAt(position);
    if (index < 0)
        return QString();
    const AddressScale::Piece &piece = scale.pieces()[std::size_t(index)];
    QString what;
    switch (piece.type) {
    case AddressScale::PieceType::Free:
        what = tr("Free (unmapped) user space");
        break;
    case AddressScale::PieceType::Kernel:
        what = tr("Kernel space: mapped in every process, not accessible from user mode");
        break;
    case AddressScale::PieceType::Hole:
        what = tr("Non-canonical hole: no valid addresses");
        break;
    case AddressScale::PieceType::Mapping:
        return QString();
    }
    const int digits = AddressFormat::digits(piece.last, m_layout.bounds().bits());
    return QStringLiteral("<b>%1</b><br/>%2 – %3 · %4")
        .arg(what.toHtmlEscaped(), AddressFormat::hex(piece.first, digits), AddressFormat::hex(piece.last, digits),
             AddressFormat::size(AddressFormat::spanBytes(piece.first, piece.last)));
}
