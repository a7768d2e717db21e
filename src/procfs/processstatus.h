#pragma once

#include "parseerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// /proc/PID/status: "Key:\tvalue" lines. Every line is kept; typed accessors for what we use.
struct ProcessStatus
{
    QList<QPair<QByteArray, QByteArray>> fields; // in printed order, value trimmed

    QByteArray value(QByteArrayView key) const; // empty if absent
    std::optional<quint64> kB(QByteArrayView key) const; // "VmRSS:   1234 kB" -> 1234
    QString name() const; // "Name"
    int pid() const; // "Pid", 0 if absent
    int ppid() const;
    std::optional<quint32> realUid() const; // first field of "Uid"
    int threads() const;

    static Parsed<ProcessStatus> parse(QByteArrayView text);
};
