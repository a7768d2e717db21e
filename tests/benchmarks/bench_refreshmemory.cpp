// The GUI's own memory while it refreshes: an hour of once-a-second refreshes, accelerated. The main
// window re-reads the process list (and the shown process's maps and smaps) back to back, on the
// live /proc and on a recorded tree, and its resident size is compared after a warm-up and at the end.
// Target: flat (growth well under 1 MiB per thousand refreshes) of the heap in use; RSS also counts
// what glibc keeps in its per-thread arenas for reuse, so it is shown before and after malloc_trim.
// Run on demand: bench_refreshmemory [CYCLES]

#include "liveprocsource.h"
#include "mainwindow.h"
#include "processlistrefresher.h"
#include "treeprocsource.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>

#include <cstdio>
#include <malloc.h>

namespace {
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Bytes malloc has handed out and not had back, over all arenas: the program's own use, whatever
// the allocator keeps mapped for reuse (which RSS also counts).
double heapInUseMiB()
{
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

void measure(const char *label, std::shared_ptr<const ProcSource> source, int pid, int cycles)
{
    MainWindow window(std::move(source), pid);
    window.resize(1400, 900);
    window.show();
    auto *refresher = window.findChild<ProcessListRefresher *>();
    auto *refresh = window.findChild<QAction *>(QStringLiteral("actionRefresh"));
    if (!refresher || !refresh) {
        std::fprintf(stderr, "the window has no refresher or refresh action\n");
        return;
    }
    // Counted, not spied: a QSignalSpy would keep every list it saw and be the growth measured.
    int lists = 0;
    QObject::connect(refresher, &ProcessListRefresher::processesRead, refresher, [&] { ++lists; });
    const auto cycle = [&] {
        const int before = lists;
        refresh->trigger(); // the list, and the shown process's maps and smaps
        QElapsedTimer waited;
        waited.start();
        while (lists == before && waited.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    };
    const int warmUp = std::min(200, cycles / 4);
    for (int i = 0; i < warmUp; ++i)
        cycle();
    const double start = residentMiB();
    const double heapStart = heapInUseMiB();
    QElapsedTimer timer;
    timer.start();
    for (int i = warmUp; i < cycles; ++i)
        cycle();
    const double end = residentMiB();
    const double heapEnd = heapInUseMiB();
    malloc_trim(0);
    const double trimmed = residentMiB();
    const int measured = cycles - warmUp;
    std::printf("%-22s %5d refreshes in %6.1f s (%5.2f ms each)\n", label, measured, double(timer.elapsed()) / 1000.0,
                double(timer.elapsed()) / measured);
    std::printf("    heap in use %7.1f -> %7.1f MiB, growth %+6.2f MiB (%+.3f MiB per 1000 refreshes)\n", heapStart,
                heapEnd, heapEnd - heapStart, (heapEnd - heapStart) * 1000.0 / measured);
    std::printf("    RSS         %7.1f -> %7.1f MiB, %7.1f MiB once malloc returns its free memory (malloc_trim)\n",
                start, end, trimmed);
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    const int cycles = argc > 1 ? std::max(100, QByteArray(argv[1]).toInt()) : 3600;
    std::printf("An hour of refreshes at one a second, back to back (%d cycles, first %d as warm-up)\n", cycles,
                std::min(200, cycles / 4));
    measure("live /proc, own pid", std::make_shared<LiveProcSource>(), int(QCoreApplication::applicationPid()), cycles);
    measure("recorded tree (bash)", std::make_shared<TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash")),
            12209, cycles);
    return 0;
}
