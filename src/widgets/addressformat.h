#pragma once

#include <QString>
#include <QtGlobal>

// Texts for addresses and byte counts as the address-space view prints them.
namespace AddressFormat {
// "0x7f12_3456_0000": hex grouped by four digits, zero-padded to at least minDigits digits.
QString hex(quint64 address, int minDigits = 12);
// Digits an address gets in a process with this many address bits: 8 in a 32-bit space, else 12
// up to 48 bits (user space lines up in a column), 14 up to 56 bits, 16 above (the kernel half).
int digits(quint64 address, int addressBits);
// "4 KiB", "1.8 MiB", "21.3 TiB", "16 EiB": binary units, one decimal unless whole; any 64-bit count.
QString size(quint64 bytes);
// Byte count of the inclusive range [first, last]; saturates at 2^64 - 1 (the whole space).
quint64 spanBytes(quint64 first, quint64 last);
}
