#include "processinfo.h"

#include "cmdline.h"
#include "processstat.h"
#include "processstatm.h"
#include "processstatus.h"
#include "procfstext.h"

#include <cerrno>
#include <pwd.h>
#include <unistd.h>
#include <vector>

// Where each field comes from, and the cases that are not ordinary processes:
// - status gives name, ppid, uid, threads and the memory sizes top shows; stat gives the state and
//   the fault counters; cmdline the arguments. statm is read only when status lacks RssFile/RssShmem
//   (kernels before 4.5): its third field is the same RssFile + RssShmem, in pages.
// - Any of the files reporting that the process vanished makes the whole read fail with
//   "process N exited": a row assembled from a process before and after its exit would lie.
//   Any other failure to read or parse status or stat fails the read with the file's message;
//   cmdline and statm are extras whose absence leaves their fields empty.
// - A zombie (state Z) has released its memory: status has no Vm* lines, statm is all zeros and
//   cmdline is empty. It is returned, with every memory field 0, kernelThread false, and the command
//   line "[name] <defunct>" as ps prints it: it still occupies a pid until its parent reaps it.
// - A kernel thread has no memory of its own either (no VmSize, empty cmdline) and is not a zombie.
// - The user name is resolved on this machine, also for a tree recorded elsewhere.
namespace {
QString userName(quint32 uid)
{
    const long suggested = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(suggested > 0 ? std::size_t(suggested) : 16384);
    passwd entry {};
    passwd *found = nullptr;
    int rc = 0;
    // getpwuid_r rather than getpwuid: processes are read from worker threads.
    while ((rc = getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found)) == ERANGE)
        buffer.resize(buffer.size() * 2);
    return rc == 0 && found != nullptr ? QString::fromLocal8Bit(found->pw_name) : QString::number(uid);
}

ReadResult readPart(const ProcSource &source, int pid, const char *file)
{
    return source.readFile(QString::number(pid) + QLatin1Char('/') + QLatin1String(file));
}

bool exited(const ReadResult &result)
{
    return result.status == ReadResult::Status::ProcessExited;
}

QString readFailure(int pid, const ReadResult &result)
{
    return exited(result) ? ProcfsText::tr("process %1 exited").arg(pid) : result.message;
}

QString parseFailure(const ProcSource &source, int pid, const char *file, const ParseError &error)
{
    return QStringLiteral("%1/%2/%3: %4").arg(source.rootPath()).arg(pid).arg(QLatin1String(file), error.toString());
}
}

QString ProcessInfo::commandLine() const
{
    if (!arguments.isEmpty())
        return Cmdline::toDisplayString(arguments);
    const QString bracketed = QLatin1Char('[') + name + QLatin1Char(']');
    return state == 'Z' ? bracketed + QStringLiteral(" <defunct>") : bracketed;
}

std::optional<ProcessInfo> ProcessInfo::read(const ProcSource &source, int pid, QString *error)
{
    const auto failed = [error](const QString &message) -> std::optional<ProcessInfo> {
        if (error)
            *error = message;
        return std::nullopt;
    };

    const ReadResult statusFile = readPart(source, pid, "status");
    if (!statusFile.ok())
        return failed(readFailure(pid, statusFile));
    const ReadResult statFile = readPart(source, pid, "stat");
    if (!statFile.ok())
        return failed(readFailure(pid, statFile));
    // An empty or missing cmdline leaves the arguments empty; only a vanished process matters here.
    const ReadResult cmdlineFile = readPart(source, pid, "cmdline");
    if (exited(cmdlineFile))
        return failed(readFailure(pid, cmdlineFile));

    const Parsed<ProcessStatus> status = ProcessStatus::parse(statusFile.data);
    if (!status.ok())
        return failed(parseFailure(source, pid, "status", status.error));
    const Parsed<ProcessStat> stat = ProcessStat::parse(statFile.data);
    if (!stat.ok())
        return failed(parseFailure(source, pid, "stat", stat.error));

    ProcessInfo info;
    info.pid = pid;
    info.ppid = status.value.ppid();
    info.name = status.value.name();
    info.arguments = Cmdline::parse(cmdlineFile.data);
    info.uid = status.value.realUid();
    if (info.uid)
        info.user = userName(*info.uid);
    info.state = stat.value.state;
    const std::optional<quint64> virt = status.value.kB("VmSize");
    info.kernelThread = !virt && info.arguments.isEmpty() && info.state != 'Z';
    info.virtKb = virt.value_or(0);
    info.resKb = status.value.kB("VmRSS").value_or(0);
    info.swapKb = status.value.kB("VmSwap").value_or(0);
    info.minflt = stat.value.minflt;
    info.majflt = stat.value.majflt;
    info.threads = status.value.threads();

    const std::optional<quint64> rssFile = status.value.kB("RssFile");
    const std::optional<quint64> rssShmem = status.value.kB("RssShmem");
    if (rssFile && rssShmem) {
        info.shrKb = *rssFile + *rssShmem;
    } else if (virt) {
        const ReadResult statmFile = readPart(source, pid, "statm");
        if (exited(statmFile))
            return failed(readFailure(pid, statmFile));
        if (const Parsed<ProcessStatm> statm = ProcessStatm::parse(statmFile.data); statmFile.ok() && statm.ok())
            info.shrKb = statm.value.shared * source.pageSize() / 1024;
    }
    return info;
}

double ProcessInfo::memPercent(quint64 resKb, quint64 memTotalKb)
{
    return memTotalKb == 0 ? 0.0 : 100.0 * double(resKb) / double(memTotalKb);
}
