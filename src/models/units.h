#pragma once

#include <QString>
#include <QtGlobal>

// Display formatting shared by the models. Only DisplayRole uses it; raw values stay in kB/bytes.
namespace Units {
// procfs "kB" values (really KiB) as "1.5 MiB"; below 1 MiB as whole "512 KiB", since procfs has no finer unit.
QString formatKb(quint64 kb);
// "0x7f3a1c000000": at least 12 hex digits so user-space addresses line up in a column.
QString formatAddress(quint64 address);
}
