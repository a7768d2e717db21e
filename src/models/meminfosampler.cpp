#include "meminfosampler.h"

#include "meminfo.h"
#include "memoryhistory.h"
#include "processstatus.h"
#include "procsource.h"
#include "smapsparser.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <vector>

namespace {
constexpr double Missing = std::numeric_limits<double>::quiet_NaN();
// Readings posted to a GUI thread that does not take them: beyond this many the worker skips ticks
// rather than letting the queue grow without bound.
constexpr int MaxBacklog = 64;

qint64 monotonicNowNs()
{
    // steady_clock is CLOCK_MONOTONIC on Linux.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
}

struct MeminfoSampler::WorkerState
{
    std::shared_ptr<const ProcSource> source;
    int pid = 0; // touched on the worker thread only
    std::atomic<int> backlog{0}; // readings posted, not yet delivered
};

struct MeminfoSampler::Reading
{
    qint64 monotonicNs = 0;
    qint64 wallMs = 0;
    QList<Meminfo::Field> fields;
    FreeReport report;
    QString error; // meminfo unreadable: nothing to append
    int pid = 0;
    double rss = Missing;
    double pss = Missing;
    double swap = Missing;
    QString processError;
};

MeminfoSampler::MeminfoSampler(std::shared_ptr<const ProcSource> source, MemoryHistory *history, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_state(std::make_shared<WorkerState>())
    , m_timer(new QTimer)
{
    m_state->source = std::move(source);
    m_timer->setInterval(m_intervalMs);
    m_timer->moveToThread(&m_thread);
    // The timer's own context: the lambda runs on the worker thread.
    connect(m_timer, &QTimer::timeout, m_timer, [state = m_state, this] { tick(state, this); });
    connect(&m_thread, &QThread::finished, m_timer, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("MeminfoSampler"));
    m_thread.start();
    resume();
}

MeminfoSampler::~MeminfoSampler()
{
    // Readings still queued for this object are discarded with it.
    m_thread.quit();
    m_thread.wait();
}

template<typename Function>
void MeminfoSampler::runOnWorker(Function function)
{
    QMetaObject::invokeMethod(m_timer, std::move(function), Qt::QueuedConnection);
}

void MeminfoSampler::setInterval(int milliseconds)
{
    m_intervalMs = std::clamp(milliseconds, MinIntervalMs, MaxIntervalMs);
    runOnWorker([timer = m_timer, interval = m_intervalMs] { timer->setInterval(interval); });
}

void MeminfoSampler::pause()
{
    m_paused = true;
    runOnWorker([timer = m_timer] { timer->stop(); });
}

void MeminfoSampler::resume()
{
    m_paused = false;
    runOnWorker([timer = m_timer, state = m_state, this] {
        timer->start();
        tick(state, this);
    });
}

QStringList MeminfoSampler::processSeriesNames(int pid)
{
    return {QStringLiteral("pid %1 RSS").arg(pid), QStringLiteral("pid %1 PSS").arg(pid),
            QStringLiteral("pid %1 swap").arg(pid)};
}

void MeminfoSampler::setProcess(int pid)
{
    if (pid == m_pid)
        return;
    if (m_pid > 0) {
        for (const QString &name : processSeriesNames(m_pid))
            m_history->removeSeries(name);
    }
    m_pid = std::max(pid, 0);
    runOnWorker([state = m_state, pid = m_pid] { state->pid = pid; });
}

void MeminfoSampler::tick(const std::shared_ptr<WorkerState> &state, MeminfoSampler *sampler)
{
    if (state->backlog.load() >= MaxBacklog)
        return;
    ++state->backlog;
    QMetaObject::invokeMethod(
        sampler, [sampler, reading = read(*state)] { sampler->deliver(reading); }, Qt::QueuedConnection);
}

MeminfoSampler::Reading MeminfoSampler::read(const WorkerState &state)
{
    Reading reading;
    reading.monotonicNs = monotonicNowNs();
    reading.wallMs = QDateTime::currentMSecsSinceEpoch();
    const ProcSource &source = *state.source;

    const ReadResult meminfo = source.readFile(QStringLiteral("meminfo"));
    if (!meminfo.ok()) {
        reading.error = meminfo.message;
    } else if (const Parsed<Meminfo> parsed = Meminfo::parse(meminfo.data); !parsed.ok()) {
        // A half-parsed meminfo would give wrong derived values: skip the sample, say why.
        reading.error = source.rootPath() + QStringLiteral("/meminfo: ") + parsed.error.toString();
    } else {
        reading.fields = parsed.value.fields;
        reading.report = FreeReport::fromMeminfo(parsed.value);
    }

    reading.pid = state.pid;
    if (state.pid <= 0)
        return reading;
    const QString dir = QString::number(state.pid) + QLatin1Char('/');
    // status is cheap and readable for any process; smaps_rollup adds PSS but needs ptrace access.
    const ReadResult status = source.readFile(dir + QStringLiteral("status"));
    if (!status.ok()) {
        reading.processError = status.message;
        return reading;
    }
    const Parsed<ProcessStatus> parsedStatus = ProcessStatus::parse(status.data);
    reading.rss = double(parsedStatus.value.kB("VmRSS").value_or(0)); // kernel threads have no VmRSS
    reading.swap = double(parsedStatus.value.kB("VmSwap").value_or(0));

    const ReadResult rollup = source.readFile(dir + QStringLiteral("smaps_rollup"));
    if (!rollup.ok()) {
        reading.processError = rollup.message;
        return reading;
    }
    const Parsed<SmapsEntry> parsedRollup = SmapsParser::parseRollup(rollup.data);
    const SmapsEntry &entry = parsedRollup.value;
    // One page-table walk gives RSS, PSS and swap that agree with each other.
    if (entry.has(SmapsEntry::Rss))
        reading.rss = double(entry.value(SmapsEntry::Rss));
    if (entry.has(SmapsEntry::Pss))
        reading.pss = double(entry.value(SmapsEntry::Pss));
    if (entry.has(SmapsEntry::Swap))
        reading.swap = double(entry.value(SmapsEntry::Swap));
    if (!parsedRollup.ok())
        reading.processError = dir + QStringLiteral("smaps_rollup: ") + parsedRollup.error.toString();
    return reading;
}

void MeminfoSampler::deliver(const Reading &reading)
{
    --m_state->backlog;
    QStringList errors;
    if (!reading.error.isEmpty())
        errors.append(reading.error);
    if (!reading.processError.isEmpty() && reading.pid == m_pid)
        errors.append(reading.processError);
    if (const QString error = errors.join(QLatin1Char('\n')); error != m_lastError) {
        m_lastError = error;
        emit errorChanged(error);
    }
    if (m_paused || !reading.error.isEmpty())
        return;

    std::vector<double> values;
    const auto put = [&](const QString &name, double value) {
        const int index = m_history->addSeries(name);
        if (index < 0)
            return;
        if (size_t(index) >= values.size())
            values.resize(index + 1, Missing);
        values[index] = value;
    };
    // Derived and per-process series first, so they hold a slot even on a kernel printing unusually
    // many keys.
    const FreeReport &report = reading.report;
    put(UsedSeries, double(report.used));
    put(BuffCacheSeries, double(report.buffCache));
    put(SwapUsedSeries, double(report.swapUsed));
    put(UsedExclCacheSeries, double(report.usedLegacy));
    put(NotFreeSeries, double(report.total - report.free));
    if (m_pid > 0 && reading.pid == m_pid) {
        const QStringList names = processSeriesNames(m_pid);
        put(names[0], reading.rss);
        put(names[1], reading.pss);
        put(names[2], reading.swap);
    }
    for (const Meminfo::Field &field : reading.fields) {
        if (field.hasKbUnit) // counts such as HugePages_Total would read as kB on a memory axis
            put(QString::fromLatin1(field.key), double(field.value));
    }
    m_history->append(reading.monotonicNs, reading.wallMs, values);
    m_lastReport = report;

    if (!m_emitPending) {
        m_emitPending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_emitPending = false;
                emit sampled();
            },
            Qt::QueuedConnection);
    }
}
