#pragma once

#include <QFont>
#include <QPalette>

// How the window looks on a projector: larger text (the views' labels, cells and lines follow the
// font) and a high-contrast palette that survives a washed-out beamer.
class PresentationStyle
{
public:
    static constexpr qreal FontScale = 1.6;

    static QFont font(const QFont &normal);
    static QPalette palette();
};
