#include "addressruler.h"

#include "addressformat.h"

#include <algorithm>
#include <cmath>

namespace {
// Marks closer than this to the previous one are dropped: with 60,000 mappings on screen, most edges
// share a pixel.
constexpr double MinMarkSpacing = 3.0;

// A band stands for its stretch without being proportional to it: no round addresses inside.
bool isBand(const AddressScale &scale, const AddressScale::Piece &piece)
{
    if (piece.type == AddressScale::PieceType::Hole)
        return true;
    return scale.mode() == AddressScale::Mode::Compressed && piece.type != AddressScale::PieceType::Mapping;
}
}

quint64 AddressRuler::roundStep(double bytes)
{
    if (bytes <= 1.0)
        return 1;
    if (bytes >= 9.2e18)
        return quint64(1) << 63;
    const int shift = int(std::ceil(std::log2(bytes)));
    return quint64(1) << std::clamp(shift, 0, 63);
}

std::vector<AddressRuler::Tick> AddressRuler::ticks(const AddressScale &scale, const ViewWindow &window,
                                                    double labelHeight, double minSpacing)
{
    std::vector<Tick> candidates;
    const auto &pieces = scale.pieces();
    if (pieces.empty())
        return candidates;
    const int highest = scale.pieceAt(std::max(window.top, 0.0));
    const int lowest = scale.pieceAt(std::min(window.bottom(), scale.height()));
    if (highest < 0 || lowest < 0)
        return candidates;

    const double pixelBottom = window.pixelTop + window.pixelHeight;
    double lastEdgeY = -1e9;
    double resume = 0; // pieces ending above this pixel row give nothing new: skip them
    for (int i = highest; i >= lowest && i >= 0; i = scale.pieceBelow(i, window.position(resume))) { // top down
        const AddressScale::Piece &p = pieces[std::size_t(i)];
        const double yTop = window.y(p.top);
        const double yBottom = window.y(p.bottom);
        // The hole's edges are the user/kernel split, labelled by the map itself.
        if (p.type != AddressScale::PieceType::Hole && (i == 0 || pieces[std::size_t(i - 1)].type != AddressScale::PieceType::Hole)
            && yBottom >= window.pixelTop && yBottom <= pixelBottom && yBottom - lastEdgeY >= MinMarkSpacing) {
            candidates.push_back({ yBottom, p.first, false, true });
            lastEdgeY = yBottom;
        }
        resume = std::max(yBottom, lastEdgeY + MinMarkSpacing);
        // A piece shorter than the label spacing has no room for a round address inside.
        if (isBand(scale, p) || yBottom - yTop < minSpacing)
            continue;
        // Round addresses inside the visible part of the piece.
        const double pixelsPerByte = (yBottom - yTop) / (double(p.last - p.first) + 1.0);
        if (pixelsPerByte <= 0)
            continue;
        const quint64 step = roundStep(minSpacing / pixelsPerByte);
        const quint64 visibleLow = std::max(p.first, scale.address(std::min(window.bottom(), p.bottom)));
        const quint64 visibleHigh = std::min(p.last, scale.address(std::max(window.top, p.top)));
        quint64 a = visibleHigh - visibleHigh % step; // highest multiple of step, top down
        for (; a > visibleLow && a > p.first; a -= step) {
            const double y = window.y(scale.position(a));
            if (y >= window.pixelTop && y <= pixelBottom)
                candidates.push_back({ y, a, false, false });
            if (a < step)
                break;
        }
    }

    // Labels: edges first, then round addresses, each top down; skip any that crowds a label.
    std::vector<double> labelled;
    auto crowds = [&](double y) {
        return std::any_of(labelled.begin(), labelled.end(),
                           [&](double other) { return std::abs(other - y) < labelHeight + 2; });
    };
    for (bool edges : { true, false }) {
        for (Tick &t : candidates) {
            if (t.edge != edges || crowds(t.y))
                continue;
            // A round-address label needs its full spacing, so ticks read as a regular scale.
            if (!edges && std::any_of(labelled.begin(), labelled.end(),
                                      [&](double other) { return std::abs(other - t.y) < minSpacing * 0.5; }))
                continue;
            t.labelled = true;
            labelled.push_back(t.y);
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Tick &a, const Tick &b) { return a.y < b.y; });
    return candidates;
}
