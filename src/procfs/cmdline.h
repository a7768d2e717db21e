#pragma once

#include <QByteArrayView>
#include <QStringList>

// /proc/PID/cmdline: NUL-separated arguments (a trailing NUL, or none when a process rewrote it;
// empty for kernel threads and zombies).
namespace Cmdline {
QStringList parse(QByteArrayView bytes);
// Arguments joined by spaces for display, control characters (newlines, escapes) shown as '?';
// empty input gives an empty string.
QString toDisplayString(const QStringList &arguments);
}
