#pragma once

#include "procsource.h"

#include <optional>

// Reads any directory laid out like /proc: recorded fixtures, or a tree copied from another
// machine. The live /proc is the same thing with a few facts of its own (LiveProcSource).
class TreeProcSource : public ProcSource
{
public:
    explicit TreeProcSource(const QString &rootPath);

    Kind kind() const override;
    QString description() const override;
    QString rootPath() const override;
    ReadResult readFile(const QString &relativePath, qint64 maxSize = LimitForFile) const override;
    ReadResult readRange(const QString &relativePath, quint64 offset, quint64 length) const override;
    QString readLink(const QString &relativePath) const override;
    QList<int> pids() const override;
    bool processExists(int pid) const override;
    // A tree does not say its page size; x86-64's 4 KiB unless the tree holds a "pagesize" file
    // (written by our own recorder).
    quint64 pageSize() const override;

protected:
    QString absolutePath(const QString &relativePath) const;

private:
    ReadResult failureFor(const QString &relativePath, int errorNumber) const;
    // "process exited" for path when pid is gone, a zombie, or (unless onlyWithoutMemory asks for a
    // VSZ of 0) any user process; nullopt otherwise.
    std::optional<ReadResult> exitedFailure(const QString &path, int pid, bool onlyWithoutMemory = false) const;

    QString m_root;
    quint64 m_pageSize;
};
