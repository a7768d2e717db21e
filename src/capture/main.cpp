// mematlas-capture: MemAtlas's numbers without a display, for scripts, servers and tests.

#include "liveprocsource.h"
#include "textreports.h"
#include "treeprocsource.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// Every failure is one line on stderr and exit status 1, so scripts can tell and users can read it.
int fail(const QString &reason)
{
    std::fprintf(stderr, "mematlas-capture: %s\n", qUtf8Printable(reason));
    return 1;
}

bool writeOut(const QByteArray &bytes)
{
    return std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size())
        && std::fflush(stdout) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mematlas-capture"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEMATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a process's or the system's memory as text, comparable with the kernel's files and procps tools.\n"
        "\n"
        "Reports (--print):\n"
        "  maps    /proc/PID/maps, re-rendered from the parsed mappings (same bytes as the kernel's)\n"
        "  smaps   the columns and totals of `pmap -X PID`, from /proc/PID/smaps\n"
        "  rollup  /proc/PID/smaps_rollup in the kernel's format; on kernels without that file\n"
        "          (before 4.14) summed from smaps, where Pss may come out up to 1 kB per mapping\n"
        "          lower than the kernel's own sum and Pss_Anon/Pss_File/Pss_Shmem are missing\n"
        "  free    `free -k` (procps-ng 4): used = total - available, buff/cache = Buffers +\n"
        "          Cached + SReclaimable, shared = Shmem; available = MemFree on kernels without\n"
        "          MemAvailable\n"
        "  top     PID USER VIRT RES SHR %MEM COMMAND of every process, in kB, largest RES first\n"
        "          (VIRT = VmSize, RES = VmRSS, SHR = RssFile + RssShmem, %MEM = RES / MemTotal)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption printOption(QStringLiteral("print"),
                                         QStringLiteral("Print a text report: %1.")
                                             .arg(TextReports::reportNames().join(QStringLiteral(", "))),
                                         QStringLiteral("report"));
    const QCommandLineOption pidOption(QStringLiteral("pid"),
                                       QStringLiteral("The process to report on (maps, smaps, rollup)."),
                                       QStringLiteral("pid"));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
                                            QStringLiteral("Read a directory laid out like /proc instead of "
                                                           "the live /proc."),
                                            QStringLiteral("dir"));
    const QCommandLineOption wideOption(QStringLiteral("wide"),
                                        QStringLiteral("free: buffers and cache in separate columns "
                                                       "(like free -w)."));
    parser.addOptions({printOption, pidOption, procRootOption, wideOption});

    // parse() rather than process(): our own one-line messages, with our name in front.
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(printOption))
        return fail(QStringLiteral("nothing to do: give --print REPORT (see --help)"));

    const QString reportName = parser.value(printOption);
    const std::optional<TextReports::Report> report = TextReports::reportFromName(reportName);
    if (!report)
        return fail(QStringLiteral("unknown report '%1' (known: %2)")
                        .arg(reportName, TextReports::reportNames().join(QStringLiteral(", "))));

    int pid = 0;
    if (parser.isSet(pidOption)) {
        bool ok = false;
        pid = parser.value(pidOption).toInt(&ok);
        if (!ok || pid <= 0)
            return fail(QStringLiteral("--pid: '%1' is not a process ID").arg(parser.value(pidOption)));
        if (!TextReports::isPerProcess(*report))
            return fail(QStringLiteral("--pid does not apply to --print %1").arg(reportName));
    } else if (TextReports::isPerProcess(*report)) {
        return fail(QStringLiteral("--pid is required for --print %1").arg(reportName));
    }
    if (parser.isSet(wideOption) && *report != TextReports::Report::Free)
        return fail(QStringLiteral("--wide applies to --print free only"));

    std::unique_ptr<ProcSource> source;
    if (parser.isSet(procRootOption)) {
        const QString root = parser.value(procRootOption);
        const QFileInfo info(root);
        if (!info.exists())
            return fail(QStringLiteral("--proc-root %1: no such directory").arg(root));
        if (!info.isDir())
            return fail(QStringLiteral("--proc-root %1: not a directory").arg(root));
        source = std::make_unique<TreeProcSource>(root);
    } else {
        source = std::make_unique<LiveProcSource>();
    }

    const TextReports reports(*source);
    QByteArray out;
    QStringList warnings;
    QString error;
    switch (*report) {
    case TextReports::Report::Maps:
        error = reports.maps(pid, &out);
        break;
    case TextReports::Report::Smaps:
        error = reports.smaps(pid, &out);
        break;
    case TextReports::Report::Rollup:
        error = reports.rollup(pid, &out);
        break;
    case TextReports::Report::Free:
        error = reports.free(parser.isSet(wideOption), &out);
        break;
    case TextReports::Report::Top:
        error = reports.top(&out, &warnings);
        break;
    }
    for (const QString &warning : std::as_const(warnings))
        std::fprintf(stderr, "mematlas-capture: warning: %s\n", qUtf8Printable(warning));
    if (!error.isEmpty())
        return fail(error);
    if (!writeOut(out))
        return fail(QStringLiteral("writing the report: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    return 0;
}
