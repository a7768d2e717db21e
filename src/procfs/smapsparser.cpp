#include "smapsparser.h"

#include "parsehelpers_p.h"
#include "procfstext.h"

#include <cstring>

using namespace ParseHelpers;

namespace {

// What a line of an entry may be, as error messages name it.
const char *const headerOrKeyLine = QT_TRANSLATE_NOOP("Procfs", "a maps header or a 'Key: value' line");

// A maps header starts with hex digits and '-'; a key line with a name and ':' ("Anonymous:"
// starts with a hex digit too, so the '-' decides).
bool isHeader(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && hexDigitValue(line[i]) < 16)
        ++i;
    return i > 0 && i < line.size() && line[i] == '-';
}

void parseVmFlags(QByteArrayView value, QByteArrayList *flags)
{
    // Counted first, then filled in place: one allocation for the list of every entry.
    const auto forEachFlag = [value](auto &&use) {
        const char *p = value.data();
        const char *const end = p + value.size();
        for (;;) {
            p = skipBlanks(p, end);
            if (p == end)
                return;
            const char *const flag = p;
            while (p < end && !isBlank(*p))
                ++p;
            use(QByteArrayView(flag, p - flag));
        }
    };
    qsizetype count = 0;
    forEachFlag([&count](QByteArrayView) { ++count; });
    flags->clear();
    flags->resize(count);
    QByteArray *out = flags->data();
    forEachFlag([&out](QByteArrayView flag) { *out++ = vmFlag(flag); });
}

// A value without a unit, at most max (THPeligible, ProtectionKey).
bool parsePlainValue(QByteArrayView key, QByteArrayView value, quint64 max, const char *form, quint64 *number,
                     QString *error)
{
    Number status = parseNumber(value, number);
    if (status == Number::Ok && *number > max)
        status = Number::Invalid;
    if (status != Number::Ok)
        *error = valueError(status, key, form, value);
    return status == Number::Ok;
}

// One "Key:   value" line into entry. Known keys fill their slot; unknown ones are kept as text.
bool parseKeyLine(QByteArrayView line, SmapsEntry *entry, int *hint, QString *error)
{
    qsizetype colon = -1;
    const int known = smapsLineKey(line, hint, &colon);
    if (colon < 0) {
        *error = expected(headerOrKeyLine, line);
        return false;
    }
    const QByteArrayView key = line.first(colon);
    const QByteArrayView value = line.sliced(colon + 1);
    if (known >= 0) {
        quint64 kB = 0;
        bool hasKbUnit = false;
        Number status = parseKbValue(value, &kB, &hasKbUnit);
        if (status == Number::Ok && !hasKbUnit)
            status = Number::Invalid;
        if (status != Number::Ok) {
            *error = valueError(status, key, QT_TRANSLATE_NOOP("Procfs", "'N kB'"), value);
            return false;
        }
        entry->set(SmapsEntry::Key(known), kB);
        return true;
    }
    if (key == "VmFlags") {
        parseVmFlags(value, &entry->vmFlags);
        return true;
    }
    quint64 number = 0;
    if (key == "THPeligible") {
        if (!parsePlainValue(key, value, 1, QT_TRANSLATE_NOOP("Procfs", "0 or 1"), &number, error))
            return false;
        entry->thpEligible = number == 1;
        return true;
    }
    if (key == "ProtectionKey") {
        if (!parsePlainValue(key, value, std::numeric_limits<int>::max(), QT_TRANSLATE_NOOP("Procfs", "a key number"),
                             &number, error))
            return false;
        entry->protectionKey = int(number);
        return true;
    }
    if (!isKeyName(key)) {
        *error = expected(headerOrKeyLine, line);
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
                return {lines.number(), ProcfsText::tr("a second header line in smaps_rollup: %1").arg(quoted(line))};
            SmapsEntry &entry = entries->emplaceBack();
            if (!parseMapsLine(line, &entry.mapping, &message, &cache)) {
                entries->removeLast();
                return {lines.number(), message};
            }
            current = &entry;
            hint = 0;
        } else if (!current) {
            return {lines.number(), expected(QT_TRANSLATE_NOOP("Procfs", "a maps header line"), line)};
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
        result.error.message = ProcfsText::tr("smaps_rollup is empty: expected a \"[rollup]\" header line");
    return result;
}
