#pragma once

// The entry point behind every fuzz target: feeds bytes to one parser or decoder (src/procfs, and
// the lesson files of src/models) the way the application does, and checks what comes back against what must hold for any input
// (a value or a clear error, round trips, counts that add up). Shared by the libFuzzer targets and
// by tests/procfs/tst_fuzzregressions.cpp, so a saved crash input is checked by the same code.

#include <QByteArrayView>
#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

namespace FuzzChecks {

struct Result
{
    QString outcome; // "ok: 3 mappings", "error: line 2: expected ...": what the parser made of it
    QStringList violations; // broken invariants; empty when all is well
};

using Check = Result (*)(QByteArrayView input);

Result maps(QByteArrayView input);
Result smaps(QByteArrayView input);
Result smapsRollup(QByteArrayView input);
Result status(QByteArrayView input);
Result stat(QByteArrayView input);
Result statm(QByteArrayView input);
Result meminfo(QByteArrayView input); // and FreeReport from it
Result cmdline(QByteArrayView input);
Result pageEntries(QByteArrayView input); // little-endian u64s, as PID/pagemap holds them
Result kpageFlags(QByteArrayView input); // little-endian u64s, as /proc/kpageflags holds them
Result bundle(QByteArrayView input); // a whole .mematlas file, and every file in it through the parsers
Result bundleManifest(QByteArrayView input); // manifest.json
Result bundlePagemap(QByteArrayView input); // proc/PID/pagemap.ranges
Result bundleFrames(QByteArrayView input); // proc/kpage.frames
Result lesson(QByteArrayView input); // a lesson file through LessonLibrary::parse

struct Target
{
    QLatin1String name; // the executable, and the directory of its corpus and regression inputs
    Check check;
};
// Every target, by name ("fuzz_maps", ...).
const QList<Target> &targets();

} // namespace FuzzChecks
