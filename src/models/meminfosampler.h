#pragma once

#include "freereport.h"

#include <QLatin1String>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>

#include <memory>

class MemoryHistory;
class ProcSource;
class QTimer;

// Samples `meminfo` (and, if asked, one process's smaps_rollup and status) at a fixed interval on a
// thread of its own, so a slow read never stalls the window. Each reading travels to this object's
// thread by queued call and is appended there to the MemoryHistory, which therefore needs no lock
// and is only ever touched from one thread (the GUI thread, where the chart reads it).
//
// Every meminfo key becomes a series under its own name ("MemFree", in kB), plus the derived series
// below; per-process series are named by processSeriesNames(). Sampling starts on construction.
class MeminfoSampler : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 1000;
    static constexpr int MinIntervalMs = 100;
    static constexpr int MaxIntervalMs = 60'000;

    // Derived series, from FreeReport: free(1)'s columns and the boundaries of the chart's stacked bands.
    static constexpr QLatin1String UsedSeries{"used"}; // total - available (procps-ng 4)
    static constexpr QLatin1String BuffCacheSeries{"buff/cache"}; // Buffers + Cached + SReclaimable
    static constexpr QLatin1String SwapUsedSeries{"swap used"}; // SwapTotal - SwapFree
    static constexpr QLatin1String UsedExclCacheSeries{"used (excl. buff/cache)"}; // total - free - buff/cache
    static constexpr QLatin1String NotFreeSeries{"total - free"}; // MemTotal - MemFree

    // The history must outlive the sampler.
    MeminfoSampler(std::shared_ptr<const ProcSource> source, MemoryHistory *history, QObject *parent = nullptr);
    ~MeminfoSampler() override;

    // Clamped to [MinIntervalMs, MaxIntervalMs].
    void setInterval(int milliseconds);
    int interval() const { return m_intervalMs; }

    void pause();
    void resume(); // takes a sample at once, then one per interval
    bool isPaused() const { return m_paused; }

    // Adds RSS, PSS and swap of pid as series (0 stops); the previous process's series are removed.
    void setProcess(int pid);
    int process() const { return m_pid; }
    // "pid 42 RSS", "pid 42 PSS", "pid 42 swap".
    static QStringList processSeriesNames(int pid);

    // The free(1) numbers of the newest sample.
    FreeReport lastReport() const { return m_lastReport; }
    // Why the newest reading (meminfo, or the process's files) failed; empty when it worked.
    QString lastError() const { return m_lastError; }

signals:
    // A sample was appended. Emitted once per event-loop pass at most, so a backlog of samples (the GUI
    // thread was busy) causes one redraw, not many.
    void sampled();
    void errorChanged(const QString &message);

private:
    struct Reading;
    struct WorkerState;

    static Reading read(const WorkerState &state);
    static void tick(const std::shared_ptr<WorkerState> &state, MeminfoSampler *sampler);
    void deliver(const Reading &reading);
    template<typename Function>
    void runOnWorker(Function function);

    MemoryHistory *m_history;
    std::shared_ptr<WorkerState> m_state;
    QThread m_thread;
    QTimer *m_timer; // lives in m_thread
    int m_intervalMs = DefaultIntervalMs;
    bool m_paused = false;
    int m_pid = 0;
    bool m_emitPending = false;
    FreeReport m_lastReport;
    QString m_lastError;
};
