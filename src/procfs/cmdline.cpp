#include "cmdline.h"

QStringList Cmdline::parse(QByteArrayView bytes)
{
    QStringList arguments;
    if (bytes.isEmpty())
        return arguments;
    // A trailing NUL ends the last argument; without one (a process that rewrote its command line)
    // the text after the last NUL is still an argument. "\0" alone is one empty argument.
    if (bytes.endsWith('\0'))
        bytes.chop(1);
    for (;;) {
        const qsizetype nul = bytes.indexOf('\0');
        arguments.append(QString::fromUtf8(nul < 0 ? bytes : bytes.first(nul)));
        if (nul < 0)
            break;
        bytes = bytes.sliced(nul + 1);
    }
    return arguments;
}

QString Cmdline::toDisplayString(const QStringList &arguments)
{
    return arguments.join(QLatin1Char(' '));
}
