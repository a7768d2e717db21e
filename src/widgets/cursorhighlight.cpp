#include "cursorhighlight.h"

#include <QApplication>
#include <QCursor>
#include <QMouseEvent>
#include <QPainter>

CursorHighlight::CursorHighlight(QWidget *window)
    : QWidget(window)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
}

int CursorHighlight::radius() const
{
    // Scales with the text, which presentation mode enlarges.
    return fontMetrics().height() * 2;
}

void CursorHighlight::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    // Mouse moves go to whichever child is under the pointer: watch them all, application-wide.
    if (active) {
        qApp->installEventFilter(this);
        follow(QCursor::pos());
        show();
        raise();
    } else {
        qApp->removeEventFilter(this);
        hide();
    }
}

bool CursorHighlight::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseMove)
        follow(static_cast<QMouseEvent *>(event)->globalPosition().toPoint());
    else if (watched == parent() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void CursorHighlight::follow(const QPoint &globalPosition)
{
    if (geometry() != parentWidget()->rect())
        setGeometry(parentWidget()->rect());
    raise(); // docks and dialogs created later must not cover it
    const QPoint centre = mapFromGlobal(globalPosition);
    const int margin = radius() + 4;
    // Only the old and the new ring are repainted: the window under them is not.
    update(QRect(m_centre, m_centre).adjusted(-margin, -margin, margin, margin));
    m_centre = centre;
    update(QRect(m_centre, m_centre).adjusted(-margin, -margin, margin, margin));
}

void CursorHighlight::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int r = radius();
    QColor fill(255, 214, 0, 70); // a highlighter's yellow, see-through
    painter.setBrush(fill);
    painter.setPen(QPen(QColor(230, 120, 0), 3));
    painter.drawEllipse(m_centre, r, r);
}
