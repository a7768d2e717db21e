#include "processlistrefresher.h"
#include "meminfo.h"
#include "smapsparser.h"
#include "sourceread_p.h"
#include "whenfinished_p.h"

#include <QtConcurrent/QtConcurrentRun>

namespace {
struct ProcessSnapshot
{
    QList<ProcessInfo> processes;
    quint64 memTotalKb = 0;
};

ProcessSnapshot readProcesses(const std::shared_ptr<const ProcSource> &source)
{
    ProcessSnapshot snapshot;
    const QList<int> pids = source->pids();
    snapshot.processes.reserve(pids.size());
    for (const int pid : pids) {
        QString error; // a process that exits between pids() and read() is simply gone from the list
        if (auto info = ProcessInfo::read(*source, pid, &error))
            snapshot.processes.append(std::move(*info));
    }
    const auto meminfo = readAndParse(*source, QStringLiteral("meminfo"), &Meminfo::parse);
    snapshot.memTotalKb = meminfo.value.valueOr("MemTotal", 0);
    return snapshot;
}
}

ProcessListRefresher::ProcessListRefresher(std::shared_ptr<const ProcSource> source, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
{
}

bool ProcessListRefresher::refresh()
{
    if (m_refreshing)
        return false;
    m_refreshing = true;
    whenFinished(this, QtConcurrent::run(readProcesses, m_source), [this](const ProcessSnapshot &snapshot) {
        m_refreshing = false;
        Q_EMIT processesRead(snapshot.processes, snapshot.memTotalKb);
    });
    return true;
}

void ProcessListRefresher::requestRollups(const QList<int> &pids)
{
    for (const int pid : pids) {
        if (m_rollupsInFlight.contains(pid))
            continue;
        m_rollupsInFlight.insert(pid);
        // One task per process: a slow target (big address space, contended mmap lock) delays only its row.
        const auto read = [source = m_source, pid]() {
            return readAndParse(*source, QStringLiteral("%1/smaps_rollup").arg(pid), &SmapsParser::parseRollup);
        };
        whenFinished(this, QtConcurrent::run(read), [this, pid](const SourceRead<SmapsEntry> &rollup) {
            m_rollupsInFlight.remove(pid);
            if (rollup.ok())
                Q_EMIT rollupRead(pid, rollup.value);
            else
                Q_EMIT rollupFailed(pid, rollup.error);
        });
    }
}
