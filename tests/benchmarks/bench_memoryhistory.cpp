// Memory over time, measured: a week of 1 s samples into MemoryHistory (time, memory against the
// ceiling), reductions and chart redraws for zooms, and the CPU cost of sampling at 10 Hz.
// Run on demand, built in RelWithDebInfo: bench_memoryhistory

#include "liveprocsource.h"
#include "meminfosampler.h"
#include "memorychartwidget.h"
#include "memoryhistory.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <vector>

namespace {
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double millisecondsSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Median of `runs` timings of work(), in ms.
template<typename Work>
double medianMs(int runs, Work work)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.push_back(millisecondsSince(timer));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

struct Window
{
    const char *name;
    qint64 fromMs;
    qint64 toMs;
};

// CPU used by this process while a sampler runs at 10 Hz for 10 s of wall time, as % of one core.
double samplingCpuPercent(bool withChart)
{
    MemoryHistory history;
    MeminfoSampler sampler(std::make_shared<LiveProcSource>(), &history);
    sampler.setInterval(100);
    MemoryChartWidget chart;
    if (withChart) {
        chart.resize(1200, 600);
        chart.setHistory(&history);
        chart.show();
        QObject::connect(&sampler, &MeminfoSampler::sampled, &chart, &MemoryChartWidget::refresh);
    }
    int samples = 0;
    QObject::connect(&sampler, &MeminfoSampler::sampled, [&] { ++samples; });
    const double cpuBefore = processCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QEventLoop loop;
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    const double cpu = processCpuSeconds() - cpuBefore;
    const double seconds = millisecondsSince(wall) / 1000;
    std::printf("  %-22s %d samples in %.1f s, CPU %.3f s = %.2f %% of one core\n",
                withChart ? "sampler + chart redraw" : "sampler alone", samples, seconds, cpu, 100 * cpu / seconds);
    return 100 * cpu / seconds;
}

// A week at 1 s of the eight series the chart draws by default. "typical": page cache with a daily
// rhythm, used memory a random walk with a 1 GiB spike of 30 s every 3 hours; "jagged": swings of
// +-2 GiB every hour plus noise, so every pixel column of a week's view holds a tall envelope.
void weekOfSamples(const char *profile, bool jagged)
{
    constexpr qint64 Samples = 7 * 86'400;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - Samples * 1000;
    MemoryHistory history;
    const QStringList names{QStringLiteral("MemTotal"),      QStringLiteral("MemFree"),
                            QStringLiteral("MemAvailable"),  MeminfoSampler::UsedSeries,
                            MeminfoSampler::BuffCacheSeries, MeminfoSampler::SwapUsedSeries,
                            MeminfoSampler::UsedExclCacheSeries, MeminfoSampler::NotFreeSeries};
    for (const QString &name : names)
        history.addSeries(name);
    std::vector<double> values(names.size());
    quint32 noise = 1;
    double walk = 6e6;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < Samples; ++i) {
        noise = noise * 1664525u + 1013904223u;
        const double total = 24'684'084;
        const double daily = std::sin(double(i) / 86'400 * 6.283);
        double cache;
        double usedExcl;
        if (jagged) {
            cache = 4e6 + 3e6 * daily + double(noise >> 12) / 4096;
            usedExcl = 6e6 + 2e6 * std::sin(double(i) / 3600 * 6.283) + double(noise >> 16);
        } else {
            walk = std::clamp(walk + (double(noise >> 16) - 32'768) / 64, 4e6, 9e6);
            cache = 4e6 + 3e6 * daily;
            usedExcl = walk + (i % 10'800 < 30 ? 1'048'576 : 0);
        }
        const double free = total - usedExcl - cache;
        values = {total, free, free + cache * 0.8, total - free - cache * 0.8, cache, 1e5, usedExcl, usedExcl + cache};
        history.append(i * 1'000'000'000, start + i * 1000, values);
    }
    const double insertMs = millisecondsSince(timer);
    std::printf("%s week: %lld samples x %lld series inserted in %.1f ms (%.0f ns per sample); "
                "memory %.2f MiB of the %.0f MiB ceiling\n",
                profile, Samples, qint64(names.size()), insertMs, insertMs * 1e6 / double(Samples),
                double(history.memoryUsageBytes()) / 1048576, double(MemoryHistory::MemoryCeilingBytes) / 1048576);

    // Reductions of all eight series to 1200 columns, and the chart (1400x700) redrawn for the same
    // windows: reduce + replace + axes, then with a full repaint (grab).
    const qint64 newest = history.newestWallMs();
    const std::array<Window, 5> windows{{{"last 5 min", newest - 300'000, newest},
                                         {"last 1 h", newest - 3'600'000, newest},
                                         {"last 24 h", newest - 86'400'000, newest},
                                         {"all 7 days", history.oldestWallMs(), newest},
                                         {"2 days, 3 days ago", newest - 5 * 86'400'000ll, newest - 3 * 86'400'000ll}}};
    MemoryChartWidget chart;
    chart.resize(1400, 700);
    chart.setHistory(&history);
    chart.show();
    QApplication::processEvents();
    std::printf("  zoom (median of 15)    reduce 8 series   chart redraw   redraw + grab   (target 30 ms)\n");
    for (const Window &window : windows) {
        const double reduceMs = medianMs(15, [&] {
            for (int s = 0; s < int(names.size()); ++s)
                history.reduced(s, window.fromMs, window.toMs, 1200);
        });
        const double redrawMs = medianMs(15, [&] { chart.setWindow(window.fromMs, window.toMs); });
        const double grabMs = medianMs(15, [&] {
            chart.setWindow(window.fromMs, window.toMs);
            chart.grab();
        });
        std::printf("  %-22s %10.2f ms %12.2f ms %13.2f ms\n", window.name, reduceMs, redrawMs, grabMs);
    }
}
// Resident set size of this process from /proc/self/status, in KiB; -1 when unreadable.
long long rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// An accelerated day: 86,400 samples of the eight series 1 s apart into a MemoryHistory drawn by a
// MemoryChartWidget, refresh() every 60 samples and a full repaint (grab) every 600, as a day of
// sampling would, but without waiting. RSS after the first hour and at the end: the store has a
// fixed ceiling, so the difference should be noise.
void acceleratedDay()
{
    constexpr qint64 Samples = 86'400;
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - Samples * 1000;
    MemoryHistory history;
    const QStringList names{QStringLiteral("MemTotal"),      QStringLiteral("MemFree"),
                            QStringLiteral("MemAvailable"),  MeminfoSampler::UsedSeries,
                            MeminfoSampler::BuffCacheSeries, MeminfoSampler::SwapUsedSeries,
                            MeminfoSampler::UsedExclCacheSeries, MeminfoSampler::NotFreeSeries};
    for (const QString &name : names)
        history.addSeries(name);
    MemoryChartWidget chart;
    chart.resize(1200, 600);
    chart.setHistory(&history);
    chart.show();
    QApplication::processEvents();
    std::vector<double> values(names.size());
    quint32 noise = 7;
    long long rssHour = -1;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < Samples; ++i) {
        noise = noise * 1664525u + 1013904223u;
        const double total = 24'684'084;
        const double cache = 4e6 + 3e6 * std::sin(double(i) / 86'400 * 6.283);
        const double usedExcl = 6e6 + 1e6 * std::sin(double(i) / 3600 * 6.283) + double(noise >> 16);
        const double free = total - usedExcl - cache;
        values = {total, free, free + cache * 0.8, total - free - cache * 0.8, cache, 1e5, usedExcl, usedExcl + cache};
        history.append(i * 1'000'000'000, start + i * 1000, values);
        if ((i + 1) % 60 == 0)
            chart.refresh();
        if ((i + 1) % 600 == 0) {
            chart.grab();
            QApplication::processEvents();
        }
        if (i + 1 == 3600)
            rssHour = rssKiB();
    }
    const long long rssEnd = rssKiB();
    std::printf("accelerated day: %lld samples x %lld series, refresh every 60, grab every 600, in %.1f s; "
                "history %.2f MiB\n",
                Samples, qint64(names.size()), millisecondsSince(timer) / 1000, double(history.memoryUsageBytes()) / 1048576);
    std::printf("  RSS after 1 h of samples %.1f MiB, after 24 h %.1f MiB, difference %+.1f MiB (target: noise)\n",
                double(rssHour) / 1024, double(rssEnd) / 1024, double(rssEnd - rssHour) / 1024);
}
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    // First, while the process holds nothing else: sampling the live /proc/meminfo at 10 Hz
    // (target: under 1 % of a core for the sampler).
    std::printf("sampling /proc/meminfo at 10 Hz for 10 s:\n");
    samplingCpuPercent(false);
    samplingCpuPercent(true);

    weekOfSamples("typical", false);
    weekOfSamples("jagged", true);
    acceleratedDay();
    return 0;
}
