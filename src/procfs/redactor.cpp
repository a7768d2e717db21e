#include "redactor.h"

#include <QList>

#include <array>

namespace {
// Where Debian installs what it ships; paths below these name software, not people.
constexpr std::array SystemPrefixes = {"/usr/", "/lib/", "/lib32/", "/lib64/", "/libx32/", "/bin/", "/sbin/", "/etc/",
                                       "/opt/", "/var/lib/", "/dev/zero", "/dev/null", "/SYSV"};
constexpr QLatin1String DeletedSuffix(" (deleted)");

// A maps header line: start-end perms offset dev inode, then the path after the spaces that pad it.
// Returns where a file path starts, or -1 for a line without one, a [pseudo] path, or a key line of smaps.
qsizetype pathStart(QByteArrayView line)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype dash = line.indexOf('-');
    if (firstSpace < 0 || dash <= 0 || dash > firstSpace || line.first(firstSpace).contains(':'))
        return -1; // "Rss:   4 kB", "VmFlags: rd wr"
    qsizetype at = 0;
    for (int field = 0; field < 5; ++field) {
        at = line.indexOf(' ', at);
        if (at < 0)
            return -1;
        while (at < line.size() && line[at] == ' ')
            ++at;
    }
    return at < line.size() && line[at] == '/' ? at : -1;
}
} // namespace

bool Redactor::isSystemPath(QStringView path)
{
    for (const char *prefix : SystemPrefixes) {
        if (path.startsWith(QLatin1String(prefix)))
            return !path.contains(QLatin1String("/../"));
    }
    return false;
}

QString Redactor::path(const QString &original)
{
    // " (deleted)" is the kernel's note, not part of the name: keep it, so a reader still sees it.
    const bool deleted = original.endsWith(DeletedSuffix);
    const QString name = deleted ? original.chopped(DeletedSuffix.size()) : original;
    if (name.isEmpty() || !name.startsWith(QLatin1Char('/')) || isSystemPath(name))
        return original;
    auto alias = m_aliases.constFind(name);
    if (alias == m_aliases.cend())
        alias = m_aliases.insert(name, QStringLiteral("/redacted/file-%1").arg(m_aliases.size() + 1));
    return deleted ? *alias + DeletedSuffix : *alias;
}

QByteArray Redactor::mapsText(QByteArrayView text)
{
    QByteArray result;
    result.reserve(text.size());
    qsizetype lineStart = 0;
    while (lineStart < text.size()) {
        qsizetype lineEnd = text.indexOf('\n', lineStart);
        const bool terminated = lineEnd >= 0;
        if (!terminated)
            lineEnd = text.size();
        const QByteArrayView line = text.sliced(lineStart, lineEnd - lineStart);
        const qsizetype at = pathStart(line);
        if (at < 0) {
            result.append(line);
        } else {
            result.append(line.first(at));
            result.append(path(QString::fromUtf8(line.sliced(at))).toUtf8());
        }
        if (terminated)
            result.append('\n');
        lineStart = lineEnd + 1;
    }
    return result;
}

QByteArray Redactor::cmdline(QByteArrayView text)
{
    if (text.isEmpty())
        return QByteArray(); // a kernel thread's or zombie's: empty it stays
    const qsizetype end = text.indexOf('\0');
    const QByteArrayView program = end < 0 ? text : text.first(end);
    const qsizetype slash = program.lastIndexOf('/');
    return program.sliced(slash + 1).toByteArray() + '\0';
}
