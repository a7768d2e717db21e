#include "meminfosampler.h"
#include "memoryhistory.h"
#include "treeprocsource.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

namespace {
constexpr qint64 Second = 1'000'000'000;
constexpr qint64 BaseWallMs = 1'700'000'000'000; // 2023-11-14, any fixed day
constexpr double Gap = std::numeric_limits<double>::quiet_NaN();

// Sample i at monotonic i seconds and wall time BaseWallMs + i s.
void appendAt(MemoryHistory &history, qint64 i, std::vector<double> values)
{
    QVERIFY(history.append(i * Second, BaseWallMs + i * 1000, values));
}

bool writeFile(const QString &path, const QByteArray &text)
{
    // Written beside and renamed over (rename(2) replaces atomically), so the sampler never reads a
    // half-written or missing file.
    const QString temporary = path + QStringLiteral(".new");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return false;
    file.close();
    return std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
}

QByteArray meminfoText(int memFree)
{
    return QByteArrayLiteral("MemTotal:        1000 kB\n")
         + "MemFree:          " + QByteArray::number(memFree) + " kB\n"
         + "MemAvailable:      600 kB\n"
           "Buffers:            50 kB\n"
           "Cached:            250 kB\n"
           "SwapTotal:         400 kB\n"
           "SwapFree:          300 kB\n"
           "SReclaimable:       20 kB\n"
           "HugePages_Total:     0\n";
}
}

class TestMemoryHistory : public QObject
{
    Q_OBJECT
private slots:
    void seriesRegistry();
    void fullResolutionIsExact();
    void monotonicTimeMustNotGoBack();
    void bucketsAfterRawRingWraps();
    void fastSamplingKeepsSecondsForTheHour();
    void reductionKeepsTrueMinAndMaxPerColumn();
    void reductionOverBuckets();
    void ceilingHeldAfterMillionsOfSamples();
    void ceilingHeldWithEverySeriesAndRingFull();
    void samplerReadsTreeAndPicksUpChanges();
    void samplerProcessSeries();
    void samplerIntervalClampAndPause();
};

void TestMemoryHistory::seriesRegistry()
{
    MemoryHistory history;
    QCOMPARE(history.addSeries(QStringLiteral("MemFree")), 0);
    QCOMPARE(history.addSeries(QStringLiteral("used")), 1);
    QCOMPARE(history.addSeries(QStringLiteral("MemFree")), 0);
    QCOMPARE(history.seriesIndex(QStringLiteral("used")), 1);
    QCOMPARE(history.seriesIndex(QStringLiteral("nope")), -1);
    QCOMPARE(history.addSeries(QString()), -1);
    QCOMPARE(history.addSeries(QString(MemoryHistory::MaxNameLength + 1, QLatin1Char('x'))), -1);
    appendAt(history, 0, {5, 6});
    QVERIFY(history.removeSeries(QStringLiteral("MemFree")));
    QCOMPARE(history.seriesNames(), QStringList{QStringLiteral("used")});
    QVERIFY(std::isnan(history.lastValue(0)));
    // The freed index is reused, with no values for the samples before it.
    QCOMPARE(history.addSeries(QStringLiteral("Dirty")), 0);
    QVERIFY(std::isnan(history.lastValue(0)));
    QCOMPARE(history.lastValue(1), 6.0);
}

void TestMemoryHistory::fullResolutionIsExact()
{
    MemoryHistory history;
    const int a = history.addSeries(QStringLiteral("a"));
    const int b = history.addSeries(QStringLiteral("b"));
    for (int i = 0; i < 10; ++i)
        appendAt(history, i, {i * 1000.0 + 7, i % 2 ? Gap : 24'684'084.0 + i});

    const QList<MemoryHistory::Entry> entries = history.entries(a, BaseWallMs + 2000, BaseWallMs + 5000);
    QCOMPARE(entries.size(), 4);
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(entries[k].wallMs, BaseWallMs + (2 + k) * 1000);
        QCOMPARE(entries[k].monotonicNs, (2 + k) * Second);
        QCOMPARE(entries[k].min, (2 + k) * 1000.0 + 7);
        QCOMPARE(entries[k].max, entries[k].min);
        QCOMPARE(entries[k].mean, entries[k].min);
        QCOMPARE(entries[k].count, 1);
    }
    const QList<MemoryHistory::Entry> withGaps = history.entries(b, BaseWallMs, BaseWallMs + 9000);
    QCOMPARE(withGaps.size(), 10);
    QCOMPARE(withGaps[4].mean, 24'684'088.0);
    QVERIFY(std::isnan(withGaps[5].mean));
    QCOMPARE(history.lastValue(a), 9007.0);
    QVERIFY(std::isnan(history.lastValue(b)));
    QCOMPARE(history.oldestWallMs(), BaseWallMs);
    QCOMPARE(history.newestWallMs(), BaseWallMs + 9000);
    // The nearest record with a value: sample 5 of b is a gap, so 4.9 s finds sample 4, not 6.
    QCOMPARE(history.entryAt(b, BaseWallMs + 4900)->wallMs, BaseWallMs + 4000);
    QCOMPARE(history.entryAt(a, BaseWallMs + 4900)->mean, 5007.0);
}

