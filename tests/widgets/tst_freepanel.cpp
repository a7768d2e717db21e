#include "freepanel.h"
#include "meminfo.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace {
// A machine with 15.6 GiB, figures picked so every free -h cell is worked out by hand below.
const QByteArray FixtureMeminfo = "MemTotal:       16318504 kB\n"
                                  "MemFree:         1245184 kB\n"
                                  "MemAvailable:    9437184 kB\n"
                                  "Buffers:          409600 kB\n"
                                  "Cached:          5767168 kB\n"
                                  "SwapCached:            0 kB\n"
                                  "SwapTotal:       2097148 kB\n"
                                  "SwapFree:        2064380 kB\n"
                                  "Shmem:            352256 kB\n"
                                  "SReclaimable:     262144 kB\n"
                                  "HugePages_Total:       0\n";

FreeReport reportOf(const QByteArray &text)
{
    const Parsed<Meminfo> parsed = Meminfo::parse(text);
    if (!parsed.ok())
        qWarning() << parsed.error.toString();
    return FreeReport::fromMeminfo(parsed.value);
}
}

class TestFreePanel : public QObject
{
    Q_OBJECT
private slots:
    void humanSize_data();
    void humanSize();
    void cellsShowFreeNumbers();
    void headersExplainTheirField_data();
    void headersExplainTheirField();
    void withoutMemAvailable();
    void exportPng();
};

void TestFreePanel::humanSize_data()
{
    QTest::addColumn<quint64>("kb");
    QTest::addColumn<QString>("expected");
    // Pairs seen side by side in `free -k` and `free -h` (procps-ng 4.0.2) on one machine.
    QTest::newRow("23Gi") << quint64(24684084) << QStringLiteral("23Gi");
    QTest::newRow("759Mi") << quint64(777696) << QStringLiteral("759Mi");
    QTest::newRow("8.7Mi") << quint64(8872) << QStringLiteral("8.7Mi");
    QTest::newRow("1.0Gi") << quint64(1071852) << QStringLiteral("1.0Gi");
    QTest::newRow("zero") << quint64(0) << QStringLiteral("0B");
    QTest::newRow("512Ki") << quint64(512) << QStringLiteral("512Ki");
    // 1.99999 GiB: "%.1f" rounds up to 2.0, whereas 2047.99 MiB truncated would not fit.
    QTest::newRow("2.0Gi") << quint64(2097148) << QStringLiteral("2.0Gi");
    QTest::newRow("32Mi") << quint64(32768) << QStringLiteral("32Mi"); // "32.0Mi" is one character too long
    QTest::newRow("1023 kB") << quint64(1023) << QStringLiteral("1.0Mi"); // "1023Ki" is one character too long
}

void TestFreePanel::humanSize()
{
    QFETCH(quint64, kb);
    QFETCH(QString, expected);
    QCOMPARE(FreePanel::humanSize(kb), expected);
}

