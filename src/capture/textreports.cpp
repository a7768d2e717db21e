#include "textreports.h"

#include "freereport.h"
#include "kerneltext.h"
#include "mapsparser.h"
#include "meminfo.h"
#include "pmapformat.h"
#include "processinfo.h"
#include "processstat.h"
#include "smapsparser.h"

#include <algorithm>
#include <array>

namespace {

struct ReportName
{
    TextReports::Report report;
    const char *name;
};
constexpr std::array reportNameTable{
    ReportName{TextReports::Report::Maps, "maps"}, ReportName{TextReports::Report::Smaps, "smaps"},
    ReportName{TextReports::Report::Rollup, "rollup"}, ReportName{TextReports::Report::Free, "free"},
    ReportName{TextReports::Report::Top, "top"},
};

// The gate area ([vsyscall] on x86-64, [vectors] on 32-bit ARM) is shown by maps and smaps but is
// not one of the process's VMAs, so the kernel's rollup walk never sees it.
bool isGateArea(const Mapping &mapping)
{
    return mapping.path == QLatin1String("[vsyscall]") || mapping.path == QLatin1String("[vectors]");
}

// What smaps_rollup would say, summed from smaps, for kernels before 4.14 that lack the file. The
// header spans the first VMA's start to the last one's end, as the kernel's does. Two differences
// remain: the kernel sums Pss in fractions of a page before rounding, so a sum of rounded per-mapping
// Pss values can be lower (by under 1 kB per mapping); and Pss_Anon/Pss_File/Pss_Shmem, which smaps
// does not have, are left out. Size and the page sizes are per mapping and not part of a rollup.
SmapsEntry rollupFromSmaps(const QList<SmapsEntry> &entries)
{
    SmapsEntry rollup;
    rollup.mapping.path = QStringLiteral("[rollup]");
    bool first = true;
    for (const SmapsEntry &entry : entries) {
        if (isGateArea(entry.mapping))
            continue;
        if (first)
            rollup.mapping.start = entry.mapping.start;
        first = false;
        rollup.mapping.end = entry.mapping.end;
        for (int key = SmapsEntry::Rss; key < SmapsEntry::KeyCount; ++key) {
            const auto k = SmapsEntry::Key(key);
            if (entry.has(k))
                rollup.set(k, rollup.value(k) + entry.value(k));
        }
    }
    return rollup;
}

// free(1) output: a 9-wide label, then 11-wide right-aligned cells separated by a space.
QByteArray freeRow(QByteArrayView label, const QByteArrayList &cells)
{
    QByteArray row = label.toByteArray().leftJustified(9);
    for (qsizetype i = 0; i < cells.size(); ++i)
        row += (i > 0 ? " " : "") + cells[i].rightJustified(11);
    return row + '\n';
}

QByteArrayList numbers(std::initializer_list<quint64> values)
{
    QByteArrayList cells;
    for (quint64 value : values)
        cells.append(QByteArray::number(value));
    return cells;
}

// top shows at most 8 characters of a user name and marks a cut with '+'.
QByteArray topUser(const QString &user)
{
    const QByteArray name = user.toUtf8();
    return name.size() > 8 ? name.left(7) + '+' : name.leftJustified(8);
}

} // namespace

std::optional<TextReports::Report> TextReports::reportFromName(QStringView name)
{
    for (const ReportName &entry : reportNameTable) {
        if (name == QLatin1String(entry.name))
            return entry.report;
    }
    return std::nullopt;
}

QStringList TextReports::reportNames()
{
    QStringList names;
    for (const ReportName &entry : reportNameTable)
        names.append(QLatin1String(entry.name));
    return names;
}

bool TextReports::isPerProcess(Report report)
{
    return report == Report::Maps || report == Report::Smaps || report == Report::Rollup;
}

TextReports::TextReports(const ProcSource &source)
    : m_source(source)
{
}

ReadResult TextReports::readProcessFile(int pid, const QString &name) const
{
    if (!m_source.processExists(pid))
        return ReadResult::failure(ReadResult::Status::ProcessExited,
                                   QStringLiteral("process %1 does not exist").arg(pid));
    return m_source.readFile(QString::number(pid) + QLatin1Char('/') + name);
}

QString TextReports::parseFailure(int pid, const QString &name, const ParseError &error) const
{
    return QStringLiteral("%1/%2/%3: %4").arg(m_source.rootPath()).arg(pid).arg(name, error.toString());
}

QString TextReports::maps(int pid, QByteArray *out) const
{
    const QString name = QStringLiteral("maps");
    const ReadResult read = readProcessFile(pid, name);
    if (!read.ok())
        return read.message;
    const Parsed<QList<Mapping>> mappings = MapsParser::parse(read.data);
    if (!mappings.ok())
        return parseFailure(pid, name, mappings.error);
    for (const Mapping &mapping : mappings.value)
        *out += KernelText::mapsLine(mapping);
    return {};
}

