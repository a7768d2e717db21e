#pragma once

#include "mapping.h"
#include "procsource.h"
#include "segmentkind.h"
#include "smapsentry.h"

#include <QList>
#include <QPair>
#include <QObject>
#include <QString>

#include <memory>

// Reads one process's mappings off the GUI thread, in stages: maps (plus the exe link, for the
// segment classification) first, for an instant picture; then smaps, which is slower and costs the
// target kernel time. Only the latest load() reports: results of an older request are dropped.
class ProcessMappingsLoader : public QObject
{
    Q_OBJECT

public:
    explicit ProcessMappingsLoader(QObject *parent = nullptr);

    void load(std::shared_ptr<const ProcSource> source, int pid);
    // Drops whatever the current load would still report (reads already running finish unseen).
    void cancel();
    bool isLoading() const { return m_loading; }
    int pid() const { return m_pid; } // of the latest load(); 0 before the first

Q_SIGNALS:
    void mapsLoaded(int pid, const QList<Mapping> &mappings, const QList<SegmentClassification> &classes);
    void smapsLoaded(int pid, const QList<SmapsEntry> &entries);
    // The kernel's own text of "maps", "smaps", "status" and "meminfo" as read for this load (the
    // same bytes the parsers saw: smaps is read once for table and raw view). Unreadable files
    // are not reported here.
    void rawTextLoaded(int pid, const QString &fileName, const QByteArray &text);
    // A load ends with smapsLoaded, or with loadFailed. status is the source's (ProcessExited,
    // PermissionDenied, ...), or Ok when the file was read but did not parse: then what parsed before
    // the bad line has been delivered just before, and message has the file, the line and why.
    void loadFailed(int pid, ReadResult::Status status, const QString &message);

private:
    void loadSmaps(const std::shared_ptr<const ProcSource> &source, int pid, quint64 generation);
    void emitRawTexts(int pid, quint64 generation, const QList<QPair<QString, QByteArray>> &texts);
    void fail(int pid, ReadResult::Status status, const QString &message);

    quint64 m_generation = 0; // bumped by load() and cancel(); results carry the value they started with
    int m_pid = 0;
    bool m_loading = false;
};
