#pragma once

#include "addressscale.h"
#include "viewwindow.h"

#include <QtGlobal>

#include <vector>

// Ticks of the address ruler beside the map, readable at every zoom level. Candidates, by priority:
// the edges of mappings and free stretches (where the compressed scale bends), then round addresses
// inside proportional pieces, at power-of-two steps (0x1000, 0x2000, ... 16 TiB) chosen so that labels
// are at least minSpacing pixels apart. Labels go to the highest-priority ticks that do not crowd an
// already labelled one; the rest stay unlabelled marks.
class AddressRuler
{
public:
    struct Tick
    {
        double y = 0;
        quint64 address = 0; // the tick marks the boundary just below this address
        bool labelled = false;
        bool edge = false; // a piece edge rather than a round address
    };

    static std::vector<Tick> ticks(const AddressScale &scale, const ViewWindow &window, double labelHeight,
                                   double minSpacing);
    // Smallest power of two >= bytes (1 for 0).
    static quint64 roundStep(double bytes);
};