void TestMemoryHistory::monotonicTimeMustNotGoBack()
{
    MemoryHistory history;
    history.addSeries(QStringLiteral("a"));
    appendAt(history, 5, {1});
    const std::vector<double> values{2};
    QVERIFY(!history.append(4 * Second, BaseWallMs, values));
    // Wall time may go back (the clock was set); it is only a label.
    QVERIFY(history.append(5 * Second, BaseWallMs - 60'000, values));
    QCOMPARE(history.lastValue(0), 2.0);
}

void TestMemoryHistory::bucketsAfterRawRingWraps()
{
    // Two hours at 1 s: the raw ring keeps the second hour, the 1-second buckets reach one sample
    // further back, and the first hour survives as 1-minute buckets.
    MemoryHistory history;
    const int a = history.addSeries(QStringLiteral("a"));
    const int even = history.addSeries(QStringLiteral("even"));
    for (int i = 0; i < 7200; ++i)
        appendAt(history, i, {double(i), i % 2 ? Gap : double(i)});

    const QList<MemoryHistory::Entry> all = history.entries(a, BaseWallMs, BaseWallMs + 7200 * 1000);
    QCOMPARE(all.size(), 60 + 1 + int(MemoryHistory::RawCapacity));
    const QList<MemoryHistory::Entry> firstHour = history.entries(a, BaseWallMs, BaseWallMs + 3598 * 1000);
    QCOMPARE(firstHour.size(), 60);
    for (int k = 0; k < 60; ++k) {
        QCOMPARE(firstHour[k].wallMs, BaseWallMs + k * 60'000);
        QCOMPARE(firstHour[k].count, 60);
        QCOMPARE(firstHour[k].min, 60.0 * k);
        QCOMPARE(firstHour[k].max, 60.0 * k + 59);
        QCOMPARE(firstHour[k].mean, 60.0 * k + 29.5);
    }
    // Only the even seconds have a value: 60k, 60k + 2, ..., 60k + 58.
    const QList<MemoryHistory::Entry> evens = history.entries(even, BaseWallMs + 60'000, BaseWallMs + 60'000);
    QCOMPARE(evens.size(), 1);
    QCOMPARE(evens[0].min, 60.0);
    QCOMPARE(evens[0].max, 118.0);
    QCOMPARE(evens[0].mean, 89.0);

    const QList<MemoryHistory::Entry> oneSecond = history.entries(a, BaseWallMs + 3599 * 1000, BaseWallMs + 3599 * 1000);
    QCOMPARE(oneSecond.size(), 1);
    QCOMPARE(oneSecond[0].count, 1);
    QCOMPARE(oneSecond[0].mean, 3599.0);

    const QList<MemoryHistory::Entry> secondHour = history.entries(a, BaseWallMs + 3600 * 1000, BaseWallMs + 7199 * 1000);
    QCOMPARE(secondHour.size(), int(MemoryHistory::RawCapacity));
    QCOMPARE(secondHour.first().count, 1);
    QCOMPARE(secondHour.first().mean, 3600.0);
    QCOMPARE(secondHour.last().mean, 7199.0);
    QCOMPARE(history.oldestWallMs(), BaseWallMs);
}

void TestMemoryHistory::fastSamplingKeepsSecondsForTheHour()
{
    // 10 Hz for 4000 s: the raw ring holds the last 360 s; before that, each second is a bucket of
    // ten samples whose values are the sample numbers 10s .. 10s + 9.
    MemoryHistory history;
    const int a = history.addSeries(QStringLiteral("a"));
    std::vector<double> value(1);
    for (int i = 0; i < 40'000; ++i) {
        value[0] = i;
        QVERIFY(history.append(qint64(i) * Second / 10, BaseWallMs + i * 100, value));
    }
    const QList<MemoryHistory::Entry> seconds = history.entries(a, BaseWallMs + 1000 * 1000, BaseWallMs + 1009 * 1000);
    QCOMPARE(seconds.size(), 10);
    for (int k = 0; k < 10; ++k) {
        const double first = 10.0 * (1000 + k);
        QCOMPARE(seconds[k].wallMs, BaseWallMs + (1000 + k) * 1000);
        QCOMPARE(seconds[k].count, 10);
        QCOMPARE(seconds[k].min, first);
        QCOMPARE(seconds[k].max, first + 9);
        QCOMPARE(seconds[k].mean, first + 4.5);
    }
    // An hour back from the newest sample is still in 1-second buckets.
    const QList<MemoryHistory::Entry> hourAgo = history.entries(a, BaseWallMs + 400 * 1000, BaseWallMs + 400 * 1000);
    QCOMPARE(hourAgo.size(), 1);
    QCOMPARE(hourAgo[0].count, 10);
    const QList<MemoryHistory::Entry> recent = history.entries(a, BaseWallMs + 3999'900, BaseWallMs + 3999'900);
    QCOMPARE(recent.size(), 1);
    QCOMPARE(recent[0].count, 1);
    QCOMPARE(recent[0].mean, 39'999.0);
}

void TestMemoryHistory::reductionKeepsTrueMinAndMaxPerColumn()
{
    MemoryHistory history;
    const int a = history.addSeries(QStringLiteral("a"));
    std::vector<double> values;
    quint32 state = 12345;
    for (int i = 0; i < 3000; ++i) {
        state = state * 1103515245u + 12345u; // a fixed pseudo-random walk
        values.push_back(double((state >> 8) % 100'000));
        appendAt(history, i, {values.back()});
    }
    const qint64 from = BaseWallMs + 123'000;
    const qint64 to = BaseWallMs + 2'900'000;
    const int columns = 97;
    const QList<QPointF> points = history.reduced(a, from, to, columns);
    QVERIFY(points.size() <= 2 * columns);

    const auto columnOf = [&](qint64 wallMs) { return int(std::min<qint64>(columns - 1, (wallMs - from) * columns / (to - from))); };
    std::vector<double> low(columns, 1e18);
    std::vector<double> high(columns, -1);
    for (int i = 123; i <= 2900; ++i) {
        const int c = columnOf(BaseWallMs + i * 1000);
        low[c] = std::min(low[c], values[i]);
        high[c] = std::max(high[c], values[i]);
    }
    std::vector<QList<double>> found(columns);
    for (qsizetype p = 0; p < points.size(); ++p) {
        if (p > 0)
            QVERIFY(points[p].x() >= points[p - 1].x());
        const qint64 wall = qint64(points[p].x());
        const int second = int((wall - BaseWallMs) / 1000);
        QCOMPARE(points[p].y(), values[second]); // every point is a real sample
        found[columnOf(wall)].append(points[p].y());
    }
    for (int c = 0; c < columns; ++c) {
        QVERIFY2(found[c].size() >= 1 && found[c].size() <= 2, qPrintable(QString::number(c)));
        QCOMPARE(*std::min_element(found[c].begin(), found[c].end()), low[c]);
        QCOMPARE(*std::max_element(found[c].begin(), found[c].end()), high[c]);
    }
    QVERIFY(history.reduced(a, to, from, columns).isEmpty());
    QVERIFY(history.reduced(-1, from, to, columns).isEmpty());
}

void TestMemoryHistory::reductionOverBuckets()
{
    // The first hour is buckets (min 60k, max 60k + 59); 6 columns of 10 minutes each over it.
    MemoryHistory history;
    const int a = history.addSeries(QStringLiteral("a"));
    for (int i = 0; i < 7200; ++i)
        appendAt(history, i, {double(i)});
    const QList<QPointF> points = history.reduced(a, BaseWallMs, BaseWallMs + 3598 * 1000, 6);
    QCOMPARE(points.size(), 12);
    for (int c = 0; c < 6; ++c) {
        QCOMPARE(points[2 * c].y(), 600.0 * c); // the first bucket's min
        QCOMPARE(points[2 * c + 1].y(), 600.0 * c + 599); // the last bucket's max
        QCOMPARE(qint64(points[2 * c].x()), BaseWallMs + c * 600'000);
        QCOMPARE(qint64(points[2 * c + 1].x()), BaseWallMs + (c * 600 + 540) * 1000);
    }
}

void TestMemoryHistory::ceilingHeldAfterMillionsOfSamples()
{
    // 5 million samples at 1 s: 58 days, so every ring has wrapped.
    MemoryHistory history;
    for (const char *name : {"index", "double", "cycle", "constant"})
        history.addSeries(QString::fromLatin1(name));
    constexpr qint64 Samples = 5'000'000;
    std::vector<double> values(4);
    for (qint64 i = 0; i < Samples; ++i) {
        values = {double(i), 2.0 * double(i), double(i % 1000), 24'684'084};
        if (!history.append(i * Second, BaseWallMs + i * 1000, values))
            QFAIL("append refused");
    }
    QVERIFY2(history.memoryUsageBytes() <= MemoryHistory::MemoryCeilingBytes,
             qPrintable(QString::number(history.memoryUsageBytes())));

    const qint64 newestS = Samples - 1;
    const qint64 newest = BaseWallMs + newestS * 1000;
    QCOMPARE(history.newestWallMs(), newest);
    // Six weeks of 15-minute buckets remain: older than a week is still there.
    QVERIFY(history.oldestWallMs() <= newest - 41 * 86'400'000ll);
    // From 8 days back to a week and an hour back (the 1-minute tier reaches back just over 7 days):
    // 15-minute buckets, each of samples i .. i + 899 whose value is i.
    const qint64 fromS = newestS - 8 * 86'400;
    const qint64 toS = newestS - 7 * 86'400 - 3600;
    const QList<MemoryHistory::Entry> weekAgo = history.entries(0, BaseWallMs + fromS * 1000, BaseWallMs + toS * 1000);
    QCOMPARE(weekAgo.size(), toS / 900 - (fromS + 899) / 900 + 1);
    QVERIFY(weekAgo.size() >= 90);
    for (const MemoryHistory::Entry &entry : weekAgo) {
        const double first = double((entry.wallMs - BaseWallMs) / 1000);
        QCOMPARE(qint64(first) % 900, 0);
        QCOMPARE(entry.count, 900);
        QCOMPARE(entry.min, first);
        QCOMPARE(entry.max, first + 899);
        QCOMPARE(entry.mean, first + 449.5);
    }
    const QList<MemoryHistory::Entry> constant = history.entries(3, newest - 8 * 86'400'000ll, newest);
    for (const MemoryHistory::Entry &entry : constant)
        QCOMPARE(entry.mean, 24'684'084.0);
}

void TestMemoryHistory::ceilingHeldWithEverySeriesAndRingFull()
{
    // Every series, and a sample every 15 minutes, so that each ring (the 1-minute one included)
    // fills and wraps: the worst case the ceiling is stated for.
    MemoryHistory history;
    for (int s = 0; s < MemoryHistory::MaxSeries; ++s) {
        // Names of the longest allowed length, made unique by a number in front.
        const QString name = QString::number(s).leftJustified(MemoryHistory::MaxNameLength, QLatin1Char('x'));
        QCOMPARE(history.addSeries(name), s);
    }
    QCOMPARE(history.addSeries(QStringLiteral("one too many")), -1);
    std::vector<double> values(MemoryHistory::MaxSeries, 1.0);
    const qint64 step = 15 * 60 * Second;
    qsizetype largest = MemoryHistory::RawCapacity;
    for (const MemoryHistory::TierLayout &tier : MemoryHistory::BucketTiers)
        largest = std::max(largest, tier.capacity);
    for (qint64 i = 0; i < largest + 10; ++i)
        QVERIFY(history.append(i * step, BaseWallMs + i * 900'000, values));
    const qint64 used = history.memoryUsageBytes();
    QVERIFY2(used <= MemoryHistory::MemoryCeilingBytes, qPrintable(QString::number(used)));
    // All rings are full: the usage is the worst case, within a few percent of the ceiling.
    QVERIFY2(used > MemoryHistory::MemoryCeilingBytes * 0.85, qPrintable(QString::number(used)));
}

void TestMemoryHistory::samplerReadsTreeAndPicksUpChanges()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString meminfo = dir.filePath(QStringLiteral("meminfo"));
    QVERIFY(writeFile(meminfo, meminfoText(100)));

    MemoryHistory history;
    MeminfoSampler sampler(std::make_shared<TreeProcSource>(dir.path()), &history);
    sampler.setInterval(100);
    QSignalSpy sampled(&sampler, &MeminfoSampler::sampled);
    QTRY_VERIFY(sampled.count() >= 1);
    QCOMPARE(history.lastValue(history.seriesIndex(QStringLiteral("MemTotal"))), 1000.0);
    QCOMPARE(history.lastValue(history.seriesIndex(QStringLiteral("MemFree"))), 100.0);
    // Derived: used = 1000 - 600, buff/cache = 50 + 250 + 20, swap used = 400 - 300,
    // used excl. buff/cache = 1000 - 100 - 320, total - free = 900.
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::UsedSeries)), 400.0);
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::BuffCacheSeries)), 320.0);
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::SwapUsedSeries)), 100.0);
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::UsedExclCacheSeries)), 580.0);
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::NotFreeSeries)), 900.0);
    QCOMPARE(history.seriesIndex(QStringLiteral("HugePages_Total")), -1); // a count, not kB
    QCOMPARE(sampler.lastReport().used, 400u);
    QVERIFY(sampler.lastError().isEmpty());

    QVERIFY(writeFile(meminfo, meminfoText(150)));
    QTRY_COMPARE(history.lastValue(history.seriesIndex(QStringLiteral("MemFree"))), 150.0);
    QCOMPARE(history.lastValue(history.seriesIndex(MeminfoSampler::UsedExclCacheSeries)), 530.0);

    QSignalSpy errors(&sampler, &MeminfoSampler::errorChanged);
    QVERIFY(QFile::remove(meminfo));
    QTRY_VERIFY(errors.count() >= 1);
    QVERIFY(sampler.lastError().contains(QStringLiteral("meminfo")));
    QVERIFY(writeFile(meminfo, meminfoText(170)));
    QTRY_COMPARE(history.lastValue(history.seriesIndex(QStringLiteral("MemFree"))), 170.0);
    QTRY_VERIFY(sampler.lastError().isEmpty());
}

