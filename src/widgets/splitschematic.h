#pragma once

#include <QFont>
#include <QRectF>

class QPainter;
class SegmentPalette;

// The classic textbook picture of a 32-bit x86 process, for teaching beside a real map: 4 GiB split
// at PAGE_OFFSET 0xC0000000 into 3 GiB of user space and 1 GiB of kernel space, with the five user
// segments in their usual order. Not to scale (the segments would be invisible); the addresses are.
namespace SplitSchematic {
// Height the schematic wants for a given width (it shrinks to what it is given).
double preferredHeight(const QFont &font);
// font for names, mono for addresses.
void paint(QPainter &painter, const QRectF &rect, const SegmentPalette &palette, const QFont &font, const QFont &mono);
}
