#pragma once

#include "procsource.h"

#include <QString>
#include <QStringList>

#include <optional>

// What the process list shows for one process, from status, stat, statm and cmdline (cheap files;
// smaps_rollup is read separately, only for rows a person looks at).
struct ProcessInfo
{
    int pid = 0;
    int ppid = 0;
    QString name; // comm
    QStringList arguments; // cmdline; empty for kernel threads
    std::optional<quint32> uid;
    QString user; // resolved user name, or the uid as text
    bool kernelThread = false; // no mm: empty cmdline and VmSize absent
    char state = '?';
    quint64 virtKb = 0; // top VIRT = VmSize
    quint64 resKb = 0; // top RES = VmRSS
    quint64 shrKb = 0; // top SHR = RssFile + RssShmem
    quint64 swapKb = 0; // VmSwap
    quint64 minflt = 0;
    quint64 majflt = 0;
    int threads = 0;

    QString commandLine() const; // arguments joined, or "[name]" for kernel threads

    // Reads one process. nullopt with *error set when it exited or could not be read at all.
    static std::optional<ProcessInfo> read(const ProcSource &source, int pid, QString *error);
    // %MEM as top computes it: RES / MemTotal * 100.
    static double memPercent(quint64 resKb, quint64 memTotalKb);
};
