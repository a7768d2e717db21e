#pragma once

#include "parseerror.h"
#include "procsource.h"

#include <QByteArrayView>
#include <QString>

#include <utility>

// The outcome of reading one procfs file and parsing it, as handed from a worker thread to a model.
template<typename T>
struct SourceRead
{
    T value{}; // what parsed, also when error is set (parsers keep the records before a bad line)
    ReadResult::Status status = ReadResult::Status::Ok; // stays Ok when the file was read but did not parse
    QString error; // the source's message, or "<file>: line N: ..." for a parse error; empty on success
    QByteArray text; // the bytes as read, for views that show the kernel's own text

    bool ok() const { return error.isEmpty(); }
};

// Reads relativePath from source and parses it with parse(QByteArrayView) -> Parsed<T>.
template<typename Parse>
auto readAndParse(const ProcSource &source, const QString &relativePath, Parse &&parse)
{
    SourceRead<decltype(parse(QByteArrayView()).value)> result;
    const ReadResult file = source.readFile(relativePath);
    if (!file.ok()) {
        result.status = file.status;
        result.error = file.message;
        return result;
    }
    result.text = file.data;
    auto parsed = std::forward<Parse>(parse)(QByteArrayView(file.data));
    result.value = std::move(parsed.value);
    if (!parsed.ok())
        result.error = source.rootPath() + QLatin1Char('/') + relativePath + QStringLiteral(": ") + parsed.error.toString();
    return result;
}
