#pragma once

#include "pagemapsnapshot.h"
#include "procsource.h"

#include <QList>
#include <QObject>
#include <QPair>

#include <atomic>
#include <memory>

// Reads the pagemap of chosen ranges of one process off the GUI thread (PageMapReader under
// QtConcurrent), with progress. Only the latest load() reports: an older read still running is
// told to stop at its next chunk and its result is dropped.
class PageMapLoader : public QObject
{
    Q_OBJECT

public:
    explicit PageMapLoader(QObject *parent = nullptr);
    ~PageMapLoader() override;

    // ranges: [start, end) virtual addresses; empty means every mapping (PageMapReader::read).
    void load(std::shared_ptr<const ProcSource> source, int pid, const QList<QPair<quint64, quint64>> &ranges);
    // Stops the current read at its next chunk; it reports nothing more.
    void cancel();
    bool isLoading() const { return m_loading; }
    int pid() const { return m_pid; } // of the latest load(); 0 before the first

Q_SIGNALS:
    void progress(int pid, quint64 pagesDone, quint64 pagesTotal);
    void loaded(int pid, std::shared_ptr<const PageMapSnapshot> snapshot);
    // status is the failing read's (ProcessExited, PermissionDenied, TooLarge, ...), or Ok when maps
    // was read but did not parse; message names the file and the reason.
    void failed(int pid, ReadResult::Status status, const QString &message);

private:
    void stopRunning();

    quint64 m_generation = 0; // bumped by load() and cancel(); results carry the value they started with
    int m_pid = 0;
    bool m_loading = false;
    std::shared_ptr<std::atomic<bool>> m_cancelled; // the running read's flag
};
