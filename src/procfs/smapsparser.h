#pragma once

#include "parseerror.h"
#include "smapsentry.h"

#include <QByteArrayView>
#include <QList>

// Parses /proc/PID/smaps and smaps_rollup text without sscanf: one pass over the bytes.
namespace SmapsParser {
Parsed<QList<SmapsEntry>> parse(QByteArrayView text);
// smaps_rollup: one header line ("... [rollup]") then the keys. Missing file (pre-4.14) is the
// caller's business; an empty or garbled text is an error.
Parsed<SmapsEntry> parseRollup(QByteArrayView text);
}
