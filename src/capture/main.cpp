// mematlas-capture: MemAtlas's numbers without a display, for scripts, servers and tests.

#include "bundlecapture.h"
#include "bundleprocsource.h"
#include "interruption.h"
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
#include <optional>

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

void warn(const QString &warning)
{
    std::fprintf(stderr, "mematlas-capture: warning: %s\n", qUtf8Printable(warning));
}

// The live /proc, or --proc-root: a directory laid out like /proc, or a bundle file. Other files keep
// the "not a directory" they always got. nullptr with *error on failure.
std::shared_ptr<const ProcSource> openSource(const QCommandLineParser &parser, const QCommandLineOption &procRootOption,
                                             QString *error)
{
    if (!parser.isSet(procRootOption))
        return std::make_shared<LiveProcSource>();
    const QString root = parser.value(procRootOption);
    const QFileInfo info(root);
    if (!info.exists())
        *error = QStringLiteral("--proc-root %1: no such directory").arg(root);
    else if (info.isDir())
        return std::make_shared<TreeProcSource>(root);
    else if (BundleProcSource::looksLikeBundle(root))
        return BundleProcSource::open(root, error);
    else
        *error = QStringLiteral("--proc-root %1: not a directory").arg(root);
    return nullptr;
}

// --pid values: process IDs, or *error naming the first that is not one.
std::optional<QList<int>> parsePids(const QStringList &values, QString *error)
{
    QList<int> pids;
    for (const QString &value : values) {
        bool ok = false;
        const int pid = value.toInt(&ok);
        if (!ok || pid <= 0) {
            *error = QStringLiteral("--pid: '%1' is not a process ID").arg(value);
            return std::nullopt;
        }
        pids.append(pid);
    }
    return pids;
}

// A whole number from min to max, or *error naming the option.
std::optional<int> parseCount(const QCommandLineParser &parser, const QCommandLineOption &option, int min, int max,
                              QString *error)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (ok && value >= min && value <= max)
        return value;
    *error = QStringLiteral("--%1: '%2' is not a whole number from %3 to %4")
                 .arg(option.names().constLast(), parser.value(option))
                 .arg(min)
                 .arg(max);
    return std::nullopt;
}

