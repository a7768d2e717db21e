#include "addressspacebounds.h"

#include <algorithm>

namespace {
constexpr quint64 FourGiB = quint64(1) << 32;
constexpr quint64 User47End = quint64(1) << 47;
constexpr quint64 User56End = quint64(1) << 56;
constexpr quint64 Kernel47Start = 0xffff800000000000ull;
constexpr quint64 Kernel56Start = 0xff00000000000000ull;
}

int AddressSpaceBounds::bits() const
{
    switch (width) {
    case AddressWidth::Bits32:
        return 32;
    case AddressWidth::Bits56:
        return 56;
    case AddressWidth::Auto:
    case AddressWidth::Bits47:
        break;
    }
    return 47;
}

AddressSpaceBounds AddressSpaceBounds::forWidth(AddressWidth width)
{
    switch (width) {
    case AddressWidth::Bits32:
        return { width, FourGiB, 0 };
    case AddressWidth::Bits56:
        return { width, User56End, Kernel56Start };
    case AddressWidth::Auto:
    case AddressWidth::Bits47:
        break;
    }
    return { AddressWidth::Bits47, User47End, Kernel47Start };
}

AddressWidth AddressSpaceBounds::detect(std::span<const AddressRange> sortedRanges)
{
    if (sortedRanges.empty())
        return AddressWidth::Bits47;
    if (sortedRanges.back().end <= FourGiB)
        return AddressWidth::Bits32;
    const bool above47 = std::any_of(sortedRanges.begin(), sortedRanges.end(), [](const AddressRange &r) {
        return r.end > User47End && r.start < Kernel56Start;
    });
    return above47 ? AddressWidth::Bits56 : AddressWidth::Bits47;
}

AddressSpaceBounds AddressSpaceBounds::resolve(AddressWidth wanted, std::span<const AddressRange> sortedRanges)
{
    const AddressSpaceBounds detected = forWidth(detect(sortedRanges));
    if (wanted == AddressWidth::Auto)
        return detected;
    const AddressSpaceBounds bounds = forWidth(wanted);
    const bool fits = std::all_of(sortedRanges.begin(), sortedRanges.end(),
                                  [&](const AddressRange &r) { return bounds.contains(r); });
    return fits ? bounds : detected;
}
