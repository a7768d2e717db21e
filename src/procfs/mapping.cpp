#include "mapping.h"

QString Mapping::permissions() const
{
    const char text[] = {readable ? 'r' : '-', writable ? 'w' : '-', executable ? 'x' : '-', shared ? 's' : 'p'};
    return QString::fromLatin1(text, sizeof text);
}

QString Mapping::device() const
{
    return QString::asprintf("%02x:%02x", deviceMajor, deviceMinor);
}

QString Mapping::toMapsLine() const
{
    // show_vma_header_prefix() prints "start-end perms offset major:minor inode " with at least
    // 8/8/8/2/2 hex digits; a name is then padded to column 25 + 6 * sizeof(void *) - 1 = 72
    // (64-bit kernels) and follows one more space. A line without a name keeps the trailing space.
    QString line = QString::asprintf("%08llx-%08llx ", static_cast<unsigned long long>(start),
                                     static_cast<unsigned long long>(end))
        + permissions()
        + QString::asprintf(" %08llx %02x:%02x %llu ", static_cast<unsigned long long>(offset), deviceMajor,
                            deviceMinor, static_cast<unsigned long long>(inode));
    if (path.isEmpty())
        return line;
    constexpr qsizetype nameColumn = 72;
    if (line.size() < nameColumn)
        line += QString(nameColumn - line.size(), QLatin1Char(' '));
    line += QLatin1Char(' ') + path;
    if (deleted)
        line += QLatin1String(" (deleted)");
    return line;
}
