#include "fuzzchecks.h"

#include "bundleframes.h"
#include "bundlemanifest.h"
#include "bundlepagemap.h"
#include "bundleprocsource.h"
#include "cmdline.h"
#include "framecensus.h"
#include "freereport.h"
#include "kpageflags.h"
#include "lessonlibrary.h"
#include "mapsparser.h"
#include "meminfo.h"
#include "pageentry.h"
#include "pagemapreader.h"
#include "processinfo.h"
#include "processstat.h"
#include "processstatm.h"
#include "processstatus.h"
#include "smapsparser.h"

#include <QDir>
#include <QTemporaryFile>
#include <QtEndian>

#include <bit>
#include <cstring>

using namespace FuzzChecks;

namespace {

// An error message is for a person: parsers quote at most a short piece of the input, so a
// message that grows with the input is a defect of its own.
constexpr qsizetype MaxMessageLength = 1000;

constexpr quint64 bit(int n)
{
    return quint64(1) << n;
}

// What the kernel can name: PFNs and swap locations have 55 bits (pagemap.rst).
constexpr quint64 PfnMask = bit(55) - 1;

// Lines as ParseHelpers::LineReader counts them: an unterminated last line counts too.
qsizetype lineCount(QByteArrayView text)
{
    return text.count('\n') + (!text.isEmpty() && !text.endsWith('\n') ? 1 : 0);
}

QString errorOutcome(const ParseError &error)
{
    return QStringLiteral("error: ") + error.toString();
}

void checkMessage(const QString &message, QStringList *violations)
{
    if (message.isEmpty())
        violations->append(QStringLiteral("an error without a message"));
    else if (message.size() > MaxMessageLength)
        violations->append(QStringLiteral("a %1-character error message").arg(message.size()));
}

// A parse error names a line of the input (1-based) or none (0), and explains itself briefly.
// Empty input may be blamed on its first line: one-line files (stat, statm) say it was cut there.
void checkError(const ParseError &error, qsizetype lines, QStringList *violations)
{
    checkMessage(error.toString(), violations);
    if (error.line < 0 || error.line > qMax<qsizetype>(lines, 1))
        violations->append(QStringLiteral("error on line %1 of %2").arg(error.line).arg(lines));
}

// Parsers keep the records of the whole lines before an error: one record per line there.
void checkRecordsBefore(const ParseError &error, qsizetype lines, qsizetype records, QStringList *violations)
{
    const qsizetype expected = error.isError() ? qMax(0, error.line - 1) : lines;
    if (records != expected)
        violations->append(QStringLiteral("%1 records for %2 lines").arg(records).arg(expected));
}

bool sameEntry(const SmapsEntry &a, const SmapsEntry &b)
{
    return a.mapping == b.mapping && a.values == b.values && a.present == b.present && a.unknown == b.unknown
        && a.thpEligible == b.thpEligible && a.protectionKey == b.protectionKey && a.vmFlags == b.vmFlags;
}

// A value read back from a pagemap-like buffer: u64s in host byte order.
quint64 hostEntry(const QByteArray &data, qsizetype index)
{
    quint64 value = 0;
    std::memcpy(&value, data.constData() + index * 8, sizeof value);
    return value;
}

// Prefixes another check's violations with the file they came from.
void collect(const QString &file, const Result &result, QStringList *violations)
{
    for (const QString &violation : result.violations)
        violations->append(file + QStringLiteral(": ") + violation);
}

// The bytes as a file: BundleProcSource reads paths, as the application gives it. One file per
// process, rewritten for every input.
QString writeTemporary(QByteArrayView bytes)
{
    static QTemporaryFile file(QDir::tempPath() + QStringLiteral("/mematlas-fuzz-XXXXXX.mematlas"));
    if (!file.isOpen() && !file.open())
        qFatal("cannot create a temporary file for the bundle");
    if (!file.resize(0) || !file.seek(0) || file.write(bytes.data(), bytes.size()) != bytes.size() || !file.flush())
        qFatal("cannot write the temporary bundle file");
    return file.fileName();
}

// Every process of an open bundle through the readers the application uses on it.
void readProcess(const BundleProcSource &source, int pid, int *files, QStringList *violations)
{
    const QList<QPair<QLatin1String, Check>> parsers{
        {QLatin1String("maps"), FuzzChecks::maps},     {QLatin1String("smaps"), FuzzChecks::smaps},
        {QLatin1String("smaps_rollup"), FuzzChecks::smapsRollup}, {QLatin1String("status"), FuzzChecks::status},
        {QLatin1String("stat"), FuzzChecks::stat},     {QLatin1String("statm"), FuzzChecks::statm},
        {QLatin1String("cmdline"), FuzzChecks::cmdline},
    };
    for (const auto &[name, check] : parsers) {
        const QString path = QString::number(pid) + QLatin1Char('/') + name;
        const ReadResult read = source.readFile(path);
        if (read.ok()) {
            ++*files;
            collect(path, check(read.data), violations);
        } else {
            checkMessage(read.message, violations);
        }
    }

    QString error;
    if (!ProcessInfo::read(source, pid, &error))
        checkMessage(error, violations);

    // All of the pagemap, bounded: what a view asks for when it shows the whole process.
    PageMapReader reader(source);
    reader.setMaxPages(quint64(1) << 16);
    const ReadOutcome<PageMapSnapshot> pages = reader.read(pid, {});
    if (!pages.ok()) {
        checkMessage(pages.error, violations);
        return;
    }
    quint64 pageCount = 0;
    for (const PageMapSnapshot::Range &range : pages.value.ranges) {
        pageCount += range.pageCount;
        if (quint64(range.entries.size()) != range.pageCount * 8)
            violations->append(QStringLiteral("%1/pagemap: a range of %2 pages holds %3 bytes").arg(pid).arg(range.pageCount).arg(range.entries.size()));
    }
    if (pageCount != pages.value.pageCount || pages.value.presentCount > pageCount)
        violations->append(QStringLiteral("%1/pagemap: page counts do not add up").arg(pid));
}

} // namespace

