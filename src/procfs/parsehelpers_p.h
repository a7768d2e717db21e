#pragma once

// Private to src/procfs: the byte-level pieces every parser shares. Hand-written digit loops
// instead of sscanf/QString, because smaps of a big process is tens of MB read every refresh.

#include "parseerror.h"
#include "procfstext.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtEndian>
#include <QtGlobal>

#include <array>
#include <bit>
#include <cstring>
#include <limits>

struct Mapping;

namespace ParseHelpers {

inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Skips spaces and tabs. smaps pads every value to a column ("Rss:                   4 kB"), so
// spaces are skipped a word at a time: a big smaps parses a quarter faster.
inline const char *skipBlanks(const char *p, const char *end)
{
    constexpr quint64 eightSpaces = 0x2020202020202020;
    while (end - p >= 8) {
        const quint64 notSpace = qFromLittleEndian<quint64>(p) ^ eightSpaces;
        if (notSpace) {
            p += std::countr_zero(notSpace) / 8; // the first byte that is not a space
            break;
        }
        p += 8;
    }
    while (p < end && isBlank(*p))
        ++p;
    return p;
}

// The value of each byte as a hex digit; 16 for bytes that are not one.
inline constexpr std::array<quint8, 256> hexDigitValues = [] {
    std::array<quint8, 256> values{};
    for (int c = 0; c < 256; ++c)
        values[c] = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
    return values;
}();

inline unsigned hexDigitValue(char c)
{
    return hexDigitValues[static_cast<unsigned char>(c)];
}

// Invalid: no digits where a number was due, or text after it that does not belong there.
enum class Number { Ok, Invalid, Overflow };

// Reads an unsigned base-10 or base-16 number at p, advancing p past its digits.
template<unsigned Base>
Number readUnsigned(const char *&p, const char *end, quint64 *out)
{
    static_assert(Base == 10 || Base == 16);
    constexpr quint64 max = std::numeric_limits<quint64>::max();
    constexpr quint64 maxBeforeMultiply = max / Base;
    constexpr quint64 maxLastDigit = max % Base;
    const char *const first = p;
    quint64 value = 0;
    for (; p < end; ++p) {
        const unsigned digit = hexDigitValue(*p);
        if (digit >= Base)
            break;
        if (value > maxBeforeMultiply || (value == maxBeforeMultiply && digit > maxLastDigit))
            return Number::Overflow;
        value = value * Base + digit;
    }
    if (p == first)
        return Number::Invalid;
    *out = value;
    return Number::Ok;
}

// Text for an error message: at most 60 characters, with control and non-ASCII bytes escaped so
// that binary garbage stays readable.
constexpr qsizetype maxShown = 60;

inline QString escaped(QByteArrayView text)
{
    QString out;
    out.reserve(maxShown + 4);
    for (qsizetype i = 0; i < text.size() && i < maxShown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += QLatin1Char('\\');
            out += QLatin1Char(char(c));
        } else if (c >= 0x20 && c < 0x7f) {
            out += QLatin1Char(char(c));
        } else if (c == '\t') {
            out += QLatin1String("\\t");
        } else {
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

// The offending text, quoted; "..." after the quote when it was cut.
inline QString quoted(QByteArrayView text)
{
    return QLatin1Char('"') + escaped(text) + QLatin1Char('"') + (text.size() > maxShown ? QStringLiteral("...") : QString());
}

// WHAT and FORM below are English source texts marked with QT_TRANSLATE_NOOP("Procfs", ...) by the
// callers; they are translated here, only once an error is built, never per parsed line.

// "expected WHAT, got "TEXT"": the shape of every syntax error message.
inline QString expected(const char *what, QByteArrayView got)
{
    return ProcfsText::tr("expected %1, got %2").arg(ProcfsText::tr(what), quoted(got));
}

// The message for a failed readUnsigned().
inline QString numberError(Number status, const char *what, QByteArrayView got)
{
    if (status == Number::Overflow)
        return ProcfsText::tr("%1 is too large: %2").arg(ProcfsText::tr(what), quoted(got));
    return expected(what, got);
}

// The message for a bad "Key: value" line: FORM is what the value should look like.
inline QString valueError(Number status, QByteArrayView key, const char *form, QByteArrayView value)
{
    value = value.trimmed(); // column padding would crowd the value out of the quote
    if (status == Number::Overflow)
        return ProcfsText::tr("value of %1 is too large: %2").arg(escaped(key), quoted(value));
    return ProcfsText::tr("expected %1 after \"%2:\", got %3").arg(ProcfsText::tr(form), escaped(key), quoted(value));
}

// A last line without its '\n': the read was cut (the kernel ends every line).
inline QString truncatedLine(QByteArrayView line)
{
    return ProcfsText::tr("truncated line (no newline at end of input): %1").arg(quoted(line));
}

// Walks text line by line with memchr. The kernel ends every line with '\n', so an unterminated
// last line means the read was cut short: it is reported, since a cut number or path would
// otherwise look valid.
class LineReader
{
public:
    explicit LineReader(QByteArrayView text)
        : m_pos(text.data())
        , m_end(text.data() + text.size())
    {
    }

    bool next()
    {
        if (m_pos >= m_end)
            return false;
        const auto *newline = static_cast<const char *>(std::memchr(m_pos, '\n', size_t(m_end - m_pos)));
        m_terminated = newline != nullptr;
        const char *lineEnd = m_terminated ? newline : m_end;
        m_line = QByteArrayView(m_pos, lineEnd - m_pos);
        m_pos = m_terminated ? newline + 1 : m_end;
        ++m_number;
        return true;
    }

    QByteArrayView line() const { return m_line; }
    int number() const { return m_number; } // 1-based
    bool terminated() const { return m_terminated; }
    ParseError truncatedError() const
    {
        return {m_number, truncatedLine(m_line)};
    }

private:
    const char *m_pos;
    const char *m_end;
    QByteArrayView m_line;
    int m_number = 0;
    bool m_terminated = false;
};

// Kernel keys ("VmRSS", "Active(anon)", "Pss_Dirty") are printable ASCII without spaces; checking
// that keeps binary garbage that happens to hold a ':' from passing as a key.
inline bool isKeyName(QByteArrayView key)
{
    if (key.isEmpty())
        return false;
    for (char c : key) {
        if (c <= ' ' || c > '~')
            return false;
    }
    return true;
}

// Parses "KEY: value" lines (status, meminfo): splits at the first ':' and trims the value.
// Returns false when there is no colon or the key is not a key name.
inline bool splitKeyValue(QByteArrayView line, QByteArrayView *key, QByteArrayView *value)
{
    const qsizetype colon = line.indexOf(':');
    if (colon < 0 || !isKeyName(line.first(colon)))
        return false;
    *key = line.first(colon);
    *value = line.sliced(colon + 1).trimmed();
    return true;
}

// Walks the "KEY: value" lines of a status or meminfo text: calls visit(key, value, lineNumber) for
// each, which returns an empty string to go on or the reason the value is bad. Returns the first
// error (empty text, a cut last line, a line that is not "KEY: value", a bad value), or none.
// LINESHAPE is marked for translation like expected()'s WHAT.
template<typename Visit>
ParseError forEachKeyValue(QByteArrayView text, QLatin1String fileName, const char *lineShape, Visit visit)
{
    if (text.isEmpty())
        return {0, ProcfsText::tr("%1 is empty").arg(fileName)};
    LineReader lines(text);
    while (lines.next()) {
        if (!lines.terminated())
            return lines.truncatedError();
        QByteArrayView key;
        QByteArrayView value;
        if (!splitKeyValue(lines.line(), &key, &value))
            return {lines.number(), expected(lineShape, lines.line())};
        const QString problem = visit(key, value);
        if (!problem.isEmpty())
            return {lines.number(), problem};
    }
    return {};
}

// A whole value that is one number, blanks around it allowed ("THPeligible:    1", statm fields).
inline Number parseNumber(QByteArrayView value, quint64 *number)
{
    const char *p = value.data();
    const char *const end = p + value.size();
    p = skipBlanks(p, end);
    const Number status = readUnsigned<10>(p, end, number);
    p = skipBlanks(p, end);
    return status != Number::Ok || p == end ? status : Number::Invalid;
}

// "1234 kB" or "1234" (meminfo and status print counts without a unit). Number::Invalid on
// anything else: other units, trailing text, no digits.
inline Number parseKbValue(QByteArrayView value, quint64 *number, bool *hasKbUnit)
{
    const char *p = value.data();
    const char *const end = p + value.size();
    p = skipBlanks(p, end);
    const Number status = readUnsigned<10>(p, end, number);
    if (status != Number::Ok)
        return status;
    p = skipBlanks(p, end);
    *hasKbUnit = end - p >= 2 && p[0] == 'k' && p[1] == 'B';
    if (*hasKbUnit)
        p += 2;
    p = skipBlanks(p, end);
    return p == end ? Number::Ok : Number::Invalid;
}

// One maps header line, shared by the maps and smaps parsers. The cache lets consecutive lines
// of one file (a library maps 4-5 segments in a row) share one path string instead of each
// allocating its own; it points into the text being parsed, so it lives as long as one parse.
struct PathCache
{
    QByteArrayView bytes;
    QString path;
};
bool parseMapsLine(QByteArrayView line, Mapping *mapping, QString *error, PathCache *cache);

// The SmapsEntry::Key a "Key: value" line starts with, or -1; *colon is the colon's index, -1 if
// none. Tries the key *hint first, then moves the hint past the key found: the kernel prints keys in
// a fixed order, so the guess is nearly always right and spares the search for the colon.
int smapsLineKey(QByteArrayView line, int *hint, qsizetype *colon);

// A VmFlags code as stored in SmapsEntry::vmFlags.
QByteArray vmFlag(QByteArrayView code);

} // namespace ParseHelpers
