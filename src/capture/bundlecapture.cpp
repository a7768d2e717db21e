#include "bundlecapture.h"

#include "bundlewriter.h"
#include "interruption.h"

#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {
// Quick captures stay quiet; progress starts once a capture has taken this long.
constexpr qint64 ProgressDelayMs = 1000;

QString interruptedMessage()
{
    return QStringLiteral("interrupted by %1; no bundle written")
        .arg(Interruption::signal() == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM"));
}
}

BundleCapture::BundleCapture(const ProcSource &source, const Options &options, const QString &tool)
    : m_source(source)
    , m_options(options)
    , m_tool(tool)
    , m_terminal(::isatty(STDERR_FILENO) == 1)
{
}

QList<int> BundleCapture::processesToCapture() const
{
    if (!m_options.all)
        return m_options.pids;
    QList<int> pids = m_source.pids();
    // Our own process is a capture tool in the middle of its work: noise, not a subject.
    if (m_source.kind() == ProcSource::Kind::Live)
        pids.removeOne(int(::getpid()));
    return pids;
}

void BundleCapture::showProgress(const QString &text)
{
    if (!m_terminal || m_elapsed.elapsed() < ProgressDelayMs)
        return;
    // \r and erase-to-end-of-line: one line, rewritten in place.
    std::fprintf(stderr, "\rmematlas-capture: %s\033[K", qUtf8Printable(text));
    std::fflush(stderr);
    m_progressShown = true;
}

void BundleCapture::endProgress()
{
    if (m_progressShown)
        std::fprintf(stderr, "\r\033[K");
    m_progressShown = false;
}

QString BundleCapture::run(QStringList *warnings)
{
    m_elapsed.start();
    // Before the capture, which can take minutes, rather than after; write() checks again race-free.
    const QFileInfo output(m_options.output);
    if (!QFileInfo(output.absolutePath()).isDir())
        return QStringLiteral("%1: no such directory").arg(output.absolutePath());
    if (!m_options.overwrite && output.exists())
        return QStringLiteral("%1: already exists (use --force to overwrite)").arg(m_options.output);

    BundleWriter writer(m_source, m_tool);
    writer.setRedacted(m_options.redact);
    writer.addMeminfo();
    const QList<int> pids = processesToCapture();
    int captured = 0;
    for (qsizetype i = 0; i < pids.size(); ++i) {
        if (Interruption::signal() != 0) {
            endProgress();
            return interruptedMessage();
        }
        showProgress(QStringLiteral("process %1 of %2").arg(i + 1).arg(pids.size()));
        if (writer.addProcess(pids[i], {m_options.pagemap, [] { return Interruption::signal() != 0; }}))
            ++captured;
    }
    for (int i = 0; i < m_options.meminfoSamples; ++i) {
        if (i > 0)
            Interruption::sleep(m_options.intervalMs);
        if (Interruption::signal() != 0) {
            endProgress();
            return interruptedMessage();
        }
        showProgress(QStringLiteral("meminfo sample %1 of %2").arg(i + 1).arg(m_options.meminfoSamples));
        writer.addMeminfoSample();
    }
    showProgress(QStringLiteral("writing %1").arg(m_options.output));

    // Processes named on the command line are the user's business: say what became of them. Of
    // --all, processes come and go and kernel threads have no smaps_rollup; the manifest lists it.
    if (!m_options.all) {
        for (const BundleManifest::Process &process : writer.manifest().processes) {
            if (process.exited)
                warnings->append(process.message);
        }
        // kpageflags and kpagecount fail together with one reason: said once.
        for (const BundleManifest::Unreadable &entry : writer.manifest().unreadable) {
            if (!warnings->contains(entry.message))
                warnings->append(entry.message);
        }
    }
    if (!m_options.pids.isEmpty() && captured == 0) {
        endProgress();
        return QStringLiteral("none of the processes could be captured; no bundle written");
    }

    QString error;
    const bool written = writer.write(m_options.output, {m_options.overwrite, [] { return Interruption::signal() != 0; }}, &error);
    endProgress();
    if (Interruption::signal() != 0 && !written)
        return interruptedMessage();
    return written ? QString() : error;
}
