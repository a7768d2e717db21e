#pragma once

#include "framecensus.h"
#include "pagemodel.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <functional>

class QFont;
class QPainter;
class QRect;

// Colours of the page grid and the physical-memory view, shared so a state or frame class reads the
// same in both. Fills are Paul Tol's bright/muted colours (distinct under colour-vision deficiencies);
// "not present" and the marks follow the widget's light or dark QPalette.
class PagePalette
{
public:
    explicit PagePalette(const QPalette &palette);

    bool isDark() const { return m_dark; }
    QColor state(PageModel::State state) const;
    QColor overlay(PageModel::Overlay overlay) const; // the colour of the overlay's mark
    QColor frameClass(FrameCensus::Class frameClass) const;
    QColor sharedFrame() const; // a frame mapped more than once (kpagecount > 1)
    QColor privateFrame() const; // a frame mapped once
    QColor text() const { return m_palette.color(QPalette::WindowText); }
    QColor mutedText() const;
    QColor window() const { return m_palette.color(QPalette::Window); }
    QColor selection() const { return m_palette.color(QPalette::Highlight); }

    static QString stateName(PageModel::State state); // translated
    static QString overlayName(PageModel::Overlay overlay); // translated

    // A legend: swatch and name per item, flowing left to right and wrapping within rect's width.
    // Returns the height it takes; with a null painter it only measures.
    using SwatchPainter = std::function<void(int item, const QRect &swatch)>;
    int paintLegend(QPainter *painter, const QRect &rect, const QFont &font, const QStringList &names,
                    const SwatchPainter &swatch) const;

private:
    QPalette m_palette;
    bool m_dark = false;
};
