#pragma once

#include <QtGlobal>

#include <functional>

// Steers a long read (the pagemap of a large process, kpageflags of the whole machine) from another
// thread. Both are polled between chunks, so a cancel takes effect within one chunk's time.
struct ReadControl
{
    std::function<bool()> cancelled; // may be empty: never cancelled
    std::function<void(quint64 done, quint64 total)> progress; // may be empty; units are the reader's

    bool isCancelled() const { return cancelled && cancelled(); }
    void report(quint64 done, quint64 total) const
    {
        if (progress)
            progress(done, total);
    }
};
