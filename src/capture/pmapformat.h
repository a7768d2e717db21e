#pragma once

#include "smapsentry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// The layout of `pmap -X PID` (procps-ng 4.0), so `--print smaps` can be compared with it line by line.
namespace PmapFormat {
// pmap's first line: "PID:   command line", or "PID:   [comm]" when the process has no command line
// (kernel threads).
QByteArray title(int pid, QByteArrayView cmdline, const QString &comm);
// The table of `pmap -X`: Address, Perm, Offset, Device, Inode, then one column per smaps key pmap
// does not consider detail (it hides KernelPageSize, MMUPageSize, AnonHugePages and the four
// Shared/Private Clean/Dirty keys), in the kernel's order, then the mapping's file name; a line of
// totals at the end. Empty for a process without mappings, as pmap prints nothing then.
QByteArray extendedTable(const QList<SmapsEntry> &entries);
}
