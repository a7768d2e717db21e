#include "commandbar.h"

CommandBar::CommandBar(const QList<QWidget *> &leading, const QList<QWidget *> &trailing, QWidget *parent)
    : QToolBar(parent)
{
    setFloatable(false);
    setMovable(false);
    for (QWidget *widget : leading)
        addWidget(widget);
    auto *stretch = new QWidget(this);
    stretch->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(stretch);
    for (QWidget *widget : trailing)
        addWidget(widget);
}
