#pragma once

#include "segmentkind.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;

// Colours of the address-space view. The ten fills are Paul Tol's muted/light colours chosen so that
// every pair stays apart (CIEDE2000 >= 13) for normal vision and simulated protan-, deutan- and
// tritanopia, against white and dark backgrounds alike. Related kinds share a fill and differ by
// stripes (thread stack / stack, named / plain anonymous); guard pages are grey with stripes, as
// reserved space is drawn in engineering drawings. Light or dark follows the widget's QPalette.
class SegmentPalette
{
public:
    explicit SegmentPalette(const QPalette &palette);

    bool isDark() const { return m_dark; }
    QColor fill(SegmentKind kind) const;
    QColor textOn(SegmentKind kind) const; // black or white, whichever reads on fill(kind)
    bool isStriped(SegmentKind kind) const { return stripeColor(kind).isValid(); }
    // Fills rect with the kind's colour, plus stripes for striped kinds. Stripes are drawn as lines,
    // not a pattern brush, so that SVG export keeps them; they align to a page-wide grid so adjacent
    // rectangles continue each other's stripes.
    void fillRect(QPainter &painter, const QRectF &rect, SegmentKind kind) const;

    // The kind whose legend entry covers kind (Bss is listed with Data; Vvar, Vsyscall with Vdso).
    static SegmentKind legendKind(SegmentKind kind);
    static QString legendName(SegmentKind kind); // translated

    // Colours of the surroundings.
    QColor window() const { return m_palette.color(QPalette::Window); }
    QColor base() const { return m_palette.color(QPalette::Base); } // free user space
    QColor text() const { return m_palette.color(QPalette::WindowText); }
    QColor mutedText() const; // ruler, free-space labels
    QColor frame() const; // the address-space column's outline, ruler ticks
    QColor kernelFill() const;
    QColor holeFill() const;
    QColor splitLine() const; // the user/kernel split
    QColor selection() const { return m_palette.color(QPalette::Highlight); }
    QColor growthArrow() const;
    // Outlines of a snapshot comparison: added, removed, changed (grown, shrunk, other values).
    QColor diffAdded() const;
    QColor diffRemoved() const;
    QColor diffChanged() const;

private:
    QColor stripeColor(SegmentKind kind) const; // invalid for solid kinds

    QPalette m_palette;
    bool m_dark = false;
};
