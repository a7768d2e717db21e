#include "snapshot.h"

#include "cmdline.h"
#include "mapsparser.h"
#include "procsource.h"
#include "smapsparser.h"
#include "sourceread_p.h"

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

std::optional<Snapshot> Snapshot::take(const ProcSource &source, int pid, QString *error)
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
    } else if (smaps.status == ReadResult::Status::Ok || smaps.status == ReadResult::Status::ProcessExited) {
        return fail(smaps.error);
    } else {
        auto maps = readAndParse(source, dir + QStringLiteral("maps"), MapsParser::parse);
        if (!maps.ok())
            return fail(maps.error);
        snapshot.mappings.reserve(maps.value.size());
        for (const Mapping &mapping : std::as_const(maps.value)) {
            SmapsEntry entry;
            entry.mapping = mapping;
            snapshot.mappings.append(entry);
        }
    }

    // Optional extras: pre-4.14 kernels have no smaps_rollup, and total() sums smaps instead.
    const auto rollup = readAndParse(source, dir + QStringLiteral("smaps_rollup"), SmapsParser::parseRollup);
    if (rollup.ok())
        snapshot.rollup = rollup.value;

    const ReadResult cmdline = source.readFile(dir + QStringLiteral("cmdline"));
    if (cmdline.ok())
        snapshot.command = Cmdline::toDisplayString(Cmdline::parse(cmdline.data));
    if (snapshot.command.isEmpty()) {
        const ReadResult comm = source.readFile(dir + QStringLiteral("comm"));
        if (comm.ok())
            snapshot.command = QLatin1Char('[') + QString::fromUtf8(comm.data).trimmed() + QLatin1Char(']');
    }
    return snapshot;
}
