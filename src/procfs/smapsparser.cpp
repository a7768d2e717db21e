#include "smapsparser.h"

#include "parsehelpers_p.h"

#include <cstring>

using namespace ParseHelpers;

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A maps header starts with hex digits and '-'; a key line with a name and ':' ("Anonymous:"
// starts with a hex digit too, so the '-' decides).
bool isHeader(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && isHexDigit(line[i]))
        ++i;
    return i > 0 && i < line.size() && line[i] == '-';
}

void parseVmFlags(QByteArrayView value, QByteArrayList *flags)
{
    flags->clear();
    flags->reserve(value.size() / 3 + 1); // "rd mr mw " : three bytes a flag
    const char *p = value.data();
    const char *const end = p + value.size();
    for (;;) {
        while (p < end && isBlank(*p))
            ++p;
        if (p == end)
            break;
        const char *const token = p;
        while (p < end && !isBlank(*p))
            ++p;
        flags->append(vmFlag(QByteArrayView(token, p - token)));
    }
}

// One "Key:   value" line into entry. Known keys fill their slot; unknown ones are kept as text.
bool parseKeyLine(QByteArrayView line, SmapsEntry *entry, int *hint, QString *error)
{
    const auto *colon = static_cast<const char *>(std::memchr(line.data(), ':', size_t(line.size())));
    if (!colon) {
        *error = expected(QLatin1String("a maps header or a 'Key: value' line"), line);
        return false;
    }
    const QByteArrayView key(line.data(), colon - line.data());
    const QByteArrayView value(colon + 1, line.data() + line.size() - colon - 1);

    const int known = smapsKeyIndex(key, hint);
    if (known >= 0) {
        quint64 kB = 0;
        bool hasKbUnit = false;
        Number status = parseKbValue(value, &kB, &hasKbUnit);
        if (status == Number::Ok && !hasKbUnit)
            status = Number::Invalid;
        if (status != Number::Ok) {
            *error = valueError(status, key, QLatin1String("'N kB'"), value);
            return false;
        }
        entry->set(SmapsEntry::Key(known), kB);
        return true;
    }
    if (key == "VmFlags") {
        parseVmFlags(value, &entry->vmFlags);
        return true;
    }
    if (key == "THPeligible" || key == "ProtectionKey") {
        // Plain numbers without a unit.
        const bool thp = key == "THPeligible";
        quint64 number = 0;
        Number status = parseNumber(value, &number);
        if (status == Number::Ok && number > (thp ? 1u : quint64(std::numeric_limits<int>::max())))
            status = thp ? Number::Invalid : Number::Overflow;
        if (status != Number::Ok) {
            *error = valueError(status, key, QLatin1String(thp ? "0 or 1" : "a number"), value);
            return false;
        }
        if (thp)
            entry->thpEligible = number == 1;
        else
            entry->protectionKey = int(number);
        return true;
    }
    if (!isKeyName(key)) {
        *error = expected(QLatin1String("a maps header or a 'Key: value' line"), line);
        return false;
    }
    entry->unknown.append({key.toByteArray(), value.trimmed().toByteArray()});
    return true;
}

// Fills entries until the text ends or an error; entries started before the error stay.
ParseError parseEntries(QByteArrayView text, QList<SmapsEntry> *entries, bool rollup)
{
    LineReader lines(text);
    PathCache cache;
    SmapsEntry *current = nullptr;
    int hint = 0;
    QString message;
    while (lines.next()) {
        if (!lines.terminated())
            return lines.truncatedError();
        const QByteArrayView line = lines.line();
        if (isHeader(line)) {
            if (rollup && current)
                return {lines.number(), QStringLiteral("a second header line in smaps_rollup: %1").arg(quoted(line))};
            SmapsEntry &entry = entries->emplaceBack();
            if (!parseMapsLine(line, &entry.mapping, &message, &cache)) {
                entries->removeLast();
                return {lines.number(), message};
            }
            current = &entry;
            hint = 0;
        } else if (!current) {
            return {lines.number(), expected(QLatin1String("a maps header line"), line)};
        } else if (!parseKeyLine(line, current, &hint, &message)) {
            return {lines.number(), message};
        }
    }
    return {};
}

} // namespace

Parsed<QList<SmapsEntry>> SmapsParser::parse(QByteArrayView text)
{
    Parsed<QList<SmapsEntry>> result;
    result.error = parseEntries(text, &result.value, false);
    return result;
}

Parsed<SmapsEntry> SmapsParser::parseRollup(QByteArrayView text)
{
    Parsed<SmapsEntry> result;
    QList<SmapsEntry> entries;
    result.error = parseEntries(text, &entries, true);
    if (!entries.isEmpty())
        result.value = std::move(entries.first());
    else if (!result.error.isError())
        result.error.message = QStringLiteral("smaps_rollup is empty: expected a \"[rollup]\" header line");
    return result;
}