void TestMemoryHistory::samplerProcessSeries()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("meminfo")), meminfoText(100)));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("42")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("42/status")),
                      "Name:\tdemo\nPid:\t42\nVmRSS:\t    2048 kB\nVmSwap:\t      16 kB\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("42/smaps_rollup")),
                      "00400000-7ffd1000 ---p 00000000 00:00 0                                  [rollup]\n"
                      "Rss:                2000 kB\n"
                      "Pss:                1234 kB\n"
                      "Swap:                 12 kB\n"));

    MemoryHistory history;
    MeminfoSampler sampler(std::make_shared<TreeProcSource>(dir.path()), &history);
    sampler.setInterval(100);
    sampler.setProcess(42);
    QCOMPARE(MeminfoSampler::processSeriesNames(42),
             (QStringList{QStringLiteral("pid 42 RSS"), QStringLiteral("pid 42 PSS"), QStringLiteral("pid 42 swap")}));
    QTRY_COMPARE(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 PSS"))), 1234.0);
    QCOMPARE(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 RSS"))), 2000.0);
    QCOMPARE(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 swap"))), 12.0);

    // Without smaps_rollup (no ptrace access): RSS and swap from status, no PSS, and a reason.
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("42/smaps_rollup"))));
    QTRY_COMPARE(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 RSS"))), 2048.0);
    QTRY_VERIFY(std::isnan(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 PSS")))));
    QCOMPARE(history.lastValue(history.seriesIndex(QStringLiteral("pid 42 swap"))), 16.0);
    QVERIFY(sampler.lastError().contains(QStringLiteral("smaps_rollup")));

    sampler.setProcess(0);
    QCOMPARE(history.seriesIndex(QStringLiteral("pid 42 RSS")), -1);
    QTRY_VERIFY(sampler.lastError().isEmpty());
}

void TestMemoryHistory::samplerIntervalClampAndPause()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("meminfo")), meminfoText(100)));
    MemoryHistory history;
    MeminfoSampler sampler(std::make_shared<TreeProcSource>(dir.path()), &history);
    QCOMPARE(sampler.interval(), MeminfoSampler::DefaultIntervalMs);
    sampler.setInterval(5);
    QCOMPARE(sampler.interval(), MeminfoSampler::MinIntervalMs);
    sampler.setInterval(3'600'000);
    QCOMPARE(sampler.interval(), MeminfoSampler::MaxIntervalMs);
    sampler.setInterval(100);

    QSignalSpy sampled(&sampler, &MeminfoSampler::sampled);
    QTRY_VERIFY(sampled.count() >= 3);
    const int total = history.seriesIndex(QStringLiteral("MemTotal"));
    sampler.pause();
    QVERIFY(sampler.isPaused());
    QTest::qWait(250); // a reading already on its way is dropped
    const qsizetype held = history.entries(total, 0, std::numeric_limits<qint64>::max()).size();
    QTest::qWait(500);
    QCOMPARE(history.entries(total, 0, std::numeric_limits<qint64>::max()).size(), held);
    // sampled() never runs ahead of the samples.
    QVERIFY(sampled.count() <= held);

    sampler.resume();
    QTRY_VERIFY(history.entries(total, 0, std::numeric_limits<qint64>::max()).size() > held);
}

QTEST_GUILESS_MAIN(TestMemoryHistory)
#include "tst_memoryhistory.moc"
