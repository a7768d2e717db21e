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
    result.error = forEachKeyValue(text, QLatin1String("meminfo"), QT_TRANSLATE_NOOP("Procfs", "'Key: value kB'"),
                                   [&](QByteArrayView key, QByteArrayView value) {
                                       Field field;
                                       const Number status = parseKbValue(value, &field.value, &field.hasKbUnit);
                                       if (status != Number::Ok)
                                           return valueError(status, key, QT_TRANSLATE_NOOP("Procfs", "'N kB' or 'N'"), value);
                                       field.key = key.toByteArray();
                                       result.value.fields.append(std::move(field));
                                       return QString();
                                   });
    return result;
}