QString TextReports::smaps(int pid, QByteArray *out) const
{
    const QString name = QStringLiteral("smaps");
    const ReadResult read = readProcessFile(pid, name);
    if (!read.ok())
        return read.message;
    const Parsed<QList<SmapsEntry>> entries = SmapsParser::parse(read.data);
    if (!entries.ok())
        return parseFailure(pid, name, entries.error);

    const ReadResult cmdline = readProcessFile(pid, QStringLiteral("cmdline"));
    if (!cmdline.ok())
        return cmdline.message;
    // pmap names a process without a command line (a kernel thread) by its comm, from stat.
    QString comm;
    if (cmdline.data.isEmpty()) {
        const QString statName = QStringLiteral("stat");
        const ReadResult stat = readProcessFile(pid, statName);
        if (!stat.ok())
            return stat.message;
        const Parsed<ProcessStat> parsedStat = ProcessStat::parse(stat.data);
        if (!parsedStat.ok())
            return parseFailure(pid, statName, parsedStat.error);
        comm = parsedStat.value.comm;
    }
    *out += PmapFormat::title(pid, cmdline.data, comm) + PmapFormat::extendedTable(entries.value);
    return {};
}

QString TextReports::rollup(int pid, QByteArray *out) const
{
    const QString name = QStringLiteral("smaps_rollup");
    const ReadResult read = readProcessFile(pid, name);
    if (read.ok()) {
        const Parsed<SmapsEntry> rollup = SmapsParser::parseRollup(read.data);
        if (!rollup.ok())
            return parseFailure(pid, name, rollup.error);
        *out += KernelText::smapsEntry(rollup.value);
        return {};
    }
    // Not there: a kernel before 4.14, or a process without memory, which the kernel refuses a rollup.
    if (read.status != ReadResult::Status::NotFound)
        return read.message;

    const QString smapsName = QStringLiteral("smaps");
    const ReadResult smaps = readProcessFile(pid, smapsName);
    if (!smaps.ok())
        return smaps.message;
    const Parsed<QList<SmapsEntry>> entries = SmapsParser::parse(smaps.data);
    if (!entries.ok())
        return parseFailure(pid, smapsName, entries.error);
    if (entries.value.isEmpty())
        return QStringLiteral("%1/%2/%3: process %2 has no mappings (kernel thread or zombie): nothing to roll up")
            .arg(m_source.rootPath())
            .arg(pid)
            .arg(smapsName);
    *out += KernelText::smapsEntry(rollupFromSmaps(entries.value));
    return {};
}

QString TextReports::free(bool wide, QByteArray *out) const
{
    const ReadResult read = m_source.readFile(QStringLiteral("meminfo"));
    if (!read.ok())
        return read.message;
    const Parsed<Meminfo> meminfo = Meminfo::parse(read.data);
    if (!meminfo.ok())
        return QStringLiteral("%1/meminfo: %2").arg(m_source.rootPath(), meminfo.error.toString());
    const FreeReport r = FreeReport::fromMeminfo(meminfo.value);

    QByteArrayList headings{"total", "used", "free", "shared"};
    QByteArrayList mem = numbers({r.total, r.used, r.free, r.shared});
    if (wide) {
        headings += {"buffers", "cache"};
        mem += numbers({r.buffers, r.cache});
    } else {
        headings += "buff/cache";
        mem += QByteArray::number(r.buffCache);
    }
    headings += "available";
    mem += QByteArray::number(r.available);

    *out += freeRow({}, headings) + freeRow("Mem:", mem) + freeRow("Swap:", numbers({r.swapTotal, r.swapUsed, r.swapFree}));
    return {};
}

QString TextReports::top(QByteArray *out, QStringList *warnings) const
{
    // %MEM needs MemTotal; a tree recorded without meminfo still gets the other columns.
    std::optional<quint64> memTotal;
    const ReadResult meminfoRead = m_source.readFile(QStringLiteral("meminfo"));
    const Parsed<Meminfo> meminfo = meminfoRead.ok() ? Meminfo::parse(meminfoRead.data) : Parsed<Meminfo>{};
    if (meminfoRead.ok() && meminfo.ok())
        memTotal = meminfo.value.value("MemTotal");
    if (!memTotal)
        warnings->append(QStringLiteral("%1/meminfo: no MemTotal; %MEM is not shown").arg(m_source.rootPath()));

    QList<ProcessInfo> processes;
    const QList<int> pids = m_source.pids();
    for (int pid : pids) {
        QString error;
        std::optional<ProcessInfo> info = ProcessInfo::read(m_source, pid, &error);
        if (info)
            processes.append(std::move(*info));
        else if (m_source.processExists(pid)) // exited while being read: not worth a word
            warnings->append(error);
    }
    std::stable_sort(processes.begin(), processes.end(),
                     [](const ProcessInfo &a, const ProcessInfo &b) { return a.resKb > b.resKb; });

    const auto kB = [](quint64 value) { return QByteArray::number(value).rightJustified(10); };
    *out += QByteArray("PID").rightJustified(7) + ' ' + QByteArray("USER").leftJustified(8) + ' '
        + QByteArray("VIRT").rightJustified(10) + ' ' + QByteArray("RES").rightJustified(10) + ' '
        + QByteArray("SHR").rightJustified(10) + ' ' + QByteArray("%MEM").rightJustified(5) + " COMMAND\n";
    for (const ProcessInfo &p : std::as_const(processes)) {
        const QByteArray memPercent = memTotal ? QByteArray::number(ProcessInfo::memPercent(p.resKb, *memTotal), 'f', 1)
                                               : QByteArray("-");
        *out += QByteArray::number(p.pid).rightJustified(7) + ' ' + topUser(p.user) + ' ' + kB(p.virtKb) + ' '
            + kB(p.resKb) + ' ' + kB(p.shrKb) + ' ' + memPercent.rightJustified(5) + ' ' + p.commandLine().toUtf8()
            + '\n';
    }
    return {};
}
