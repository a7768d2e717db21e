#pragma once

#include "bundlewriter.h"
#include "smapsentry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

class ProcSource;
struct PageMapSnapshot;

// One process's mappings at one moment, kept as a plain value so two of them can be diffed later.
struct Snapshot
{
    QDateTime wallTime; // when take() read it (local time)
    int pid = 0;
    QString command; // cmdline for display, or comm for kernel threads
    QList<SmapsEntry> mappings; // ascending start; values are all zero when hasSmaps is false
    bool hasSmaps = false; // false: smaps was unreadable and mappings come from maps alone
    std::optional<SmapsEntry> rollup; // smaps_rollup, when the source has it
    // The kernel's text of what was read, by name in PID/ ("smaps", "status", ...), and where exe
    // pointed: enough to save the snapshot in a bundle and to read it back through the same parsers.
    QList<QPair<QString, QByteArray>> files;
    QString exeTarget;
    QByteArray file(const QString &name) const; // empty when it was not read
    // What a bundle writer needs to store this snapshot.
    BundleWriter::RecordedProcess recorded() const;
    // The pagemap of every mapping with resident or swapped pages (Options::pages), so a diff can say
    // which pages became present, dirty or moved to another frame; null when not read.
    std::shared_ptr<const PageMapSnapshot> pages;
    QString pagesError; // why pages is null although they were asked for

    // Total of key over the process: the rollup's value, else the sum over smaps entries; nullopt
    // when neither was read (a maps-only snapshot has no values to sum).
    std::optional<quint64> total(SmapsEntry::Key key) const;

    struct Options
    {
        bool pages = false;
        // A bigger process is diffed by mappings only: 8 bytes a page are kept per snapshot.
        quint64 maxPages = quint64(4) << 20;
    };

    // Reads smaps (falling back to maps when smaps is unreadable, e.g. without ptrace access),
    // smaps_rollup, cmdline, status, stat, statm and, when asked, the pagemap through source.
    // Returns nullopt and sets error (naming the pid) when neither smaps nor maps could be read or parsed.
    static std::optional<Snapshot> take(const ProcSource &source, int pid, QString *error = nullptr);
    static std::optional<Snapshot> take(const ProcSource &source, int pid, const Options &options, QString *error = nullptr);
};
