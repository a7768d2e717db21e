#pragma once

#include "procsource.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

// `mematlas-capture -o FILE.mematlas`: processes and meminfo samples from a source, written as one
// snapshot bundle (BundleWriter). Stops between steps when SIGINT or SIGTERM arrives (Interruption),
// leaving no file behind. Shows progress on stderr when it is a terminal and the capture takes a while.
class BundleCapture
{
public:
    struct Options
    {
        QList<int> pids;
        bool all = false; // every process of the source but this one
        bool pagemap = false;
        int meminfoSamples = 0;
        int intervalMs = 1000;
        QString output;
        bool overwrite = false;
        bool redact = false; // BundleWriter::setRedacted: for sharing
    };

    // tool is recorded in the manifest: "mematlas-capture 0.1.0".
    BundleCapture(const ProcSource &source, const Options &options, const QString &tool);

    // Returns an empty string when the bundle was written, else a one-line reason. warnings gets what
    // went wrong with the processes asked for by --pid (exited, files unreadable).
    QString run(QStringList *warnings);

private:
    QList<int> processesToCapture() const;
    void showProgress(const QString &text);
    void endProgress();

    const ProcSource &m_source;
    Options m_options;
    QString m_tool;
    QElapsedTimer m_elapsed;
    bool m_terminal;
    bool m_progressShown = false;
};
