#pragma once

#include "smapsentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class ProcSource;

// One process's mappings at one moment, kept as a plain value so two of them can be diffed later.
struct Snapshot
{
    QDateTime wallTime; // when take() read it (local time)
    int pid = 0;
    QString command; // cmdline for display, or comm for kernel threads
    QList<SmapsEntry> mappings; // ascending start; values are all zero when hasSmaps is false
    bool hasSmaps = false; // false: smaps was unreadable and mappings come from maps alone
    std::optional<SmapsEntry> rollup; // smaps_rollup, when the source has it

    // Total of key over the process: the rollup's value, else the sum over smaps entries; nullopt
    // when neither was read (a maps-only snapshot has no values to sum).
    std::optional<quint64> total(SmapsEntry::Key key) const;

    // Reads smaps (falling back to maps when smaps is unreadable, e.g. without ptrace access),
    // smaps_rollup and cmdline through source. Returns nullopt and sets error (naming the pid)
    // when neither smaps nor maps could be read or parsed.
    static std::optional<Snapshot> take(const ProcSource &source, int pid, QString *error = nullptr);
};
