#include "pagemaploader.h"
#include "pagemapreader.h"
#include "whenfinished_p.h"

#include <QFutureWatcher>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace {
using Outcome = ReadOutcome<std::shared_ptr<const PageMapSnapshot>>;

void readPageMap(QPromise<Outcome> &promise, const std::shared_ptr<const ProcSource> &source, int pid,
                 const QList<QPair<quint64, quint64>> &ranges, const std::shared_ptr<std::atomic<bool>> &cancelled)
{
    PageMapReader reader(*source);
    // Progress travels through the promise: its watcher belongs to the loader, so nothing reaches a
    // loader that is gone. Page counts fit an int: PageMapReader refuses more than 64 Mi pages.
    reader.setControl({[cancelled] { return cancelled->load(); },
                       [&promise](quint64 done, quint64 total) {
                           promise.setProgressRange(0, int(total));
                           promise.setProgressValue(int(done));
                       }});
    ReadOutcome<PageMapSnapshot> read = reader.read(pid, ranges);
    Outcome outcome;
    outcome.status = read.status;
    outcome.error = read.error;
    outcome.cancelled = read.cancelled;
    if (read.ok())
        outcome.value = std::make_shared<const PageMapSnapshot>(std::move(read.value));
    promise.addResult(std::move(outcome));
}
} // namespace

PageMapLoader::PageMapLoader(QObject *parent)
    : QObject(parent)
{
}

PageMapLoader::~PageMapLoader()
{
    stopRunning();
}

void PageMapLoader::stopRunning()
{
    if (m_cancelled)
        m_cancelled->store(true);
    m_cancelled.reset();
}

void PageMapLoader::load(std::shared_ptr<const ProcSource> source, int pid,
                         const QList<QPair<quint64, quint64>> &ranges)
{
    stopRunning();
    const quint64 generation = ++m_generation;
    m_pid = pid;
    m_loading = true;
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const QFuture<Outcome> future = QtConcurrent::run(readPageMap, std::move(source), pid, ranges, m_cancelled);

    auto *progressWatcher = new QFutureWatcher<Outcome>(this);
    connect(progressWatcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, progressWatcher, pid, generation](int done) {
                // The future reports a value of 0 in a range of 0 when it starts: not the reader's.
                const int total = progressWatcher->progressMaximum();
                if (generation == m_generation && total > 0)
                    Q_EMIT progress(pid, quint64(done), quint64(total));
            });
    connect(progressWatcher, &QFutureWatcherBase::finished, progressWatcher, &QObject::deleteLater);
    progressWatcher->setFuture(future);

    whenFinished(this, future, [this, pid, generation](const Outcome &outcome) {
        if (generation != m_generation)
            return;
        m_loading = false;
        m_cancelled.reset();
        if (outcome.ok())
            Q_EMIT loaded(pid, outcome.value);
        else
            Q_EMIT failed(pid, outcome.status, outcome.error);
    });
}

void PageMapLoader::cancel()
{
    stopRunning();
    ++m_generation;
    m_loading = false;
}
