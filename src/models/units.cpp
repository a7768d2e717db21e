#include "units.h"

#include <QLocale>

QString Units::formatKb(quint64 kb)
{
    const QLocale locale;
    if (kb < 1024)
        return locale.toString(kb) + QStringLiteral(" KiB");
    return locale.formattedDataSize(qint64(kb * 1024), 1, QLocale::DataSizeIecFormat);
}

QString Units::formatAddress(quint64 address)
{
    return QStringLiteral("0x%1").arg(address, 12, 16, QLatin1Char('0'));
}
