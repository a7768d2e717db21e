#pragma once

#include "addressspacebounds.h"

#include <QtGlobal>

#include <span>
#include <vector>

// Maps addresses to a vertical "content" coordinate and back, high addresses at the top (position 0)
// as textbooks draw an address space. The address space is cut into pieces, top down: the kernel
// half's mappings and free stretches, the non-canonical hole, then user space's mappings and free
// stretches down to address 0. Within a piece positions are linear in the address; the mode decides
// the pieces' heights:
// - TrueScale: one content unit per byte, except the hole, a fixed band (it is 65535 times larger
//   than user space and would leave nothing else visible).
// - Compressed: every free stretch a fixed band, every mapping a height growing with log(size), so
//   that a 4 KiB guard page and a 1 GiB region both stay visible and clickable. Units are roughly
//   pixels at zoom 1.
class AddressScale
{
public:
    enum class Mode { TrueScale, Compressed };
    enum class PieceType {
        Mapping, // one of the ranges given to build()
        Free, // unmapped user space
        Kernel, // the kernel half, outside the process's mappings
        Hole, // the non-canonical hole between user space and the kernel half
    };
    struct Piece
    {
        quint64 first = 0; // inclusive
        quint64 last = 0; // inclusive (the kernel half ends at 2^64 - 1)
        double top = 0; // position of the boundary above last
        double bottom = 0; // position of the boundary below first; bottom > top
        PieceType type = PieceType::Free;
        int range = -1; // index into build()'s ranges for Mapping pieces
        bool wide = false; // a free stretch a growing segment grows into (taller band when compressed)

        double height() const { return bottom - top; }
    };
    // Band heights of the compressed scale, in content units.
    static constexpr double MinMappingHeight = 8; // a 4 KiB mapping
    static constexpr double HeightPerDoubling = 1.6; // each doubling of the size adds this
    static constexpr double FreeBand = 14;
    static constexpr double WideFreeBand = 44;
    static constexpr double HoleBand = 36;
    static constexpr double KernelBand = 44; // the kernel half's large stretch (small ones are FreeBand)
    // The hole's band in true scale, as a fraction of user space plus kernel half.
    static constexpr double TrueScaleHoleFraction = 0.06;

    // ranges: sorted by start, not overlapping (an overlap is clipped); those outside bounds get no
    // piece. wideGapAbove (empty, or one flag per range) marks free stretches directly above a range.
    void build(Mode mode, const AddressSpaceBounds &bounds, std::span<const AddressRange> ranges,
               std::span<const bool> wideGapAbove = {});

    Mode mode() const { return m_mode; }
    const AddressSpaceBounds &bounds() const { return m_bounds; }
    double height() const { return m_pieces.empty() ? 0.0 : m_pieces.front().bottom; }
    // Ascending by address, so descending by position.
    const std::vector<Piece> &pieces() const { return m_pieces; }

    // Position of the boundary just below address (between address - 1 and address).
    double position(quint64 address) const;
    // The address at a position (the byte whose slot holds it), clamped to the address space.
    quint64 address(double position) const;
    // Index of the piece holding address / the position, -1 if there is none.
    int pieceOfAddress(quint64 address) const;
    int pieceAt(double position) const;
    // The piece after index going down (index - 1), skipping every piece that ends above position:
    // lets a drawing loop jump over pieces that share a pixel. -1 past the lowest.
    int pieceBelow(int index, double position) const;
    // The Mapping piece of a range index given to build(), -1 if it has none.
    int pieceOfRange(int range) const;

    // Compressed height of a mapping of this size.
    static double mappingHeight(quint64 bytes);

private:
    void addPiece(quint64 first, quint64 last, PieceType type, int range, bool wide);
    double pieceHeight(const Piece &piece) const;

    Mode m_mode = Mode::Compressed;
    AddressSpaceBounds m_bounds;
    std::vector<Piece> m_pieces;
    std::vector<int> m_pieceOfRange;
};
