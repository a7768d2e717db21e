#pragma once

#include "mapping.h"
#include "parseerror.h"

#include <QByteArrayView>
#include <QList>

// Parses /proc/PID/maps text. Paths may contain spaces; " (deleted)" is split off into Mapping::deleted.
// On an error the mappings of the lines before it are kept; an unterminated last line is reported
// as a cut read (the kernel ends every line with '\n', and a cut path would look valid).
namespace MapsParser {
Parsed<QList<Mapping>> parse(QByteArrayView text);
// One header line (also the first line of each smaps entry). Returns false and sets error on garbage.
bool parseLine(QByteArrayView line, Mapping *mapping, QString *error);
}