void TestFreePanel::cellsShowFreeNumbers()
{
    FreePanel panel;
    panel.setReport(reportOf(FixtureMeminfo));
    // total 16318504 kB = 15.56 GiB: "15.6Gi" is too long, the truncated "15Gi" fits.
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::TotalColumn), QStringLiteral("15Gi"));
    // used = 16318504 - 9437184 = 6881320 kB = 6.56 GiB
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::UsedColumn), QStringLiteral("6.6Gi"));
    // free 1245184 kB = 1216 MiB = 1.19 GiB
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::FreeColumn), QStringLiteral("1.2Gi"));
    // shared 352256 kB = 344 MiB
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::SharedColumn), QStringLiteral("344Mi"));
    // buff/cache = 409600 + 5767168 + 262144 = 6438912 kB = 6.14 GiB
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::BuffCacheColumn), QStringLiteral("6.1Gi"));
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::AvailableColumn), QStringLiteral("9.0Gi"));
    QCOMPARE(panel.cellText(FreePanel::SwapRow, FreePanel::TotalColumn), QStringLiteral("2.0Gi"));
    // swap used = 2097148 - 2064380 = 32768 kB
    QCOMPARE(panel.cellText(FreePanel::SwapRow, FreePanel::UsedColumn), QStringLiteral("32Mi"));
    QCOMPARE(panel.cellText(FreePanel::SwapRow, FreePanel::FreeColumn), QStringLiteral("2.0Gi"));
    for (const FreePanel::Column column : {FreePanel::SharedColumn, FreePanel::BuffCacheColumn, FreePanel::AvailableColumn})
        QVERIFY(panel.cellText(FreePanel::SwapRow, column).isEmpty());

    // Legacy used = 16318504 - 1245184 - 6438912 = 8634408 kB = 8.23 GiB, 1753088 kB (1.67 GiB) apart.
    const QString formula = panel.formulaText();
    QVERIFY2(formula.contains(QStringLiteral("total − available = 6.6Gi")), qPrintable(formula));
    QVERIFY2(formula.contains(QStringLiteral("procps-ng 4")), qPrintable(formula));
    QVERIFY2(formula.contains(QStringLiteral("total − free − buffers − cache")), qPrintable(formula));
    QVERIFY2(formula.contains(QStringLiteral("gives 8.2Gi")), qPrintable(formula));
    QVERIFY2(formula.contains(QStringLiteral("differ by 1.7Gi")), qPrintable(formula));
    QVERIFY(!formula.contains(QStringLiteral("no usable MemAvailable")));
}

void TestFreePanel::headersExplainTheirField_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("field");
    QTest::newRow("total") << int(FreePanel::TotalColumn) << QStringLiteral("MemTotal");
    QTest::newRow("used") << int(FreePanel::UsedColumn) << QStringLiteral("total − available");
    QTest::newRow("free") << int(FreePanel::FreeColumn) << QStringLiteral("MemFree");
    QTest::newRow("shared") << int(FreePanel::SharedColumn) << QStringLiteral("Shmem");
    QTest::newRow("buff/cache") << int(FreePanel::BuffCacheColumn) << QStringLiteral("Buffers + Cached + SReclaimable");
    QTest::newRow("available") << int(FreePanel::AvailableColumn) << QStringLiteral("MemAvailable, the kernel's estimate");
}

void TestFreePanel::headersExplainTheirField()
{
    QFETCH(int, column);
    QFETCH(QString, field);
    FreePanel panel;
    const QString tip = panel.headerToolTip(FreePanel::Column(column));
    QVERIFY2(tip.contains(field), qPrintable(tip));
}

void TestFreePanel::withoutMemAvailable()
{
    // A kernel before 3.14: available falls back to MemFree, and the panel says so.
    FreePanel panel;
    panel.setReport(reportOf("MemTotal:  2048 kB\nMemFree:  1024 kB\nBuffers:  0 kB\nCached:  512 kB\n"));
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::AvailableColumn), QStringLiteral("1.0Mi"));
    QCOMPARE(panel.cellText(FreePanel::MemRow, FreePanel::UsedColumn), QStringLiteral("1.0Mi"));
    QVERIFY(panel.formulaText().contains(QStringLiteral("no usable MemAvailable")));
}

void TestFreePanel::exportPng()
{
    QTemporaryDir dir;
    FreePanel panel;
    panel.setReport(reportOf(FixtureMeminfo));
    const QString path = dir.filePath(QStringLiteral("free.png"));
    QString error;
    QVERIFY2(panel.exportPng(path, QSize(640, 240), &error), qPrintable(error));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(640, 240));
    // Text was drawn: not every pixel is the background.
    const QRgb background = image.pixel(0, 0);
    int other = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            other += image.pixel(x, y) != background;
    QVERIFY(other > 500);

    QVERIFY(!panel.exportPng(dir.filePath(QStringLiteral("missing/free.png")), QSize(640, 240), &error));
    QVERIFY(error.contains(QStringLiteral("missing/free.png")));
}

QTEST_MAIN(TestFreePanel)
#include "tst_freepanel.moc"
