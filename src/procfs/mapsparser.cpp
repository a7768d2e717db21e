#include "mapsparser.h"

#include "parsehelpers_p.h"
#include "procfstext.h"

using namespace ParseHelpers;

namespace {

const QByteArrayView deletedSuffix(" (deleted)");

// The fields read in two parts, as error messages name them.
const char *const addressRange = QT_TRANSLATE_NOOP("Procfs", "'start-end' address range");
const char *const device = QT_TRANSLATE_NOOP("Procfs", "a 'major:minor' device");

// Reads one hex or decimal field and the single character that must follow it (0: nothing).
template<unsigned Base>
bool readField(const char *&p, const char *end, quint64 *out, char separator, const char *what, QString *error)
{
    const char *const fieldStart = p;
    Number status = readUnsigned<Base>(p, end, out);
    if (status == Number::Ok && separator) {
        if (p < end && *p == separator)
            ++p;
        else
            status = Number::Invalid;
    }
    if (status == Number::Ok)
        return true;
    *error = numberError(status, what, QByteArrayView(fieldStart, end - fieldStart));
    return false;
}

// The kernel pads some columns; one or more spaces separate them.
bool skipSpaces(const char *&p, const char *end, const char *what, QString *error)
{
    if (p >= end || *p != ' ') {
        *error = expected(what, QByteArrayView(p, end - p));
        return false;
    }
    while (p < end && *p == ' ')
        ++p;
    return true;
}

} // namespace

bool ParseHelpers::parseMapsLine(QByteArrayView line, Mapping *mapping, QString *error, PathCache *cache)
{
    const char *p = line.data();
    const char *const end = p + line.size();
    Mapping m;
    quint64 major = 0;
    quint64 minor = 0;
    if (!readField<16>(p, end, &m.start, '-', addressRange, error)
        || !readField<16>(p, end, &m.end, 0, addressRange, error))
        return false;
    if (m.end < m.start) {
        *error = ProcfsText::tr("address range ends before it starts: %1").arg(quoted(line));
        return false;
    }
    if (!skipSpaces(p, end, QT_TRANSLATE_NOOP("Procfs", "a space before the permissions"), error))
        return false;
    const QByteArrayView perms(p, qMin<qsizetype>(4, end - p));
    if (perms.size() != 4 || (perms[0] != 'r' && perms[0] != '-') || (perms[1] != 'w' && perms[1] != '-')
        || (perms[2] != 'x' && perms[2] != '-') || (perms[3] != 's' && perms[3] != 'p')) {
        *error = expected(QT_TRANSLATE_NOOP("Procfs", "permissions like 'r-xp'"), QByteArrayView(p, end - p));
        return false;
    }
    m.readable = perms[0] == 'r';
    m.writable = perms[1] == 'w';
    m.executable = perms[2] == 'x';
    m.shared = perms[3] == 's';
    p += 4;
    if (!skipSpaces(p, end, QT_TRANSLATE_NOOP("Procfs", "a space after the permissions"), error)
        || !readField<16>(p, end, &m.offset, 0, QT_TRANSLATE_NOOP("Procfs", "a hex offset"), error)
        || !skipSpaces(p, end, QT_TRANSLATE_NOOP("Procfs", "a space after the offset"), error)
        || !readField<16>(p, end, &major, ':', device, error)
        || !readField<16>(p, end, &minor, 0, device, error))
        return false;
    if (major > std::numeric_limits<quint32>::max() || minor > std::numeric_limits<quint32>::max()) {
        *error = ProcfsText::tr("device number is too large: %1").arg(quoted(line));
        return false;
    }
    m.deviceMajor = quint32(major);
    m.deviceMinor = quint32(minor);
    if (!skipSpaces(p, end, QT_TRANSLATE_NOOP("Procfs", "a space after the device"), error)
        || !readField<10>(p, end, &m.inode, 0, QT_TRANSLATE_NOOP("Procfs", "a decimal inode"), error))
        return false;
    if (p < end && !skipSpaces(p, end, QT_TRANSLATE_NOOP("Procfs", "a space after the inode"), error))
        return false;

    // Everything after the padding is the name, spaces included (a file name may even end in one).
    QByteArrayView name(p, end - p);
    if (name.endsWith(deletedSuffix)) {
        m.deleted = true;
        name.chop(deletedSuffix.size());
    }
    if (!name.isEmpty()) {
        if (cache && cache->bytes == name) {
            m.path = cache->path;
        } else {
            m.path = QString::fromUtf8(name);
            if (cache) {
                cache->bytes = name;
                cache->path = m.path;
            }
        }
    }
    *mapping = std::move(m);
    return true;
}

bool MapsParser::parseLine(QByteArrayView line, Mapping *mapping, QString *error)
{
    return parseMapsLine(line, mapping, error, nullptr);
}

Parsed<QList<Mapping>> MapsParser::parse(QByteArrayView text)
{
    Parsed<QList<Mapping>> result;
    LineReader lines(text);
    PathCache cache;
    Mapping mapping;
    QString message;
    while (lines.next()) {
        if (!lines.terminated()) {
            result.error = lines.truncatedError();
            break;
        }
        if (!parseMapsLine(lines.line(), &mapping, &message, &cache)) {
            result.error = {lines.number(), message};
            break;
        }
        result.value.append(std::move(mapping));
    }
    return result;
}
