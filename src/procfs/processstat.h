#pragma once

#include "parseerror.h"

#include <QByteArrayView>
#include <QString>

// /proc/PID/stat. comm sits in parentheses and may itself contain spaces and parentheses, so the
// fields after it are found from the *last* ')'.
struct ProcessStat
{
    int pid = 0;
    QString comm;
    char state = '?';
    int ppid = 0;
    quint64 flags = 0; // field 9: the kernel's PF_* bits
    quint64 minflt = 0; // field 10
    quint64 cminflt = 0;
    quint64 majflt = 0; // field 12
    quint64 cmajflt = 0;
    quint64 utime = 0; // clock ticks
    quint64 stime = 0;
    int numThreads = 0;
    quint64 startTime = 0; // clock ticks after boot
    quint64 vsize = 0; // bytes
    quint64 rssPages = 0;

    // PF_KTHREAD: the one sure sign, where an empty cmdline or VSZ of 0 also fits a zombie.
    bool isKernelThread() const { return flags & 0x00200000; }

    static Parsed<ProcessStat> parse(QByteArrayView text);
};
