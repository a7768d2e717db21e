#pragma once

#include "parseerror.h"
#include "smapsentry.h"

#include <QByteArrayView>
#include <QList>

// Parses /proc/PID/smaps and smaps_rollup text without sscanf: one pass over the bytes.
// On an error, the entries before it are kept, and so is the entry the error struck in when its
// header line was whole: its values were read from whole lines, has() tells which keys it lacks,
// and its mapping still belongs on the map. The kernel ends every line with '\n', so an
// unterminated last line is reported as a cut read rather than trusted.
namespace SmapsParser {
Parsed<QList<SmapsEntry>> parse(QByteArrayView text);
// smaps_rollup: one header line ("... [rollup]") then the keys. Missing file (pre-4.14) is the
// caller's business; an empty or garbled text is an error.
Parsed<SmapsEntry> parseRollup(QByteArrayView text);
}
