#pragma once

#include "mapping.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QPair>

#include <array>
#include <optional>

// One entry of /proc/PID/smaps (or the single "[rollup]" entry of smaps_rollup). Values are kept
// by key, never by position: the set and order of keys change across kernels.
struct SmapsEntry
{
    // Keys we know get a fixed slot (parsing 60,000 entries must not allocate per value); the order
    // here is the kernel's print order, used when reproducing the text.
    enum Key {
        Size,
        KernelPageSize,
        MMUPageSize,
        Rss,
        Pss,
        Pss_Dirty,
        Pss_Anon,
        Pss_File,
        Pss_Shmem,
        Shared_Clean,
        Shared_Dirty,
        Private_Clean,
        Private_Dirty,
        Referenced,
        Anonymous,
        KSM,
        LazyFree,
        AnonHugePages,
        ShmemPmdMapped,
        FilePmdMapped,
        Shared_Hugetlb,
        Private_Hugetlb,
        Swap,
        SwapPss,
        Locked,
        KeyCount
    };

    Mapping mapping;
    std::array<quint64, KeyCount> values{}; // kB
    quint32 present = 0; // bit i set when key i appeared in the text
    QList<QPair<QByteArray, QByteArray>> unknown; // keys this build does not know, value text as printed
    std::optional<bool> thpEligible; // "THPeligible: 0|1" (no unit)
    std::optional<int> protectionKey; // "ProtectionKey: N" (no unit)
    QByteArrayList vmFlags; // two-letter flags in printed order ("rd", "wr", ...); empty if absent

    bool has(Key key) const { return present & (1u << key); }
    quint64 value(Key key) const { return values[key]; }
    void set(Key key, quint64 kB)
    {
        values[key] = kB;
        present |= 1u << key;
    }
    // USS: pages only this process maps.
    quint64 uss() const { return values[Private_Clean] + values[Private_Dirty]; }

    static const char *keyName(Key key); // "Pss_Dirty"
    static std::optional<Key> keyFromName(QByteArrayView name);
    // Human description of a VmFlags code ("wr" -> "writable"), empty if unknown.
    static QString vmFlagDescription(QByteArrayView flag);
};
// Members are all relocatable, so a 60,000-entry list grows by realloc instead of moving each entry.
Q_DECLARE_TYPEINFO(SmapsEntry, Q_RELOCATABLE_TYPE);