int capture(const ProcSource &source, const BundleCapture::Options &options)
{
    Interruption::install();
    QStringList warnings;
    const QString error = BundleCapture(source, options,
                                        QCoreApplication::applicationName() + QLatin1Char(' ')
                                            + QCoreApplication::applicationVersion())
                              .run(&warnings);
    for (const QString &warning : std::as_const(warnings))
        warn(warning);
    if (error.isEmpty())
        return 0;
    fail(error);
    // The shell's convention for "ended by a signal", without dying of it: the cleanup has run.
    return Interruption::signal() != 0 ? 128 + Interruption::signal() : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mematlas-capture"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MEMATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a process's or the system's memory as text, comparable with the kernel's files and procps tools,\n"
        "or saves it as a snapshot bundle.\n"
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
        "          (VIRT = VmSize, RES = VmRSS, SHR = RssFile + RssShmem, %MEM = RES / MemTotal)\n"
        "\n"
        "Snapshot bundles (-o FILE.mematlas): a zstd-compressed tar archive whose paths mirror /proc\n"
        "(`tar --zstd -tf FILE.mematlas` lists it): maps, smaps, smaps_rollup, status, stat, statm,\n"
        "cmdline and the exe link of each process (never environ), meminfo, and with --pagemap the\n"
        "pagemap of the mapped ranges and kpageflags/kpagecount of the frames found (root only).\n"
        "manifest.json records kernel, page size, host, time and what could not be read and why.\n"
        "SIGINT or SIGTERM stops the capture and leaves no file. --print reads a bundle given as\n"
        "--proc-root."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption printOption(QStringLiteral("print"),
                                         QStringLiteral("Print a text report: %1.")
                                             .arg(TextReports::reportNames().join(QStringLiteral(", "))),
                                         QStringLiteral("report"));
    const QCommandLineOption pidOption(QStringLiteral("pid"),
                                       QStringLiteral("The process to report on (maps, smaps, rollup), or to capture "
                                                      "(repeatable)."),
                                       QStringLiteral("pid"));
    const QCommandLineOption procRootOption(QStringLiteral("proc-root"),
                                            QStringLiteral("Read a directory laid out like /proc, or a bundle, instead "
                                                           "of the live /proc."),
                                            QStringLiteral("dir"));
    const QCommandLineOption wideOption(QStringLiteral("wide"),
                                        QStringLiteral("free: buffers and cache in separate columns "
                                                       "(like free -w)."));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Capture a snapshot bundle into file (FILE.mematlas)."),
                                          QStringLiteral("file"));
    const QCommandLineOption allOption(QStringLiteral("all"), QStringLiteral("Capture every process."));
    const QCommandLineOption pagemapOption(QStringLiteral("pagemap"),
                                           QStringLiteral("Capture pagemap of the mapped ranges, and kpageflags and "
                                                          "kpagecount of their frames."));
    const QCommandLineOption samplesOption(QStringLiteral("meminfo-samples"),
                                           QStringLiteral("Capture n readings of meminfo over time."), QStringLiteral("n"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            QStringLiteral("Milliseconds between meminfo samples (default 1000)."),
                                            QStringLiteral("ms"));
    const QCommandLineOption forceOption(QStringLiteral("force"), QStringLiteral("Overwrite the -o file if it exists."));
    const QCommandLineOption redactOption(QStringLiteral("redact"),
                                          QStringLiteral("For sharing: keep only each program's name of its command "
                                                         "line, and write file paths outside system directories "
                                                         "(/usr, /lib, /etc, /opt, ...) as /redacted/file-N."));
    parser.addOptions({printOption, pidOption, procRootOption, wideOption, outputOption, allOption, pagemapOption,
                       samplesOption, intervalOption, forceOption, redactOption});

    // parse() rather than process(): our own one-line messages, with our name in front.
    if (!parser.parse(QCoreApplication::arguments()))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument '%1' (see --help)").arg(parser.positionalArguments().constFirst()));

    QString error;
    const std::optional<QList<int>> pids = parsePids(parser.values(pidOption), &error);
    if (!pids)
        return fail(error);

    if (parser.isSet(outputOption)) {
        if (parser.isSet(printOption))
            return fail(QStringLiteral("--print and -o cannot be combined"));
        if (parser.isSet(wideOption))
            return fail(QStringLiteral("--wide applies to --print free only"));
        if (pids->isEmpty() && !parser.isSet(allOption) && !parser.isSet(samplesOption))
            return fail(QStringLiteral("nothing to capture: give --pid PID, --all or --meminfo-samples N"));
        if (!pids->isEmpty() && parser.isSet(allOption))
            return fail(QStringLiteral("--pid and --all cannot be combined"));
        if (parser.isSet(intervalOption) && !parser.isSet(samplesOption))
            return fail(QStringLiteral("--interval applies to --meminfo-samples only"));
        BundleCapture::Options options;
        options.pids = *pids;
        options.all = parser.isSet(allOption);
        options.pagemap = parser.isSet(pagemapOption);
        options.output = parser.value(outputOption);
        options.overwrite = parser.isSet(forceOption);
        options.redact = parser.isSet(redactOption);
        if (parser.isSet(samplesOption)) {
            const std::optional<int> samples = parseCount(parser, samplesOption, 1, 999'999, &error);
            if (!samples)
                return fail(error);
            options.meminfoSamples = *samples;
        }
        if (parser.isSet(intervalOption)) {
            const std::optional<int> interval = parseCount(parser, intervalOption, 0, 3'600'000, &error);
            if (!interval)
                return fail(error);
            options.intervalMs = *interval;
        }
        const std::shared_ptr<const ProcSource> source = openSource(parser, procRootOption, &error);
        if (!source)
            return fail(error);
        return capture(*source, options);
    }

    for (const QCommandLineOption &option : {allOption, pagemapOption, samplesOption, intervalOption, forceOption, redactOption}) {
        if (parser.isSet(option))
            return fail(QStringLiteral("--%1 applies to capturing (-o FILE) only").arg(option.names().constLast()));
    }
    if (!parser.isSet(printOption))
        return fail(QStringLiteral("nothing to do: give --print REPORT (see --help)"));

    const QString reportName = parser.value(printOption);
    const std::optional<TextReports::Report> report = TextReports::reportFromName(reportName);
    if (!report)
        return fail(QStringLiteral("unknown report '%1' (known: %2)")
                        .arg(reportName, TextReports::reportNames().join(QStringLiteral(", "))));

    if (pids->size() > 1)
        return fail(QStringLiteral("--print %1 reports on one --pid").arg(reportName));
    const int pid = pids->value(0);
    if (pid > 0 && !TextReports::isPerProcess(*report))
        return fail(QStringLiteral("--pid does not apply to --print %1").arg(reportName));
    if (pid == 0 && TextReports::isPerProcess(*report))
        return fail(QStringLiteral("--pid is required for --print %1").arg(reportName));
    if (parser.isSet(wideOption) && *report != TextReports::Report::Free)
        return fail(QStringLiteral("--wide applies to --print free only"));

    const std::shared_ptr<const ProcSource> source = openSource(parser, procRootOption, &error);
    if (!source)
        return fail(error);

    const TextReports reports(*source);
    QByteArray out;
    QStringList warnings;
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
        warn(warning);
    if (!error.isEmpty())
        return fail(error);
    if (!writeOut(out))
        return fail(QStringLiteral("writing the report: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    return 0;
}
