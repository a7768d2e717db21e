// Writes the seed corpora of the fuzz targets (fuzzseeds.h) for packaging/fuzz.sh:
//   fuzz_seeds --list                          the target names, one a line
//   fuzz_seeds SOURCE_DIR OUT_DIR [TARGET...]  OUT_DIR/TARGET/seed-NAME for each (all by default)
#include "fuzzchecks.h"
#include "fuzzseeds.h"

#include <QDir>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    QStringList targets;
    for (const FuzzChecks::Target &target : FuzzChecks::targets())
        targets.append(target.name);
    if (argc == 2 && QByteArrayView(argv[1]) == "--list") {
        std::printf("%s\n", qPrintable(targets.join(QLatin1Char('\n'))));
        return 0;
    }
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s --list | SOURCE_DIR OUT_DIR [TARGET...]\n", argv[0]);
        return 2;
    }
    const QString sourceDir = QString::fromLocal8Bit(argv[1]);
    const QDir out(QString::fromLocal8Bit(argv[2]));
    if (argc > 3) {
        QStringList wanted;
        for (int i = 3; i < argc; ++i)
            wanted.append(QString::fromLocal8Bit(argv[i]));
        for (const QString &target : std::as_const(wanted)) {
            if (!targets.contains(target)) {
                std::fprintf(stderr, "unknown fuzz target %s\n", qPrintable(target));
                return 2;
            }
        }
        targets = wanted;
    }
    for (const QString &target : std::as_const(targets)) {
        const QList<FuzzSeeds::Seed> seeds = FuzzSeeds::seeds(target, sourceDir);
        if (seeds.isEmpty()) {
            std::fprintf(stderr, "no seeds for %s under %s\n", qPrintable(target), qPrintable(sourceDir));
            return 1;
        }
        if (!out.mkpath(target)) {
            std::fprintf(stderr, "cannot create %s\n", qPrintable(out.filePath(target)));
            return 1;
        }
        for (const FuzzSeeds::Seed &seed : seeds) {
            QFile file(out.filePath(target + QStringLiteral("/seed-") + seed.name));
            if (!file.open(QIODevice::WriteOnly) || file.write(seed.bytes) != seed.bytes.size()) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
                return 1;
            }
        }
        std::printf("%s: %lld seeds\n", qPrintable(target), qlonglong(seeds.size()));
    }
    return 0;
}
