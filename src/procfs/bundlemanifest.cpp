#include "bundlemanifest.h"

#include "parsehelpers_p.h"
#include "procfstext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QJsonParseError>

#include <array>
#include <limits>

namespace {

constexpr QLatin1String FormatName{"mematlas-bundle"};

struct StatusName
{
    ReadResult::Status status;
    QLatin1String name;
};
constexpr std::array statusNames{
    StatusName{ReadResult::Status::Ok, QLatin1String("ok")},
    StatusName{ReadResult::Status::NotFound, QLatin1String("not-found")},
    StatusName{ReadResult::Status::ProcessExited, QLatin1String("process-exited")},
    StatusName{ReadResult::Status::PermissionDenied, QLatin1String("permission-denied")},
    StatusName{ReadResult::Status::TooLarge, QLatin1String("too-large")},
    StatusName{ReadResult::Status::IoError, QLatin1String("io-error")},
};

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Typed field access that records the first problem, so fromJson reads as a list of fields.
class FieldReader
{
public:
    explicit FieldReader(QString *error)
        : m_error(error)
    {
    }

    bool failed() const { return !m_error->isEmpty(); }

    QJsonValue field(const QJsonObject &object, QLatin1String key, QJsonValue::Type type, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(ProcfsText::tr("\"%1\" is missing").arg(key));
            return value;
        }
        if (value.type() != type) {
            fail(ProcfsText::tr("\"%1\" has the wrong type").arg(key));
            return QJsonValue();
        }
        return value;
    }

    QString string(const QJsonObject &object, QLatin1String key, bool required = true)
    {
        return field(object, key, QJsonValue::String, required).toString();
    }

    // JSON numbers are doubles: integers up to 2^53 are exact, more than any field here needs.
    qint64 integer(const QJsonObject &object, QLatin1String key, qint64 min, qint64 max)
    {
        const QJsonValue value = field(object, key, QJsonValue::Double, true);
        const double number = value.toDouble();
        if (!value.isDouble())
            return 0;
        // The range first: converting a double beyond qint64 (5e50 in a damaged file) is undefined.
        if (!(number >= double(min) && number <= double(max)) || number != double(qint64(number))) {
            fail(ProcfsText::tr("\"%1\" is not a whole number from %2 to %3").arg(key).arg(min).arg(max));
            return 0;
        }
        return qint64(number);
    }

    QDateTime time(const QJsonObject &object, QLatin1String key)
    {
        const QString text = string(object, key);
        const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        // Quoted as the parsers quote text: escaped and cut short, since it may be anything.
        if (!failed() && !time.isValid())
            fail(ProcfsText::tr("\"%1\" is not an ISO 8601 time: %2").arg(key, ParseHelpers::quoted(text.toUtf8())));
        return time.toUTC();
    }

    QJsonArray array(const QJsonObject &object, QLatin1String key, bool required)
    {
        return field(object, key, QJsonValue::Array, required).toArray();
    }

    // Elements of an array of objects; a non-object element is an error.
    QList<QJsonObject> objects(const QJsonObject &object, QLatin1String key, bool required = true)
    {
        QList<QJsonObject> result;
        const QJsonArray values = array(object, key, required);
        for (const QJsonValue &value : values) {
            if (!value.isObject()) {
                fail(ProcfsText::tr("\"%1\" holds something other than objects").arg(key));
                return {};
            }
            result.append(value.toObject());
        }
        return result;
    }

    void fail(const QString &message)
    {
        if (m_error->isEmpty())
            *m_error = message;
    }

private:
    QString *m_error;
};

} // namespace

const BundleManifest::Unreadable *BundleManifest::unreadableEntry(const QString &path) const
{
    for (const Unreadable &entry : unreadable) {
        if (entry.path == path)
            return &entry;
    }
    return nullptr;
}

const BundleManifest::Process *BundleManifest::process(int pid) const
{
    for (const Process &entry : processes) {
        if (entry.pid == pid)
            return &entry;
    }
    return nullptr;
}

QString BundleManifest::statusName(ReadResult::Status status)
{
    for (const StatusName &entry : statusNames) {
        if (entry.status == status)
            return entry.name;
    }
    Q_UNREACHABLE();
}

std::optional<ReadResult::Status> BundleManifest::statusFromName(QStringView name)
{
    for (const StatusName &entry : statusNames) {
        if (name == entry.name)
            return entry.status;
    }
    return std::nullopt;
}

