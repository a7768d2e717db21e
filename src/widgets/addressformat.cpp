#include "addressformat.h"

#include <QLocale>

#include <array>
#include <cmath>

namespace AddressFormat {
QString hex(quint64 address, int minDigits)
{
    const QString digits = QStringLiteral("%1").arg(address, minDigits, 16, QLatin1Char('0'));
    QString grouped = QStringLiteral("0x");
    grouped.reserve(2 + digits.size() + digits.size() / 4);
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 4 == 0)
            grouped += QLatin1Char('_');
        grouped += digits.at(i);
    }
    return grouped;
}

int digits(quint64 address, int addressBits)
{
    if (addressBits <= 32 && address <= 0xffffffffull)
        return 8;
    if (address < (quint64(1) << 48))
        return 12;
    return address < (quint64(1) << 56) ? 14 : 16;
}

QString size(quint64 bytes)
{
    static const std::array<const char *, 7> units = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    std::size_t unit = 0;
    double value = double(bytes);
    while (value >= 1023.95 && unit + 1 < units.size()) {
        value /= 1024.0;
        ++unit;
    }
    const bool whole = value - std::floor(value) < 0.05 || value - std::floor(value) > 0.95;
    const QString number = QLocale().toString(value, 'f', whole ? 0 : 1);
    return number + QLatin1Char(' ') + QLatin1String(units[unit]);
}

quint64 spanBytes(quint64 first, quint64 last)
{
    const quint64 span = last - first;
    return span == ~quint64(0) ? span : span + 1;
}
}
