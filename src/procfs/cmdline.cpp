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
    // As top and ps do: a newline or escape inside an argument must not break a one-line display.
    QString text = arguments.join(QLatin1Char(' '));
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    return text;
}
