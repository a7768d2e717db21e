#include "snapshot.h"

#include "cmdline.h"
#include "mapsparser.h"
#include "pagemapreader.h"
#include "pagemapsnapshot.h"
#include "procsource.h"
#include "smapsparser.h"
#include "sourceread_p.h"

QByteArray Snapshot::file(const QString &name) const
{
    for (const auto &[fileName, data] : files) {
        if (fileName == name)
            return data;
    }
    return QByteArray();
}

BundleWriter::RecordedProcess Snapshot::recorded() const
{
    return {pid, command, wallTime, files, exeTarget, pages};
}

std::optional<quint64> Snapshot::total(SmapsEntry::Key key) const
{
    if (rollup)
        return rollup->value(key);
    if (!hasSmaps)
        return std::nullopt;
    quint64 sum = 0;
    for (const SmapsEntry &entry : mappings)
        sum += entry.value(key);
    return sum;
}

namespace {
// Mappings with something in memory or swap: the rest would only add zero entries to the pagemap.
QList<QPair<quint64, quint64>> touchedRanges(const Snapshot &snapshot)
{
    QList<QPair<quint64, quint64>> ranges;
    for (const SmapsEntry &entry : snapshot.mappings) {
        if (!snapshot.hasSmaps || entry.value(SmapsEntry::Rss) > 0 || entry.value(SmapsEntry::Swap) > 0)
            ranges.append({entry.mapping.start, entry.mapping.end});
    }
    return ranges;
}

void readPages(const ProcSource &source, const Snapshot::Options &options, Snapshot *snapshot)
{
    const QList<QPair<quint64, quint64>> ranges = touchedRanges(*snapshot);
    if (ranges.isEmpty()) // PageMapReader reads every mapping for an empty list
        return;
    PageMapReader reader(source);
    reader.setReadFrames(false); // frame numbers are enough to see a page move
    reader.setMaxPages(options.maxPages);
    ReadOutcome<PageMapSnapshot> read = reader.read(snapshot->pid, ranges);
    if (read.ok())
        snapshot->pages = std::make_shared<const PageMapSnapshot>(std::move(read.value));
    else
        snapshot->pagesError = read.error;
}
} // namespace

std::optional<Snapshot> Snapshot::take(const ProcSource &source, int pid, QString *error)
{
    return take(source, pid, Options(), error);
}

std::optional<Snapshot> Snapshot::take(const ProcSource &source, int pid, const Options &options, QString *error)
{
    const QString dir = QString::number(pid) + QLatin1Char('/');
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = QStringLiteral("Cannot take a snapshot of process %1: %2").arg(pid).arg(reason);
        return std::nullopt;
    };

    Snapshot snapshot;
    snapshot.wallTime = QDateTime::currentDateTime();
    snapshot.pid = pid;

    // A parse error means a cut or garbled read: diffing a partial list would report phantom
    // removals, so it fails the snapshot rather than being kept.
    auto smaps = readAndParse(source, dir + QStringLiteral("smaps"), SmapsParser::parse);
    if (smaps.ok()) {
        snapshot.mappings = std::move(smaps.value);
        snapshot.hasSmaps = true;
        snapshot.files.append({QStringLiteral("smaps"), smaps.text});
    } else if (smaps.status == ReadResult::Status::Ok || smaps.status == ReadResult::Status::ProcessExited) {
        return fail(smaps.error);
    } else {
        auto maps = readAndParse(source, dir + QStringLiteral("maps"), MapsParser::parse);
        if (!maps.ok())
            return fail(maps.error);
        snapshot.files.append({QStringLiteral("maps"), maps.text});
        snapshot.mappings.reserve(maps.value.size());
        for (const Mapping &mapping : std::as_const(maps.value)) {
            SmapsEntry entry;
            entry.mapping = mapping;
            snapshot.mappings.append(entry);
        }
    }

    // Optional extras: pre-4.14 kernels have no smaps_rollup, and total() sums smaps instead.
    const auto rollup = readAndParse(source, dir + QStringLiteral("smaps_rollup"), SmapsParser::parseRollup);
    if (rollup.ok()) {
        snapshot.rollup = rollup.value;
        snapshot.files.append({QStringLiteral("smaps_rollup"), rollup.text});
    }
    // Kept as read for a bundle's process list (and maps for its pagemap); none is needed for a diff.
    for (const QString &name : {QStringLiteral("maps"), QStringLiteral("cmdline"), QStringLiteral("comm"),
                                QStringLiteral("status"), QStringLiteral("stat"), QStringLiteral("statm")}) {
        if (name == QLatin1String("maps") && !snapshot.hasSmaps)
            continue; // read already, as smaps's stand-in
        const ReadResult read = source.readFile(dir + name);
        if (read.ok())
            snapshot.files.append({name, read.data});
    }
    snapshot.exeTarget = source.readLink(dir + QStringLiteral("exe"));

    const QByteArray cmdline = snapshot.file(QStringLiteral("cmdline"));
    snapshot.command = Cmdline::toDisplayString(Cmdline::parse(cmdline));
    if (snapshot.command.isEmpty() && !snapshot.file(QStringLiteral("comm")).isEmpty())
        snapshot.command = QLatin1Char('[') + QString::fromUtf8(snapshot.file(QStringLiteral("comm"))).trimmed() + QLatin1Char(']');

    if (options.pages)
        readPages(source, options, &snapshot);
    return snapshot;
}