QByteArray BundleManifest::toJson() const
{
    QJsonArray processArray;
    for (const Process &process : processes) {
        QJsonObject object{{QStringLiteral("pid"), process.pid}};
        if (process.exited) {
            object.insert(QStringLiteral("exited"), true);
            object.insert(QStringLiteral("message"), process.message);
        } else {
            object.insert(QStringLiteral("command"), process.command);
        }
        processArray.append(object);
    }
    QJsonArray unreadableArray;
    for (const Unreadable &entry : unreadable)
        unreadableArray.append(QJsonObject{{QStringLiteral("path"), entry.path},
                                           {QStringLiteral("status"), statusName(entry.status)},
                                           {QStringLiteral("message"), entry.message}});
    QJsonArray sampleArray;
    for (const MeminfoSample &sample : meminfoSamples)
        sampleArray.append(QJsonObject{{QStringLiteral("path"), sample.path}, {QStringLiteral("time"), timeText(sample.time)}});

    QJsonObject root{
        {QStringLiteral("format"), FormatName},
        {QStringLiteral("formatVersion"), formatVersion},
        {QStringLiteral("tool"), tool},
        {QStringLiteral("source"), source},
        {QStringLiteral("kernelRelease"), kernelRelease},
        {QStringLiteral("hostName"), hostName},
        {QStringLiteral("pageSize"), qint64(pageSize)},
        {QStringLiteral("captureTime"), timeText(captureTime)},
        {QStringLiteral("entryCount"), entryCount},
        {QStringLiteral("processes"), processArray},
        {QStringLiteral("unreadable"), unreadableArray},
        {QStringLiteral("meminfoSamples"), sampleArray},
    };
    if (redacted)
        root.insert(QStringLiteral("redacted"), true);
    if (!timeline.isEmpty()) {
        QJsonArray timelineArray;
        for (const TimelineSnapshot &snapshot : timeline)
            timelineArray.append(QJsonObject{{QStringLiteral("dir"), snapshot.dir},
                                             {QStringLiteral("pid"), snapshot.pid},
                                             {QStringLiteral("command"), snapshot.command},
                                             {QStringLiteral("time"), timeText(snapshot.time)}});
        root.insert(QStringLiteral("timeline"), timelineArray);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<BundleManifest> BundleManifest::fromJson(QByteArrayView json, QString *error)
{
    error->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = ProcfsText::tr("not valid JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = ProcfsText::tr("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    FieldReader reader(error);
    if (reader.string(root, QLatin1String("format")) != FormatName) {
        reader.fail(ProcfsText::tr("\"format\" is not \"%1\"").arg(FormatName));
        return std::nullopt;
    }
    BundleManifest manifest;
    manifest.formatVersion = int(reader.integer(root, QLatin1String("formatVersion"), 1, std::numeric_limits<int>::max()));
    if (reader.failed())
        return std::nullopt;
    // Checked before anything else: a newer version may have changed what the other fields mean.
    if (manifest.formatVersion > CurrentFormatVersion) {
        *error = ProcfsText::tr("format version %1 is newer than this MemAtlas reads (%2); open it with a newer MemAtlas")
                     .arg(manifest.formatVersion)
                     .arg(CurrentFormatVersion);
        return std::nullopt;
    }
    manifest.tool = reader.string(root, QLatin1String("tool"));
    manifest.source = reader.string(root, QLatin1String("source"));
    manifest.kernelRelease = reader.string(root, QLatin1String("kernelRelease"));
    manifest.hostName = reader.string(root, QLatin1String("hostName"));
    manifest.pageSize = quint64(reader.integer(root, QLatin1String("pageSize"), 4096, 65536));
    if (!reader.failed() && (manifest.pageSize & (manifest.pageSize - 1)) != 0)
        reader.fail(ProcfsText::tr("\"pageSize\" %1 is not a power of two").arg(manifest.pageSize));
    manifest.captureTime = reader.time(root, QLatin1String("captureTime"));
    manifest.entryCount = int(reader.integer(root, QLatin1String("entryCount"), 0, std::numeric_limits<int>::max()));

    for (const QJsonObject &object : reader.objects(root, QLatin1String("processes"))) {
        Process process;
        process.pid = int(reader.integer(object, QLatin1String("pid"), 1, std::numeric_limits<int>::max()));
        process.exited = reader.field(object, QLatin1String("exited"), QJsonValue::Bool, false).toBool();
        if (process.exited)
            process.message = reader.string(object, QLatin1String("message"));
        else
            process.command = reader.string(object, QLatin1String("command"));
        manifest.processes.append(process);
    }
    for (const QJsonObject &object : reader.objects(root, QLatin1String("unreadable"))) {
        Unreadable entry;
        entry.path = reader.string(object, QLatin1String("path"));
        const QString status = reader.string(object, QLatin1String("status"));
        const std::optional<ReadResult::Status> known = statusFromName(status);
        if (!reader.failed() && (!known || *known == ReadResult::Status::Ok))
            reader.fail(ProcfsText::tr("unknown read status \"%1\"").arg(status));
        entry.status = known.value_or(ReadResult::Status::IoError);
        entry.message = reader.string(object, QLatin1String("message"));
        manifest.unreadable.append(entry);
    }
    for (const QJsonObject &object : reader.objects(root, QLatin1String("meminfoSamples")))
        manifest.meminfoSamples.append({reader.string(object, QLatin1String("path")), reader.time(object, QLatin1String("time"))});
    manifest.redacted = reader.field(root, QLatin1String("redacted"), QJsonValue::Bool, false).toBool();
    for (const QJsonObject &object : reader.objects(root, QLatin1String("timeline"), false)) {
        TimelineSnapshot snapshot;
        snapshot.dir = reader.string(object, QLatin1String("dir"));
        snapshot.pid = int(reader.integer(object, QLatin1String("pid"), 1, std::numeric_limits<int>::max()));
        snapshot.command = reader.string(object, QLatin1String("command"));
        snapshot.time = reader.time(object, QLatin1String("time"));
        // The reader files entries by these directories: anything else would be a path it never fills.
        if (!reader.failed() && !QRegularExpression(QStringLiteral("^timeline/[0-9]{3,6}/$")).match(snapshot.dir).hasMatch())
            reader.fail(ProcfsText::tr("timeline directory \"%1\" is not timeline/NNN/").arg(snapshot.dir));
        manifest.timeline.append(snapshot);
    }

    if (reader.failed())
        return std::nullopt;
    return manifest;
}
