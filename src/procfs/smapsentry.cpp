#include "smapsentry.h"

#include "parsehelpers_p.h"

#include <cstring>

namespace {

// Indexed by SmapsEntry::Key; the names are NUL-terminated literals, so keyName() can hand them out.
constexpr std::array<QByteArrayView, SmapsEntry::KeyCount> keyNames = {
    "Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Pss_Dirty", "Pss_Anon", "Pss_File", "Pss_Shmem",
    "Shared_Clean", "Shared_Dirty", "Private_Clean", "Private_Dirty", "Referenced", "Anonymous", "KSM",
    "LazyFree", "AnonHugePages", "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb",
    "Swap", "SwapPss", "Locked",
};

struct VmFlagInfo
{
    char code[3];
    const char *description;
};

// From Documentation/filesystems/proc.rst and proc_pid_smaps(5), plus codes kernels have dropped
// (nl, dw) or print for bits they cannot name ("??").
constexpr VmFlagInfo vmFlagTable[] = {
    {"rd", "readable"},
    {"wr", "writable"},
    {"ex", "executable"},
    {"sh", "shared"},
    {"mr", "may read"},
    {"mw", "may write"},
    {"me", "may execute"},
    {"ms", "may share"},
    {"gd", "stack segment grows down"},
    {"pf", "pure PFN range"},
    {"dw", "disabled write to the mapped file (removed in Linux 4.0)"},
    {"lo", "pages are locked in memory"},
    {"io", "memory-mapped I/O area"},
    {"sr", "sequential read advice provided"},
    {"rr", "random read advice provided"},
    {"dc", "do not copy area on fork"},
    {"de", "do not expand area on remapping"},
    {"ac", "area is accountable"},
    {"nr", "swap space is not reserved for the area"},
    {"ht", "area uses huge TLB pages"},
    {"sf", "synchronous page faults (MAP_SYNC)"},
    {"nl", "non-linear mapping (removed in Linux 4.0)"},
    {"ar", "architecture-specific flag"},
    {"wf", "wipe on fork"},
    {"dd", "do not include area in core dumps"},
    {"sd", "soft-dirty"},
    {"mm", "mixed map area"},
    {"hg", "huge page advice (MADV_HUGEPAGE)"},
    {"nh", "no huge page advice (MADV_NOHUGEPAGE)"},
    {"mg", "mergeable advice (KSM)"},
    {"bt", "arm64 BTI guarded page"},
    {"mt", "arm64 MTE allocation tags enabled"},
    {"um", "userfaultfd missing-page tracking"},
    {"uw", "userfaultfd write-protect tracking"},
    {"ui", "userfaultfd minor-fault tracking"},
    {"ss", "shadow stack page"},
    {"sl", "sealed (mseal)"},
    {"lf", "lock pages on fault (MLOCK_ONFAULT)"},
    {"dp", "always lazily freeable mapping (MAP_DROPPABLE)"},
    {"gu", "may contain guard regions"},
    {"??", "flag unknown to the kernel's name table"},
};
constexpr int vmFlagCount = int(std::size(vmFlagTable));

// Table index of a two-letter code, or -1. A direct 27x27 lookup ('a'-'z' plus one slot for '?'),
// because every smaps entry has a handful of flags.
int vmFlagIndex(QByteArrayView code)
{
    if (code.size() != 2)
        return -1;
    constexpr int letters = 27;
    const auto slot = [](char c) { return c == '?' ? 26 : (c >= 'a' && c <= 'z') ? c - 'a' : -1; };
    static const std::array<qint8, letters * letters> index = [&slot] {
        std::array<qint8, letters * letters> table;
        table.fill(-1);
        for (int i = 0; i < vmFlagCount; ++i)
            table[slot(vmFlagTable[i].code[0]) * letters + slot(vmFlagTable[i].code[1])] = qint8(i);
        return table;
    }();
    const int first = slot(code[0]);
    const int second = slot(code[1]);
    if (first < 0 || second < 0)
        return -1;
    return index[first * letters + second];
}

} // namespace

const char *SmapsEntry::keyName(Key key)
{
    if (key < 0 || key >= KeyCount)
        return "";
    return keyNames[key].data();
}

std::optional<SmapsEntry::Key> SmapsEntry::keyFromName(QByteArrayView name)
{
    // Keys bucketed by length: a name is compared with at most four keys of its own length. This
    // runs for every line the parser's in-order guess misses (about three an entry).
    constexpr qsizetype maxLength = 16;
    constexpr int maxPerLength = 4;
    struct Buckets
    {
        std::array<std::array<qint8, maxPerLength>, maxLength> keys;
        std::array<qint8, maxLength> counts{};
    };
    static const Buckets buckets = [] {
        Buckets b;
        for (int key = 0; key < KeyCount; ++key) {
            const qsizetype length = keyNames[key].size();
            Q_ASSERT(length < maxLength && b.counts[length] < maxPerLength);
            b.keys[length][b.counts[length]++] = qint8(key);
        }
        return b;
    }();
    if (name.size() >= maxLength)
        return std::nullopt;
    for (int i = 0; i < buckets.counts[name.size()]; ++i) {
        const int key = buckets.keys[name.size()][i];
        if (std::memcmp(keyNames[key].data(), name.data(), size_t(name.size())) == 0)
            return Key(key);
    }
    return std::nullopt;
}

QString SmapsEntry::vmFlagDescription(QByteArrayView flag)
{
    const int i = vmFlagIndex(flag);
    return i < 0 ? QString() : QString::fromLatin1(vmFlagTable[i].description);
}

int ParseHelpers::smapsLineKey(QByteArrayView line, int *hint, qsizetype *colon)
{
    int key = -1;
    if (*hint < SmapsEntry::KeyCount) {
        const QByteArrayView guess = keyNames[*hint];
        if (line.size() > guess.size() && line[guess.size()] == ':'
            && std::memcmp(line.data(), guess.data(), size_t(guess.size())) == 0) {
            key = *hint;
            *colon = guess.size();
        }
    }
    if (key < 0) {
        const auto *found = static_cast<const char *>(std::memchr(line.data(), ':', size_t(line.size())));
        *colon = found ? found - line.data() : -1;
        if (!found)
            return -1;
        const auto named = SmapsEntry::keyFromName(line.first(*colon));
        if (!named)
            return -1;
        key = *named;
    }
    *hint = key + 1;
    return key;
}

QByteArray ParseHelpers::vmFlag(QByteArrayView code)
{
    // Known codes share the table's static bytes: no allocation and no reference counting.
    const int i = vmFlagIndex(code);
    return i < 0 ? code.toByteArray() : QByteArray::fromRawData(vmFlagTable[i].code, 2);
}
