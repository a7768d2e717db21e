#pragma once

#include <QPointer>
#include <QWidget>

// A ring around the mouse pointer over a window, so a class following a projector sees where the
// teacher points. It covers the window, lets every event through and moves with the pointer.
class CursorHighlight : public QWidget
{
    Q_OBJECT

public:
    explicit CursorHighlight(QWidget *window);

    void setActive(bool active);
    bool isActive() const { return m_active; }
    int radius() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void follow(const QPoint &globalPosition);

    bool m_active = false;
    QPoint m_centre; // in this widget's coordinates
};
