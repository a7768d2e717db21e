#include "fuzzseeds.h"

#include "bundleframes.h"
#include "bundlepagemap.h"
#include "bundleprocsource.h"
#include "bundlewriter.h"
#include "treeprocsource.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtEndian>

#include <vector>

using FuzzSeeds::Seed;

namespace {

// Damaged input every text parser must refuse cleanly.
const QLatin1String Garbage("parsers/odd/garbage.bin");

// Files under tests/data by shell-like patterns ('*' stays within one directory), in path order.
// Left out on purpose: widgets/maps/many-mappings.maps and widgets/raw/smaps (100-170 kB), which
// would let every input of their targets grow that long and slow each run down.
QList<Seed> files(const QString &dataDir, const QStringList &patterns)
{
    QList<QRegularExpression> expressions;
    for (const QString &pattern : patterns)
        expressions.append(QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern)));
    QStringList paths;
    for (QDirIterator it(dataDir, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = QDir(dataDir).relativeFilePath(it.next());
        for (const QRegularExpression &expression : std::as_const(expressions)) {
            if (expression.match(path).hasMatch()) {
                paths.append(path);
                break;
            }
        }
    }
    paths.sort();
    QList<Seed> result;
    for (const QString &path : std::as_const(paths)) {
        QFile file(dataDir + QLatin1Char('/') + path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(file.fileName()));
        result.append({QString(path).replace(QLatin1Char('/'), QLatin1Char('_')), file.readAll()});
    }
    return result;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// A recorded binary file of little-endian u64s (pagemap, kpageflags, kpagecount) in host order.
std::vector<quint64> entries(const QByteArray &bytes)
{
    std::vector<quint64> values(size_t(bytes.size() / 8));
    qFromLittleEndian<quint64>(bytes.constData(), qsizetype(values.size()), values.data());
    return values;
}

// The recorded bundles, and bundles written from trees: the pagemap trees give pagemap.ranges and
// kpage.frames (with and without PFNs), the bash tree two processes with every file.
QList<Seed> bundles(const QString &dataDir)
{
    QList<Seed> result = files(dataDir, {QStringLiteral("bundles/*.mematlas")});
    const QTemporaryDir dir;
    for (const QString &tree : {QStringLiteral("pagemap/root"), QStringLiteral("pagemap/hidden"), QStringLiteral("trees/bash")}) {
        const TreeProcSource source(dataDir + QLatin1Char('/') + tree);
        BundleWriter writer(source, QStringLiteral("fuzz seeds"));
        for (const int pid : source.pids())
            writer.addProcess(pid, {true, {}});
        writer.addMeminfo();
        const QString name = QStringLiteral("written_") + QString(tree).replace(QLatin1Char('/'), QLatin1Char('_'));
        const QString path = dir.filePath(name + QStringLiteral(".mematlas"));
        QString error;
        if (!writer.write(path, {}, &error))
            qFatal("cannot write a seed bundle: %s", qPrintable(error));
        result.append({name, fileBytes(path)});
    }
    return result;
}

// The manifests of the bundles above, as BundleProcSource reads them.
QList<Seed> manifests(const QString &dataDir)
{
    QList<Seed> result;
    const QTemporaryDir dir;
    for (const Seed &bundle : bundles(dataDir)) {
        const QString path = dir.filePath(bundle.name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bundle.bytes) != bundle.bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        QString error;
        const std::shared_ptr<BundleProcSource> source = BundleProcSource::open(path, &error);
        if (!source)
            qFatal("a seed bundle does not open: %s", qPrintable(error));
        result.append({bundle.name + QStringLiteral("_manifest.json"), source->manifest().toJson()});
    }
    return result;
}

// pagemap.ranges as BundleWriter makes it from each recorded pagemap.
QList<Seed> pagemapRanges(const QString &dataDir)
{
    QList<Seed> result;
    for (const Seed &pagemap : files(dataDir, {QStringLiteral("pagemap/*/*/pagemap")})) {
        const std::vector<quint64> values = entries(pagemap.bytes);
        BundlePagemap ranges;
        ranges.append(0, values.data(), qsizetype(values.size()));
        result.append({pagemap.name + QStringLiteral(".ranges"), ranges.encode(4096)});
    }
    return result;
}

// kpage.frames of every frame the recorded kpageflags and kpagecount say anything about.
QList<Seed> kpageFrames(const QString &dataDir)
{
    QList<Seed> result;
    const QDir trees(dataDir + QStringLiteral("/pagemap"));
    for (const QString &tree : trees.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (!trees.exists(tree + QStringLiteral("/kpageflags")))
            continue;
        const std::vector<quint64> flags = entries(fileBytes(trees.filePath(tree + QStringLiteral("/kpageflags"))));
        const std::vector<quint64> counts = entries(fileBytes(trees.filePath(tree + QStringLiteral("/kpagecount"))));
        QList<BundleFrames::Frame> frames;
        for (size_t pfn = 0; pfn < flags.size() && pfn < counts.size(); ++pfn) {
            if (flags[pfn] != 0 || counts[pfn] != 0)
                frames.append({pfn, flags[pfn], counts[pfn]});
        }
        result.append({QStringLiteral("pagemap_") + tree + QStringLiteral("_kpage.frames"), BundleFrames::encode(frames, flags.size())});
    }
    return result;
}

} // namespace

