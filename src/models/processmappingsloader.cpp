#include "processmappingsloader.h"
#include "mapsparser.h"
#include "smapsparser.h"
#include "sourceread_p.h"
#include "whenfinished_p.h"

#include <QtConcurrent/QtConcurrentRun>

namespace {
struct MapsRead
{
    SourceRead<QList<Mapping>> maps;
    QList<SegmentClassification> classes;
    QByteArray status; // cheap, read with maps for the raw view
    QByteArray meminfo;
};

MapsRead readMaps(const std::shared_ptr<const ProcSource> &source, int pid)
{
    MapsRead result;
    result.maps = readAndParse(*source, QStringLiteral("%1/maps").arg(pid), &MapsParser::parse);
    if (result.maps.status == ReadResult::Status::Ok)
        result.classes = Segments::classify(result.maps.value, source->readLink(QStringLiteral("%1/exe").arg(pid)));
    result.status = source->readFile(QStringLiteral("%1/status").arg(pid)).data;
    result.meminfo = source->readFile(QStringLiteral("meminfo")).data;
    return result;
}

SourceRead<QList<SmapsEntry>> readSmaps(const std::shared_ptr<const ProcSource> &source, int pid)
{
    return readAndParse(*source, QStringLiteral("%1/smaps").arg(pid), &SmapsParser::parse);
}
}

ProcessMappingsLoader::ProcessMappingsLoader(QObject *parent)
    : QObject(parent)
{
}

void ProcessMappingsLoader::load(std::shared_ptr<const ProcSource> source, int pid)
{
    const quint64 generation = ++m_generation;
    m_pid = pid;
    m_loading = true;
    whenFinished(this, QtConcurrent::run(readMaps, source, pid), [this, source, pid, generation](const MapsRead &read) {
        if (generation != m_generation)
            return;
        if (read.maps.status != ReadResult::Status::Ok)
            return fail(pid, read.maps.status, read.maps.error);
        Q_EMIT mapsLoaded(pid, read.maps.value, read.classes);
        emitRawTexts(pid, generation, {{QStringLiteral("maps"), read.maps.text},
                                       {QStringLiteral("status"), read.status},
                                       {QStringLiteral("meminfo"), read.meminfo}});
        // A slot connected to mapsLoaded may have started another load.
        if (generation != m_generation)
            return;
        if (!read.maps.ok())
            return fail(pid, read.maps.status, read.maps.error);
        loadSmaps(source, pid, generation);
    });
}

void ProcessMappingsLoader::loadSmaps(const std::shared_ptr<const ProcSource> &source, int pid, quint64 generation)
{
    whenFinished(this, QtConcurrent::run(readSmaps, source, pid),
                 [this, pid, generation](const SourceRead<QList<SmapsEntry>> &smaps) {
                     if (generation != m_generation)
                         return;
                     if (smaps.status != ReadResult::Status::Ok)
                         return fail(pid, smaps.status, smaps.error);
                     if (smaps.ok())
                         m_loading = false;
                     Q_EMIT smapsLoaded(pid, smaps.value);
                     emitRawTexts(pid, generation, {{QStringLiteral("smaps"), smaps.text}});
                     if (!smaps.ok() && generation == m_generation)
                         fail(pid, smaps.status, smaps.error);
                 });
}

void ProcessMappingsLoader::emitRawTexts(int pid, quint64 generation,
                                         const QList<QPair<QString, QByteArray>> &texts)
{
    for (const auto &[name, text] : texts) {
        // A slot may have started another load, which makes the rest stale.
        if (generation != m_generation)
            return;
        if (!text.isEmpty())
            Q_EMIT rawTextLoaded(pid, name, text);
    }
}

void ProcessMappingsLoader::fail(int pid, ReadResult::Status status, const QString &message)
{
    m_loading = false;
    Q_EMIT loadFailed(pid, status, message);
}

void ProcessMappingsLoader::cancel()
{
    ++m_generation;
    m_loading = false;
}
