#pragma once

// The visible stretch [top, top + span) of an AddressScale's content positions, drawn into the pixel
// rows [pixelTop, pixelTop + pixelHeight). Keeping the view as a content range (not pixels) lets one
// view state render at any size: the widget, a PNG, an SVG.
struct ViewWindow
{
    double top = 0;
    double span = 1;
    double pixelTop = 0;
    double pixelHeight = 1;

    double scale() const { return pixelHeight / span; } // pixels per content unit
    double bottom() const { return top + span; }
    double y(double position) const { return pixelTop + (position - top) * scale(); }
    double position(double y) const { return top + (y - pixelTop) / scale(); }
};