QList<Seed> FuzzSeeds::seeds(const QString &target, const QString &sourceDir)
{
    const QString dataDir = sourceDir + QStringLiteral("/tests/data");
    // Process files sit at trees/NAME/PID/, capture/NAME/PID/, parsers/real/NAME/ and pagemap/NAME/PID/.
    const auto processFiles = [&dataDir](const QString &name, QStringList more = {}) {
        more << QStringLiteral("*/*/*/") + name << Garbage;
        return files(dataDir, more);
    };
    if (target == QLatin1String("fuzz_maps"))
        return processFiles(QStringLiteral("maps"), {QStringLiteral("parsers/odd/maps-*"), QStringLiteral("widgets/raw/maps")});
    if (target == QLatin1String("fuzz_smaps"))
        return processFiles(QStringLiteral("smaps"), {QStringLiteral("parsers/odd/smaps-*")});
    if (target == QLatin1String("fuzz_smapsrollup"))
        return processFiles(QStringLiteral("smaps_rollup"));
    if (target == QLatin1String("fuzz_status"))
        return processFiles(QStringLiteral("status"), {QStringLiteral("widgets/raw/status")});
    if (target == QLatin1String("fuzz_stat"))
        return processFiles(QStringLiteral("stat"), {QStringLiteral("parsers/odd/stat-*")});
    if (target == QLatin1String("fuzz_statm"))
        return processFiles(QStringLiteral("statm"));
    if (target == QLatin1String("fuzz_cmdline"))
        return processFiles(QStringLiteral("cmdline"));
    if (target == QLatin1String("fuzz_meminfo"))
        return files(dataDir, {QStringLiteral("*/*/meminfo"), QStringLiteral("parsers/odd/meminfo-*"), Garbage});
    if (target == QLatin1String("fuzz_pageentry"))
        return files(dataDir, {QStringLiteral("pagemap/*/*/pagemap")});
    if (target == QLatin1String("fuzz_kpageflags"))
        return files(dataDir, {QStringLiteral("pagemap/*/kpageflags")});
    if (target == QLatin1String("fuzz_bundle"))
        return bundles(dataDir);
    if (target == QLatin1String("fuzz_bundlemanifest"))
        return manifests(dataDir);
    if (target == QLatin1String("fuzz_bundlepagemap"))
        return pagemapRanges(dataDir);
    if (target == QLatin1String("fuzz_bundleframes"))
        return kpageFrames(dataDir);
    if (target == QLatin1String("fuzz_lesson"))
        return files(sourceDir + QStringLiteral("/resources/lessons"), {QStringLiteral("*.json")});
    return {};
}
