#pragma once

#include <QToolBar>

// A row of a panel's buttons that fits any width: what does not fit goes behind the toolbar's »
// button instead of widening the panel (and with it the window, which in teaching mode grew past
// a 1600-px screen). The buttons stay the panel's own widgets, so their signals are unchanged.
class CommandBar : public QToolBar
{
    Q_OBJECT
public:
    // leading sit at the left, trailing at the right, a stretch between them.
    CommandBar(const QList<QWidget *> &leading, const QList<QWidget *> &trailing, QWidget *parent);
};
