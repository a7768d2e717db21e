#pragma once

#include <QtGlobal>

#include <span>

// How many bits of user address space a process has, and where (x86-64) its kernel half starts.
enum class AddressWidth {
    Auto, // detect from the mappings (AddressSpaceBounds::detect)
    Bits32, // a 32-bit process: 4 GiB of user space, no kernel half in its address space
    Bits47, // 4-level paging: 128 TiB user, non-canonical hole, 128 TiB kernel
    Bits56, // 5-level paging, for a process that asked for addresses above 47 bits
};

struct AddressRange
{
    quint64 start = 0;
    quint64 end = 0; // exclusive
};

// The fixed regions of one address width. Top down: kernel half [kernelStart, 2^64), the
// non-canonical hole [userEnd, kernelStart), user space [0, userEnd).
struct AddressSpaceBounds
{
    AddressWidth width = AddressWidth::Bits47;
    quint64 userEnd = 0; // exclusive
    quint64 kernelStart = 0; // 0 when the width has no kernel half (32-bit)

    bool hasKernelHalf() const { return kernelStart != 0; }
    bool contains(const AddressRange &range) const
    {
        return range.end <= userEnd || (hasKernelHalf() && range.start >= kernelStart);
    }
    int bits() const;

    static AddressSpaceBounds forWidth(AddressWidth width); // Auto counts as Bits47
    // The width a process has, from its sorted mappings: 56 bits when a user mapping reaches above
    // 47 bits (the kernel hands those out only on request); 32 bits when every mapping lies below
    // 4 GiB (a 64-bit process always has its stack, and usually [vsyscall], far above); else 47.
    // No mappings: 47.
    static AddressWidth detect(std::span<const AddressRange> sortedRanges);
    // The wanted width, widened to the detected one if some mapping would fall outside it.
    static AddressSpaceBounds resolve(AddressWidth wanted, std::span<const AddressRange> sortedRanges);
};