Result FuzzChecks::maps(QByteArrayView input)
{
    Result result;
    const Parsed<QList<Mapping>> parsed = MapsParser::parse(input);
    const qsizetype lines = lineCount(input);
    checkRecordsBefore(parsed.error, lines, parsed.value.size(), &result.violations);
    if (!parsed.ok())
        checkError(parsed.error, lines, &result.violations);
    for (const Mapping &mapping : parsed.value) {
        if (mapping.end < mapping.start)
            result.violations.append(QStringLiteral("a mapping ends before it starts"));
        // The raw view and exports print mappings back as maps lines: they must read the same.
        Mapping again;
        QString error;
        if (!MapsParser::parseLine(mapping.toMapsLine().toUtf8(), &again, &error) || !(again == mapping))
            result.violations.append(QStringLiteral("toMapsLine() does not read back: %1 %2").arg(mapping.toMapsLine(), error));
    }
    result.outcome = parsed.ok() ? QStringLiteral("ok: %1 mappings").arg(parsed.value.size()) : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::smaps(QByteArrayView input)
{
    Result result;
    const Parsed<QList<SmapsEntry>> parsed = SmapsParser::parse(input);
    const qsizetype lines = lineCount(input);
    if (!parsed.ok())
        checkError(parsed.error, lines, &result.violations);

    // Every whole line before the error that reads as a maps line starts an entry, with that mapping.
    QList<Mapping> headers;
    qsizetype lineNumber = 0;
    for (QByteArrayView rest = input; !rest.isEmpty();) {
        const qsizetype newline = rest.indexOf('\n');
        if (newline < 0 || (parsed.error.isError() && ++lineNumber >= parsed.error.line))
            break;
        Mapping mapping;
        QString error;
        if (MapsParser::parseLine(rest.first(newline), &mapping, &error))
            headers.append(mapping);
        rest = rest.sliced(newline + 1);
    }
    if (headers.size() != parsed.value.size())
        result.violations.append(QStringLiteral("%1 entries for %2 header lines").arg(parsed.value.size()).arg(headers.size()));
    for (qsizetype i = 0; i < qMin(headers.size(), parsed.value.size()); ++i) {
        if (!(headers.at(i) == parsed.value.at(i).mapping))
            result.violations.append(QStringLiteral("entry %1 has another mapping than its header line").arg(i));
    }
    result.outcome = parsed.ok() ? QStringLiteral("ok: %1 entries").arg(parsed.value.size()) : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::smapsRollup(QByteArrayView input)
{
    Result result;
    const Parsed<SmapsEntry> rollup = SmapsParser::parseRollup(input);
    const Parsed<QList<SmapsEntry>> entries = SmapsParser::parse(input);
    if (!rollup.ok())
        checkError(rollup.error, lineCount(input), &result.violations);
    // smaps_rollup is smaps with exactly one entry: both parsers must agree on it.
    const bool oneEntry = entries.ok() && entries.value.size() == 1;
    if (rollup.ok() != oneEntry)
        result.violations.append(QStringLiteral("the rollup parser and the smaps parser disagree"));
    else if (oneEntry && !sameEntry(rollup.value, entries.value.first()))
        result.violations.append(QStringLiteral("the rollup entry differs from the smaps entry"));
    result.outcome = rollup.ok() ? QStringLiteral("ok: Rss %1 kB").arg(rollup.value.value(SmapsEntry::Rss)) : errorOutcome(rollup.error);
    return result;
}

Result FuzzChecks::status(QByteArrayView input)
{
    Result result;
    const Parsed<ProcessStatus> parsed = ProcessStatus::parse(input);
    const qsizetype lines = lineCount(input);
    checkRecordsBefore(parsed.error, lines, parsed.value.fields.size(), &result.violations);
    if (!parsed.ok())
        checkError(parsed.error, lines, &result.violations);
    const ProcessStatus &status = parsed.value;
    for (const auto &[key, value] : status.fields) {
        if (value != value.trimmed())
            result.violations.append(QStringLiteral("a value kept its padding"));
        if (status.kB(key) && !status.value(key).endsWith("kB")) // the first of repeated keys counts
            result.violations.append(QStringLiteral("a kB value without kB"));
    }
    if (status.pid() < 0 || status.ppid() < 0 || status.threads() < 0)
        result.violations.append(QStringLiteral("a negative pid, ppid or thread count"));
    result.outcome = parsed.ok() ? QStringLiteral("ok: %1 fields, name \"%2\", uid %3")
                                       .arg(status.fields.size())
                                       .arg(status.name())
                                       .arg(status.realUid() ? QString::number(*status.realUid()) : QStringLiteral("none"))
                                 : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::stat(QByteArrayView input)
{
    Result result;
    const Parsed<ProcessStat> parsed = ProcessStat::parse(input);
    const ProcessStat &stat = parsed.value;
    if (!parsed.ok()) {
        checkError(parsed.error, lineCount(input), &result.violations);
    } else {
        if (stat.pid < 0 || stat.ppid < 0 || stat.numThreads < 0)
            result.violations.append(QStringLiteral("a negative pid, ppid or thread count"));
        const qsizetype open = input.indexOf('(');
        const qsizetype close = input.lastIndexOf(')');
        if (stat.comm != QString::fromUtf8(input.sliced(open + 1, close - open - 1)))
            result.violations.append(QStringLiteral("comm is not the text between the first '(' and the last ')'"));
    }
    result.outcome = parsed.ok() ? QStringLiteral("ok: pid %1 (%2) %3, minflt %4, majflt %5")
                                       .arg(stat.pid)
                                       .arg(stat.comm)
                                       .arg(QLatin1Char(stat.state))
                                       .arg(stat.minflt)
                                       .arg(stat.majflt)
                                 : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::statm(QByteArrayView input)
{
    Result result;
    const Parsed<ProcessStatm> parsed = ProcessStatm::parse(input);
    const ProcessStatm &statm = parsed.value;
    if (!parsed.ok()) {
        checkError(parsed.error, lineCount(input), &result.violations);
    } else {
        // The numbers printed as the kernel prints them read back the same.
        const QByteArray printed = QByteArray::number(statm.size) + ' ' + QByteArray::number(statm.resident) + ' '
            + QByteArray::number(statm.shared) + ' ' + QByteArray::number(statm.text) + ' ' + QByteArray::number(statm.lib)
            + ' ' + QByteArray::number(statm.data) + ' ' + QByteArray::number(statm.dirty) + '\n';
        const Parsed<ProcessStatm> again = ProcessStatm::parse(printed);
        if (!again.ok() || again.value.size != statm.size || again.value.resident != statm.resident
            || again.value.shared != statm.shared || again.value.text != statm.text || again.value.lib != statm.lib
            || again.value.data != statm.data || again.value.dirty != statm.dirty)
            result.violations.append(QStringLiteral("the values printed again do not read back"));
    }
    result.outcome = parsed.ok() ? QStringLiteral("ok: size %1, resident %2, shared %3").arg(statm.size).arg(statm.resident).arg(statm.shared)
                                 : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::meminfo(QByteArrayView input)
{
    Result result;
    const Parsed<Meminfo> parsed = Meminfo::parse(input);
    const qsizetype lines = lineCount(input);
    checkRecordsBefore(parsed.error, lines, parsed.value.fields.size(), &result.violations);
    if (!parsed.ok())
        checkError(parsed.error, lines, &result.violations);
    // The free panel is drawn from whatever was read, even from a file with an error further down.
    const FreeReport free = FreeReport::fromMeminfo(parsed.value);
    if (free.used > free.total || free.usedLegacy > free.total || free.swapUsed > free.swapTotal)
        result.violations.append(QStringLiteral("used memory or swap above the total"));
    const std::optional<quint64> available = parsed.value.value("MemAvailable");
    if (free.available != (free.availableEstimated ? free.free : available.value_or(0)))
        result.violations.append(QStringLiteral("available is neither MemAvailable nor an estimate from MemFree"));
    result.outcome = parsed.ok() ? QStringLiteral("ok: %1 fields, total %2, used %3, available %4%5")
                                       .arg(parsed.value.fields.size())
                                       .arg(free.total)
                                       .arg(free.used)
                                       .arg(free.available)
                                       .arg(free.availableEstimated ? QStringLiteral(" (estimated)") : QString())
                                 : errorOutcome(parsed.error);
    return result;
}

Result FuzzChecks::cmdline(QByteArrayView input)
{
    Result result;
    const QStringList arguments = Cmdline::parse(input);
    const QByteArrayView body = input.endsWith('\0') ? input.chopped(1) : input;
    const qsizetype expected = input.isEmpty() ? 0 : body.count('\0') + 1;
    if (arguments.size() != expected)
        result.violations.append(QStringLiteral("%1 arguments for %2 NUL-separated ones").arg(arguments.size()).arg(expected));
    // The process list shows it on one line.
    const QString shown = Cmdline::toDisplayString(arguments);
    for (const QChar c : shown) {
        if (c.category() == QChar::Other_Control) {
            result.violations.append(QStringLiteral("a control character in the displayed command line"));
            break;
        }
    }
    result.outcome = QStringLiteral("ok: %1 arguments").arg(arguments.size());
    return result;
}

Result FuzzChecks::pageEntries(QByteArrayView input)
{
    Result result;
    qsizetype present = 0;
    qsizetype swapped = 0;
    for (qsizetype offset = 0; offset + 8 <= input.size(); offset += 8) {
        const quint64 raw = qFromLittleEndian<quint64>(input.data() + offset);
        const PageEntry entry = PageEntry::decode(raw);
        const bool flagsRight = entry.raw == raw && entry.present == bool(raw & bit(63)) && entry.swapped == bool(raw & bit(62))
            && entry.fileOrSharedAnon == bool(raw & bit(61)) && entry.guardRegion == bool(raw & bit(58))
            && entry.uffdWriteProtected == bool(raw & bit(57)) && entry.exclusive == bool(raw & bit(56))
            && entry.softDirty == bool(raw & bit(55));
        // Bits 0-54 are a frame for a present page, a swap location for a swapped one, else nothing.
        const bool locationRight = entry.present ? entry.pfn == (raw & PfnMask) && entry.swapType == 0 && entry.swapOffset == 0
            : entry.swapped ? entry.pfn == 0 && ((entry.swapOffset << 5) | entry.swapType) == (raw & PfnMask) && entry.swapType < 32
                            : entry.pfn == 0 && entry.swapType == 0 && entry.swapOffset == 0;
        if (!flagsRight || !locationRight)
            result.violations.append(QStringLiteral("entry 0x%1 decoded wrong").arg(raw, 16, 16, QLatin1Char('0')));
        present += entry.present;
        swapped += entry.swapped && !entry.present;
    }
    result.outcome = QStringLiteral("ok: %1 entries, %2 present, %3 swapped").arg(input.size() / 8).arg(present).arg(swapped);
    return result;
}

Result FuzzChecks::kpageFlags(QByteArrayView input)
{
    Result result;
    QList<int> classes(FrameCensus::ClassCount);
    for (qsizetype offset = 0; offset + 8 <= input.size(); offset += 8) {
        const quint64 flags = qFromLittleEndian<quint64>(input.data() + offset);
        // One name per stable bit set, in bit order; bits 27 and up are unstable and unnamed.
        QStringList expected;
        for (int b = 0; b < KPageFlags::StableBitCount; ++b) {
            if (flags & bit(b))
                expected.append(QLatin1String(KPageFlags::name(KPageFlags::Bit(b))));
        }
        if (KPageFlags::names(flags) != expected || expected.contains(QString()))
            result.violations.append(QStringLiteral("flags 0x%1 named wrong").arg(flags, 0, 16));
        const int frameClass = FrameCensus::classify(flags);
        if (frameClass < 0 || frameClass >= FrameCensus::ClassCount
            || FrameCensus::className(FrameCensus::Class(frameClass)).isEmpty()) {
            result.violations.append(QStringLiteral("flags 0x%1 in no class").arg(flags, 0, 16));
            continue;
        }
        ++classes[frameClass];
    }
    QStringList counts;
    for (int c = 0; c < FrameCensus::ClassCount; ++c)
        counts.append(QString::number(classes.at(c)));
    result.outcome = QStringLiteral("ok: %1 frames, by class %2").arg(input.size() / 8).arg(counts.join(QLatin1Char('/')));
    return result;
}

Result FuzzChecks::bundle(QByteArrayView input)
{
    Result result;
    const QString path = writeTemporary(input);
    QString error;
    const std::shared_ptr<BundleProcSource> source = BundleProcSource::open(path, &error);
    if (!source) {
        // "FILE: what is wrong", without the temporary name, which differs from run to run.
        if (!error.startsWith(path + QStringLiteral(": ")))
            result.violations.append(QStringLiteral("the error does not name the file: %1").arg(error));
        const QString reason = error.mid(path.size() + 2);
        checkMessage(reason, &result.violations);
        result.outcome = QStringLiteral("error: ") + reason;
        return result;
    }

    int files = 0;
    for (const int pid : source->pids())
        readProcess(*source, pid, &files, &result.violations);
    QStringList meminfoPaths{QStringLiteral("meminfo")};
    for (const BundleManifest::MeminfoSample &sample : source->manifest().meminfoSamples)
        meminfoPaths.append(sample.path.mid(BundleManifest::ProcPrefix.size()));
    for (const QString &meminfoPath : std::as_const(meminfoPaths)) {
        const ReadResult read = source->readFile(meminfoPath);
        if (read.ok()) {
            ++files;
            collect(meminfoPath, FuzzChecks::meminfo(read.data), &result.violations);
        } else {
            checkMessage(read.message, &result.violations);
        }
    }
    result.outcome = QStringLiteral("ok: %1 processes, %2 files read").arg(source->pids().size()).arg(files);
    return result;
}

Result FuzzChecks::bundleManifest(QByteArrayView input)
{
    Result result;
    QString error;
    const std::optional<BundleManifest> manifest = BundleManifest::fromJson(input, &error);
    if (!manifest) {
        checkMessage(error, &result.violations);
        result.outcome = QStringLiteral("error: ") + error;
        return result;
    }
    if (manifest->formatVersion > BundleManifest::CurrentFormatVersion || manifest->pageSize < 4096
        || manifest->pageSize > 65536 || !std::has_single_bit(manifest->pageSize))
        result.violations.append(QStringLiteral("accepted format version %1 or page size %2")
                                     .arg(manifest->formatVersion)
                                     .arg(manifest->pageSize));
    // Bundles are written from a manifest read back (the GUI saves a bundle it opened): what is
    // accepted must be written so that it reads back the same.
    const QByteArray json = manifest->toJson();
    const std::optional<BundleManifest> again = BundleManifest::fromJson(json, &error);
    if (!again)
        result.violations.append(QStringLiteral("toJson() does not read back: %1").arg(error));
    else if (again->toJson() != json)
        result.violations.append(QStringLiteral("toJson() reads back different"));
    result.outcome = QStringLiteral("ok: %1 processes, %2 unreadable, %3 samples")
                         .arg(manifest->processes.size())
                         .arg(manifest->unreadable.size())
                         .arg(manifest->meminfoSamples.size());
    return result;
}

Result FuzzChecks::bundlePagemap(QByteArrayView input)
{
    Result result;
    QStringList outcomes;
    for (const quint64 pageSize : {quint64(4096), quint64(65536)}) {
        QString error;
        const std::optional<BundlePagemap> pagemap = BundlePagemap::decode(input, pageSize, &error);
        if (!pagemap) {
            checkMessage(error, &result.violations);
            outcomes.append(QStringLiteral("error: %1 (%2 KiB pages)").arg(error).arg(pageSize / 1024));
            continue;
        }
        outcomes.append(QStringLiteral("ok (%1 KiB pages)").arg(pageSize / 1024));
        if (pagemap->encode(pageSize) != input)
            result.violations.append(QStringLiteral("does not encode back to the same bytes"));
        // The first range reads back as stored, a page at a time as PageMapReader asks.
        if (input.size() < BundlePagemap::HeaderSize + 16)
            continue;
        const char *range = input.data() + BundlePagemap::HeaderSize;
        const quint64 firstPage = qFromLittleEndian<quint64>(range) / pageSize;
        const quint64 pages = qMin<quint64>(qFromLittleEndian<quint64>(range + 8), 512);
        const QByteArray read = pagemap->read(firstPage * 8, pages * 8);
        if (quint64(read.size()) != pages * 8) {
            result.violations.append(QStringLiteral("a read of %1 pages gave %2 bytes").arg(pages).arg(read.size()));
            continue;
        }
        for (quint64 page = 0; page < pages; ++page) {
            if (hostEntry(read, qsizetype(page)) != qFromLittleEndian<quint64>(range + 16 + page * 8)) {
                result.violations.append(QStringLiteral("page %1 of the first range reads back different").arg(page));
                break;
            }
        }
    }
    result.outcome = outcomes.join(QStringLiteral("; "));
    return result;
}

Result FuzzChecks::bundleFrames(QByteArrayView input)
{
    Result result;
    QString error;
    const std::optional<BundleFrames> frames = BundleFrames::decode(input, &error);
    if (!frames) {
        checkMessage(error, &result.violations);
        result.outcome = QStringLiteral("error: ") + error;
        return result;
    }
    if (BundleFrames::encode(frames->frames(), frames->pfnEnd()) != input)
        result.violations.append(QStringLiteral("does not encode back to the same bytes"));
    // Each frame reads back from both columns at its PFN (the kernel's files are indexed by PFN).
    for (const BundleFrames::Frame &frame : frames->frames()) {
        if (frame.pfn > PfnMask)
            continue;
        const QByteArray flags = frames->read(BundleFrames::Column::Flags, frame.pfn * 8, 8);
        const QByteArray count = frames->read(BundleFrames::Column::Count, frame.pfn * 8, 8);
        if (flags.size() != 8 || count.size() != 8 || hostEntry(flags, 0) != frame.flags || hostEntry(count, 0) != frame.count) {
            result.violations.append(QStringLiteral("PFN %1 reads back different").arg(frame.pfn));
            break;
        }
    }
    if (frames->pfnEnd() != 0 && frames->pfnEnd() <= PfnMask && !frames->read(BundleFrames::Column::Flags, frames->pfnEnd() * 8, 8).isEmpty())
        result.violations.append(QStringLiteral("a read at the PFN end is not empty"));
    result.outcome = QStringLiteral("ok: %1 frames, PFN end %2").arg(frames->frames().size()).arg(frames->pfnEnd());
    return result;
}

Result FuzzChecks::lesson(QByteArrayView input)
{
    Result result;
    const Parsed<Lesson> parsed = LessonLibrary::parse(input);
    const Lesson &lesson = parsed.value;
    if (!parsed.ok()) {
        // JSON ends where a newline may already have ended the last line: on the line after it.
        checkError(parsed.error, lineCount(input) + 1, &result.violations);
        if (!(lesson == Lesson()))
            result.violations.append(QStringLiteral("a refused lesson keeps some of its values"));
        result.outcome = errorOutcome(parsed.error);
        return result;
    }
    // What the Lessons panel relies on: a name, a title and steps with text.
    if (lesson.id.isEmpty() || lesson.title.trimmed().isEmpty() || lesson.steps.isEmpty())
        result.violations.append(QStringLiteral("a lesson without id, title or steps"));
    for (const LessonStep &step : lesson.steps) {
        if (step.text.trimmed().isEmpty())
            result.violations.append(QStringLiteral("a step without text"));
    }
    result.outcome = QStringLiteral("ok: \"%1\", %2 steps").arg(lesson.id).arg(lesson.steps.size());
    return result;
}

const QList<Target> &FuzzChecks::targets()
{
    static const QList<Target> all{
        {QLatin1String("fuzz_maps"), maps},
        {QLatin1String("fuzz_smaps"), smaps},
        {QLatin1String("fuzz_smapsrollup"), smapsRollup},
        {QLatin1String("fuzz_status"), status},
        {QLatin1String("fuzz_stat"), stat},
        {QLatin1String("fuzz_statm"), statm},
        {QLatin1String("fuzz_meminfo"), meminfo},
        {QLatin1String("fuzz_cmdline"), cmdline},
        {QLatin1String("fuzz_pageentry"), pageEntries},
        {QLatin1String("fuzz_kpageflags"), kpageFlags},
        {QLatin1String("fuzz_bundle"), bundle},
        {QLatin1String("fuzz_bundlemanifest"), bundleManifest},
        {QLatin1String("fuzz_bundlepagemap"), bundlePagemap},
        {QLatin1String("fuzz_bundleframes"), bundleFrames},
        {QLatin1String("fuzz_lesson"), lesson},
    };
    return all;
}
