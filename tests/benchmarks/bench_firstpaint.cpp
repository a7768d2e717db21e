// The issue's target for opening a big process: "A process with 60,000 mappings: from asking for it
// to the first painted map (maps parsed, smaps streaming in later off the GUI thread) within 1.3x
// of the kernel's own time to produce its smaps text, measured in the same run".
//
// A child process makes 60,000 mappings (manymappingschild.h). Best of five each:
//   kernel      reading /proc/CHILD/smaps whole with read(2) into a preallocated buffer;
//   first paint LiveProcSource::readFile("CHILD/maps"), MapsParser::parse, readLink("CHILD/exe") +
//               Segments::classify, a fresh MappingModel::setMaps, and a fresh AddressSpaceView
//               (setModel, resize 1200x900) rendering one frame with renderImage.
// Prints the ratio first paint / kernel; the target is <= 1.3. Run a release build.

#include "addressspaceview.h"
#include "liveprocsource.h"
#include "manymappingschild.h"
#include "mappingmodel.h"
#include "mapsparser.h"
#include "segmentkind.h"

#include <QApplication>
#include <QByteArray>
#include <QImage>
#include <QString>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {

constexpr int rounds = 5;
const QSize PictureSize(1200, 900);

using Clock = std::chrono::steady_clock;

double millisecondsBetween(Clock::time_point start, Clock::time_point end)
{
    return std::chrono::duration<double, std::milli>(end - start).count();
}

struct FirstPaint
{
    double readMaps = 0;
    double parse = 0;
    double classify = 0; // readLink("PID/exe") + Segments::classify
    double model = 0; // a fresh MappingModel + setMaps
    double paint = 0; // a fresh AddressSpaceView + setModel + resize + renderImage
    qsizetype mappings = 0;
    qsizetype mapsBytes = 0;
    bool ok = false;

    double total() const { return readMaps + parse + classify + model + paint; }
};

FirstPaint firstPaint(const ProcSource &source, int pid)
{
    FirstPaint result;
    const QString pidText = QString::number(pid);
    const auto t0 = Clock::now();
    const ReadResult maps = source.readFile(pidText + QStringLiteral("/maps"));
    const auto t1 = Clock::now();
    if (!maps.ok()) {
        std::fprintf(stderr, "bench_firstpaint: %s\n", qPrintable(maps.message));
        return result;
    }
    const auto parsed = MapsParser::parse(maps.data);
    const auto t2 = Clock::now();
    if (!parsed.ok()) {
        std::fprintf(stderr, "bench_firstpaint: maps parse error: %s\n", qPrintable(parsed.error.toString()));
        return result;
    }
    const QList<SegmentClassification> classes =
        Segments::classify(parsed.value, source.readLink(pidText + QStringLiteral("/exe")));
    const auto t3 = Clock::now();
    QImage image;
    {
        MappingModel model;
        model.setMaps(parsed.value, classes);
        const auto t4 = Clock::now();
        {
            AddressSpaceView view;
            view.setModel(&model);
            view.resize(PictureSize);
            image = view.renderImage(PictureSize);
            const auto t5 = Clock::now(); // before view and model are destroyed
            result.model = millisecondsBetween(t3, t4);
            result.paint = millisecondsBetween(t4, t5);
        }
    }
    result.readMaps = millisecondsBetween(t0, t1);
    result.parse = millisecondsBetween(t1, t2);
    result.classify = millisecondsBetween(t2, t3);
    result.mappings = parsed.value.size();
    result.mapsBytes = maps.data.size();
    result.ok = !image.isNull();
    if (!result.ok)
        std::fprintf(stderr, "bench_firstpaint: renderImage gave a null image\n");
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    // Fork before QApplication starts any threads.
    const int count = ManyMappingsChild::mappingsToMake();
    const pid_t child = ManyMappingsChild::start(count, "bench_firstpaint");
    if (child < 0)
        return 1;

    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    // (a) The kernel producing the smaps text.
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/smaps", int(child));
    QByteArray buffer(128 * 1024 * 1024, Qt::Uninitialized);
    qsizetype smapsSize = ManyMappingsChild::readWhole(path, &buffer); // warm-up, and sizes the buffer
    double kernelBest = 1e300;
    for (int round = 0; round < rounds && smapsSize >= 0; ++round) {
        const auto start = Clock::now();
        smapsSize = ManyMappingsChild::readWhole(path, &buffer);
        kernelBest = std::min(kernelBest, millisecondsBetween(start, Clock::now()));
    }
    if (smapsSize < 0) {
        std::perror("bench_firstpaint: reading smaps");
        ManyMappingsChild::stop(child);
        return 1;
    }

    // (b) The first paint: a warm-up round (fonts, the style, first allocations), then the timed ones.
    const LiveProcSource source;
    const FirstPaint cold = firstPaint(source, int(child));
    FirstPaint best;
    double bestTotal = 1e300;
    double stageBest[5] = { 1e300, 1e300, 1e300, 1e300, 1e300 };
    for (int round = 0; round < rounds && cold.ok; ++round) {
        const FirstPaint r = firstPaint(source, int(child));
        if (!r.ok) {
            best.ok = false;
            break;
        }
        const double stages[5] = { r.readMaps, r.parse, r.classify, r.model, r.paint };
        for (int i = 0; i < 5; ++i)
            stageBest[i] = std::min(stageBest[i], stages[i]);
        if (r.total() < bestTotal) {
            bestTotal = r.total();
            best = r;
        }
    }
    ManyMappingsChild::stop(child);
    if (!cold.ok || !best.ok)
        return 1;

    std::printf("mappings: %lld (%d made by the child); maps %.1f MB, smaps %.1f MB\n",
                static_cast<long long>(best.mappings), count, double(best.mapsBytes) / (1024.0 * 1024.0),
                double(smapsSize) / (1024.0 * 1024.0));
    std::printf("kernel smaps read (best of %d):     %8.1f ms\n", rounds, kernelBest);
    std::printf("first paint, cold round:           %8.1f ms\n", cold.total());
    std::printf("first paint (best of %d):           %8.1f ms   [stage minima over the rounds]\n", rounds,
                best.total());
    std::printf("  read maps (LiveProcSource):      %8.1f ms   [%.1f]\n", best.readMaps, stageBest[0]);
    std::printf("  parse (MapsParser):              %8.1f ms   [%.1f]\n", best.parse, stageBest[1]);
    std::printf("  classify (readLink + Segments):  %8.1f ms   [%.1f]\n", best.classify, stageBest[2]);
    std::printf("  model (MappingModel::setMaps):   %8.1f ms   [%.1f]\n", best.model, stageBest[3]);
    std::printf("  paint (view + renderImage):      %8.1f ms   [%.1f]\n", best.paint, stageBest[4]);
    const double ratio = best.total() / kernelBest;
    std::printf("ratio first paint / kernel:        %8.2f   (target <= 1.30: %s)\n", ratio,
                ratio <= 1.3 ? "met" : "MISSED");
    return 0;
}
