#pragma once

#include "procsource.h"

#include <QList>
#include <QPair>
#include <QSize>
#include <QString>

#include <memory>

// `mematlas --export VIEW -o FILE ...`: renders one view without a display and writes it whole or
// not at all. Every failure is one line for stderr and a non-zero exit.
class HeadlessExport
{
public:
    struct Request
    {
        QString view; // map, pages, physical, charts, free, window
        QString outputPath;
        bool overwrite = false; // --force: replace an existing output file
        std::shared_ptr<const ProcSource> source;
        int pid = 0;
        QSize size{1200, 900};
        qreal devicePixelRatio = 1.0;
        QString scale = QStringLiteral("compressed"); // map: true | compressed
        int durationMs = 10'000; // charts: how long to sample
        int intervalMs = 200;
        QList<QPair<quint64, quint64>> ranges; // pages, physical: [start, end); empty = every mapping
    };

    static QStringList views();
    // Parses "1600x1000"; false for anything else or an absurd size.
    static bool parseSize(const QString &text, QSize *size);
    // Parses "7f00000000-7f00100000" (hex, 0x optional) into [start, end).
    static bool parseRange(const QString &text, QPair<quint64, quint64> *range);
    // Parses "30s", "200ms", "2m", "1h" or a plain number of milliseconds.
    static bool parseDuration(const QString &text, int *milliseconds);

    // Returns the process exit status; *error says why when it is not 0.
    static int run(const Request &request, QString *error);

private:
    static bool exportMap(const Request &request, QString *error);
    static bool exportPages(const Request &request, QString *error);
    static bool exportCharts(const Request &request, QString *error);
    static bool exportFree(const Request &request, QString *error);
    static bool exportWindow(const Request &request, QString *error);
};
