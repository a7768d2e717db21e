#pragma once

#include "parseerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// /proc/meminfo. Every key is kept in printed order, unknown ones included; values in kB (keys
// without a unit, such as HugePages_Total, keep their plain count).
struct Meminfo
{
    struct Field
    {
        QByteArray key;
        quint64 value = 0;
        bool hasKbUnit = true;
        friend bool operator==(const Field &, const Field &) = default;
    };
    QList<Field> fields;

    std::optional<quint64> value(QByteArrayView key) const;
    quint64 valueOr(QByteArrayView key, quint64 fallback) const;

    static Parsed<Meminfo> parse(QByteArrayView text);
};
