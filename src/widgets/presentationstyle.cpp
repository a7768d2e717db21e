#include "presentationstyle.h"

QFont PresentationStyle::font(const QFont &normal)
{
    QFont font = normal;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * FontScale);
    else
        font.setPixelSize(qRound(font.pixelSize() * FontScale));
    font.setWeight(QFont::DemiBold);
    return font;
}

QPalette PresentationStyle::palette()
{
    // Black on white with saturated selection: the views derive their own colours from these.
    QPalette palette(Qt::black, Qt::white);
    palette.setColor(QPalette::Window, Qt::white);
    palette.setColor(QPalette::WindowText, Qt::black);
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(235, 235, 235));
    palette.setColor(QPalette::Text, Qt::black);
    palette.setColor(QPalette::ButtonText, Qt::black);
    palette.setColor(QPalette::Button, QColor(225, 225, 225));
    palette.setColor(QPalette::Highlight, QColor(0, 60, 200));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(255, 255, 200));
    palette.setColor(QPalette::ToolTipText, Qt::black);
    palette.setColor(QPalette::PlaceholderText, QColor(60, 60, 60));
    return palette;
}
