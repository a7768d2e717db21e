#pragma once

#include "parseerror.h"
#include "procsource.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// The text reports of `mematlas-capture --print`, each comparable with the tool users already trust:
// maps and rollup byte for byte with the kernel's files, smaps with `pmap -X`, free with `free -k`,
// top with top's memory columns. Each report writes into a byte array and returns an empty string,
// or returns a one-line reason (naming the file when a read failed) and leaves the output alone.
class TextReports
{
public:
    enum class Report { Maps, Smaps, Rollup, Free, Top };

    static std::optional<Report> reportFromName(QStringView name);
    static QStringList reportNames();
    // Whether the report is about one process (and so needs --pid).
    static bool isPerProcess(Report report);

    explicit TextReports(const ProcSource &source);

    // /proc/PID/maps as the kernel prints it, re-rendered from the parsed mappings.
    QString maps(int pid, QByteArray *out) const;
    // The columns and totals of `pmap -X PID`.
    QString smaps(int pid, QByteArray *out) const;
    // /proc/PID/smaps_rollup as the kernel prints it; summed from smaps where the kernel has no
    // smaps_rollup (before 4.14).
    QString rollup(int pid, QByteArray *out) const;
    // `free -k` (or `free -k -w` with wide), with procps-ng 4's "used = total - available".
    QString free(bool wide, QByteArray *out) const;
    // PID USER VIRT RES SHR %MEM COMMAND for every process, largest RES first. Processes that exit
    // while being read are left out; processes that cannot be read at all are reported in warnings.
    QString top(QByteArray *out, QStringList *warnings) const;

private:
    // Reads PID/name. A failure carries a message for the user: "process N does not exist", or the
    // source's own, which names the file and the reason.
    ReadResult readProcessFile(int pid, const QString &name) const;
    QString parseFailure(int pid, const QString &name, const ParseError &error) const;

    const ProcSource &m_source;
};
