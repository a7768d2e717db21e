#pragma once

#include "parseerror.h"

#include <QByteArrayView>

// /proc/PID/statm: seven counts in pages.
struct ProcessStatm
{
    quint64 size = 0;
    quint64 resident = 0;
    quint64 shared = 0; // RssFile + RssShmem
    quint64 text = 0;
    quint64 lib = 0; // always 0 since 2.6
    quint64 data = 0;
    quint64 dirty = 0; // always 0 since 2.6

    static Parsed<ProcessStatm> parse(QByteArrayView text);
};
