#include "addressscale.h"

#include "addressformat.h"

#include <algorithm>
#include <cmath>

namespace {
constexpr quint64 Top = ~quint64(0);
constexpr quint64 PageSize = 4096;
}

double AddressScale::mappingHeight(quint64 bytes)
{
    const double pages = std::max(1.0, double(bytes) / double(PageSize));
    return MinMappingHeight + HeightPerDoubling * std::log2(pages);
}

void AddressScale::build(Mode mode, const AddressSpaceBounds &bounds, std::span<const AddressRange> ranges,
                         std::span<const bool> wideGapAbove)
{
    m_mode = mode;
    m_bounds = bounds;
    m_pieces.clear();
    m_pieces.reserve(2 * ranges.size() + 4);
    m_pieceOfRange.assign(ranges.size(), -1);

    // Walk up from address 0, filling each region [regionFirst, regionLast] with mappings and the
    // free stretches between them; pieces come out in ascending address order.
    auto fillRegion = [&](quint64 regionFirst, quint64 regionLast, PieceType freeType) {
        quint64 next = regionFirst; // lowest address not yet covered
        bool full = false; // next wrapped past 2^64 - 1
        bool wideBelow = false;
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            const AddressRange &r = ranges[i];
            if (r.start < regionFirst || r.end == 0 || r.end - 1 > regionLast || r.end <= r.start)
                continue;
            if (full || r.end <= next)
                continue; // entirely covered by an earlier (overlapping) range
            const quint64 first = std::max(r.start, next);
            if (first > next)
                addPiece(next, first - 1, freeType, -1, wideBelow);
            m_pieceOfRange[i] = int(m_pieces.size());
            addPiece(first, r.end - 1, PieceType::Mapping, int(i), false);
            wideBelow = !wideGapAbove.empty() && wideGapAbove[i];
            full = r.end - 1 == Top;
            next = r.end;
        }
        if (!full && next <= regionLast)
            addPiece(next, regionLast, freeType, -1, wideBelow);
    };

    fillRegion(0, bounds.userEnd - 1, PieceType::Free);
    if (bounds.hasKernelHalf()) {
        addPiece(bounds.userEnd, bounds.kernelStart - 1, PieceType::Hole, -1, false);
        fillRegion(bounds.kernelStart, Top, PieceType::Kernel);
    }

    // Positions grow downward from the top of the highest piece.
    double position = 0;
    for (auto it = m_pieces.rbegin(); it != m_pieces.rend(); ++it) {
        it->top = position;
        position += pieceHeight(*it);
        it->bottom = position;
    }
}

void AddressScale::addPiece(quint64 first, quint64 last, PieceType type, int range, bool wide)
{
    Piece piece;
    piece.first = first;
    piece.last = last;
    piece.type = type;
    piece.range = range;
    piece.wide = wide;
    m_pieces.push_back(piece);
}

double AddressScale::pieceHeight(const Piece &piece) const
{
    const quint64 bytes = AddressFormat::spanBytes(piece.first, piece.last);
    if (m_mode == Mode::TrueScale) {
        if (piece.type != PieceType::Hole)
            return double(bytes);
        const double kernelBytes = m_bounds.hasKernelHalf() ? double(Top - m_bounds.kernelStart) + 1.0 : 0.0;
        return TrueScaleHoleFraction * (double(m_bounds.userEnd) + kernelBytes);
    }
    switch (piece.type) {
    case PieceType::Mapping:
        return mappingHeight(bytes);
    case PieceType::Free:
        return piece.wide ? WideFreeBand : FreeBand;
    case PieceType::Kernel:
        // The kernel half's main stretch carries its label; the slivers around [vsyscall] do not.
        return bytes >= (quint64(1) << 40) ? KernelBand : FreeBand;
    case PieceType::Hole:
        return HoleBand;
    }
    return FreeBand;
}

int AddressScale::pieceOfAddress(quint64 address) const
{
    auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), address,
                               [](quint64 a, const Piece &p) { return a < p.first; });
    if (it == m_pieces.begin())
        return -1;
    --it;
    return address <= it->last ? int(it - m_pieces.begin()) : -1;
}

int AddressScale::pieceAt(double position) const
{
    if (m_pieces.empty() || position < 0 || position > height())
        return -1;
    // Descending positions: the first piece (from the low end) whose top is at or above position.
    auto it = std::partition_point(m_pieces.begin(), m_pieces.end(),
                                   [position](const Piece &p) { return p.top > position; });
    return it == m_pieces.end() ? int(m_pieces.size()) - 1 : int(it - m_pieces.begin());
}

int AddressScale::pieceBelow(int index, double position) const
{
    if (index <= 0)
        return -1;
    if (m_pieces[std::size_t(index - 1)].bottom >= position)
        return index - 1;
    if (position > height())
        return -1;
    return std::min(index - 1, pieceAt(position));
}

int AddressScale::pieceOfRange(int range) const
{
    return range >= 0 && range < int(m_pieceOfRange.size()) ? m_pieceOfRange[std::size_t(range)] : -1;
}

double AddressScale::position(quint64 address) const
{
    const int index = pieceOfAddress(address);
    if (index < 0) // beyond the highest piece (a 32-bit space has nothing above 4 GiB): the top
        return m_pieces.empty() || address < m_pieces.front().first ? height() : m_pieces.back().top;
    const Piece &p = m_pieces[std::size_t(index)];
    const double span = double(p.last - p.first) + 1.0;
    return p.bottom - double(address - p.first) / span * p.height();
}

quint64 AddressScale::address(double position) const
{
    if (m_pieces.empty())
        return 0;
    const int index = pieceAt(std::clamp(position, 0.0, height()));
    const Piece &p = m_pieces[std::size_t(index)];
    const double span = double(p.last - p.first) + 1.0;
    const double fraction = p.height() > 0 ? (p.bottom - position) / p.height() : 0.0;
    const double offset = std::clamp(fraction, 0.0, 1.0) * span;
    // A double near 2^64 does not convert to quint64; the last byte is as far as it goes.
    if (offset >= double(p.last - p.first))
        return p.last;
    return p.first + quint64(offset);
}
