#include "processstatus.h"

#include "parsehelpers_p.h"

using namespace ParseHelpers;

namespace {

std::optional<quint64> numberValue(QByteArrayView value)
{
    quint64 number = 0;
    if (parseNumber(value, &number) != Number::Ok)
        return std::nullopt;
    return number;
}

int intValue(QByteArrayView value)
{
    const auto number = numberValue(value);
    return number && *number <= quint64(std::numeric_limits<int>::max()) ? int(*number) : 0;
}

} // namespace

QByteArray ProcessStatus::value(QByteArrayView key) const
{
    for (const auto &field : fields) {
        if (field.first == key)
            return field.second;
    }
    return {};
}

std::optional<quint64> ProcessStatus::kB(QByteArrayView key) const
{
    quint64 number = 0;
    bool hasKbUnit = false;
    if (parseKbValue(value(key), &number, &hasKbUnit) != Number::Ok || !hasKbUnit)
        return std::nullopt;
    return number;
}

QString ProcessStatus::name() const
{
    return QString::fromUtf8(value("Name"));
}

int ProcessStatus::pid() const
{
    return intValue(value("Pid"));
}

int ProcessStatus::ppid() const
{
    return intValue(value("PPid"));
}

std::optional<quint32> ProcessStatus::realUid() const
{
    // "Uid:\treal\teffective\tsaved\tfilesystem"
    const QByteArray uids = value("Uid");
    qsizetype end = 0;
    while (end < uids.size() && !isBlank(uids[end]))
        ++end;
    const auto uid = numberValue(QByteArrayView(uids).first(end));
    if (!uid || *uid > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return quint32(*uid);
}

int ProcessStatus::threads() const
{
    return intValue(value("Threads"));
}

Parsed<ProcessStatus> ProcessStatus::parse(QByteArrayView text)
{
    Parsed<ProcessStatus> result;
    result.error = forEachKeyValue(text, QLatin1String("status"), QT_TRANSLATE_NOOP("Procfs", "'Key:\\tvalue'"),
                                   [&](QByteArrayView key, QByteArrayView value) {
                                       result.value.fields.append({key.toByteArray(), value.toByteArray()});
                                       return QString();
                                   });
    return result;
}
