#pragma once

#include "kpageflags.h"

#include <QtGlobal>

// What /proc/kpageflags and /proc/kpagecount say about one physical frame.
struct FrameInfo
{
    quint64 flags = 0; // kpageflags bits; bits 32 and up are the kernel's unstable ones
    quint64 mapCount = 0; // kpagecount: how many page table entries map the frame

    bool has(KPageFlags::Bit bit) const { return flags & (quint64(1) << bit); }

    friend bool operator==(const FrameInfo &, const FrameInfo &) = default;
};
Q_DECLARE_TYPEINFO(FrameInfo, Q_PRIMITIVE_TYPE);
