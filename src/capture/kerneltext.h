#pragma once

#include "mapping.h"
#include "smapsentry.h"

#include <QByteArray>

// procfs text as the kernel prints it (fs/proc/task_mmu.c), re-rendered from parsed values: what
// `--print maps` and `--print rollup` write, so their output can be diffed against `cat /proc/PID/...`.
namespace KernelText {
// One /proc/PID/maps line with its newline, in the bytes the kernel printed (paths are raw bytes).
QByteArray mapsLine(const Mapping &mapping);
// One smaps entry, or the single entry of smaps_rollup: the maps header line, the "Key:  value kB"
// lines of the keys that were present in the kernel's order, then THPeligible, ProtectionKey and
// VmFlags when present. Keys this build does not know come after the known ones: their real
// position was not recorded.
QByteArray smapsEntry(const SmapsEntry &entry);
}
