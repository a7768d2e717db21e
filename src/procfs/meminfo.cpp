#include "meminfo.h"

#include "parsehelpers_p.h"

using namespace ParseHelpers;

std::optional<quint64> Meminfo::value(QByteArrayView key) const
{
    for (const Field &field : fields) {
        if (field.key == key)
            return field.value;
    }
    return std::nullopt;
}

quint64 Meminfo::valueOr(QByteArrayView key, quint64 fallback) const
{
    return value(key).value_or(fallback);
}

Parsed<Meminfo> Meminfo::parse(QByteArrayView text)
{
    Parsed<Meminfo> result;
    if (text.isEmpty()) {
        result.error.message = QStringLiteral("meminfo is empty");
        return result;
    }
    LineReader lines(text);
    while (lines.next()) {
        if (!lines.terminated()) {
            result.error = lines.truncatedError();
            break;
        }
        QByteArrayView key;
        QByteArrayView value;
        if (!splitKeyValue(lines.line(), &key, &value)) {
            result.error = {lines.number(), expected(QLatin1String("'Key: value kB'"), lines.line())};
            break;
        }
        Field field;
        const Number status = parseKbValue(value, &field.value, &field.hasKbUnit);
        if (status != Number::Ok) {
            result.error = {lines.number(), valueError(status, key, QLatin1String("'N kB' or 'N'"), value)};
            break;
        }
        field.key = key.toByteArray();
        result.value.fields.append(std::move(field));
    }
    return result;
}
