#pragma once

#include "processinfo.h"
#include "smapsentry.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

// Reads the process list and smaps_rollup files off the GUI thread (on the global QThreadPool) and
// delivers the results as signals on this object's thread, ready for ProcessListModel.
class ProcessListRefresher : public QObject
{
    Q_OBJECT

public:
    explicit ProcessListRefresher(std::shared_ptr<const ProcSource> source, QObject *parent = nullptr);

    std::shared_ptr<const ProcSource> source() const { return m_source; }
    bool isRefreshing() const { return m_refreshing; }

public Q_SLOTS:
    // Reads every process (status, stat, statm, cmdline) and meminfo. Does nothing and returns false
    // while a refresh is still running, so a slow system does not pile up reads.
    bool refresh();
    // Reads PID/smaps_rollup for each pid, skipping pids whose rollup is already being read.
    void requestRollups(const QList<int> &pids);

Q_SIGNALS:
    // Processes that exited while being read are left out; memTotalKb is 0 when meminfo was unreadable.
    void processesRead(const QList<ProcessInfo> &processes, quint64 memTotalKb);
    void rollupRead(int pid, const SmapsEntry &rollup);
    void rollupFailed(int pid, const QString &why);

private:
    std::shared_ptr<const ProcSource> m_source;
    bool m_refreshing = false;
    QSet<int> m_rollupsInFlight;
};
