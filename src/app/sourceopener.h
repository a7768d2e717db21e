#pragma once

#include "procsource.h"

#include <QString>

#include <memory>

// Turns what a user names (a snapshot bundle, a directory laid out like /proc) into a ProcSource,
// or into one line saying why it cannot be shown.
namespace SourceOpener {
std::shared_ptr<const ProcSource> open(const QString &path, QString *error);
}
