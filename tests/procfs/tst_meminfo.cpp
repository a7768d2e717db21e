#include "freereport.h"
#include "meminfo.h"
#include "parsertestdata.h"

#include <QTest>

class TestMeminfo : public QObject
{
    Q_OBJECT

private slots:
    void parseReal();
    void parseFields_data();
    void parseFields();
    void errors_data();
    void errors();
    void freeReport_data();
    void freeReport();
};

void TestMeminfo::parseReal()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/meminfo"), &text));
    const auto result = Meminfo::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const Meminfo &m = result.value;
    QCOMPARE(m.fields.size(), 54);
    QCOMPARE(m.fields.first(), (Meminfo::Field{"MemTotal", 24684084, true}));
    QCOMPARE(m.fields.last(), (Meminfo::Field{"DirectMap1G", 25165824, true}));
    QCOMPARE(m.value("MemAvailable"), std::optional<quint64>(24282580));
    QCOMPARE(m.value("Active(anon)"), std::optional<quint64>(1564));
    QCOMPARE(m.value("VmallocTotal"), std::optional<quint64>(34359738367));
    QCOMPARE(m.value("Zswapped"), std::optional<quint64>(0));
    QCOMPARE(m.value("NoSuchKey"), std::nullopt);
    QCOMPARE(m.valueOr("NoSuchKey", 77), 77u);
    QCOMPARE(m.valueOr("Shmem", 77), 8872u);
    int withoutUnit = 0;
    for (const Meminfo::Field &field : m.fields)
        withoutUnit += field.hasKbUnit ? 0 : 1;
    QCOMPARE(withoutUnit, 4);
    QCOMPARE(m.fields[45], (Meminfo::Field{"HugePages_Total", 0, false}));
    QCOMPARE(m.fields[48], (Meminfo::Field{"HugePages_Surp", 0, false}));
}

void TestMeminfo::parseFields_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<Meminfo::Field>>("fields");
    QTest::newRow("unit optional") << QByteArray("MemTotal:  100 kB\nHugePages_Total:       3\n")
                                   << QList<Meminfo::Field>{{"MemTotal", 100, true}, {"HugePages_Total", 3, false}};
    QTest::newRow("unknown key kept in order") << QByteArray("Zeta:  1 kB\nAlpha(x_y):\t2 kB\nMemFree: 3 kB\n")
                                               << QList<Meminfo::Field>{{"Zeta", 1, true}, {"Alpha(x_y)", 2, true}, {"MemFree", 3, true}};
    QTest::newRow("largest value") << QByteArray("Big: 18446744073709551615 kB\n")
                                   << QList<Meminfo::Field>{{"Big", 18446744073709551615u, true}};
    QTest::newRow("no space before unit") << QByteArray("X: 5kB\n") << QList<Meminfo::Field>{{"X", 5, true}};
}

void TestMeminfo::parseFields()
{
    QFETCH(QByteArray, text);
    const auto result = Meminfo::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QTEST(result.value.fields, "fields");
}

void TestMeminfo::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << 0 << 0 << QStringLiteral("meminfo is empty");
    QTest::newRow("no colon") << QByteArray("MemTotal: 1 kB\nMemFree 2 kB\n") << 1 << 2
                              << QStringLiteral("expected 'Key: value kB', got \"MemFree 2 kB\"");
    QTest::newRow("other unit") << QByteArray("MemTotal: 1 MB\n") << 0 << 1
                                << QStringLiteral("expected 'N kB' or 'N' after \"MemTotal:\", got \"1 MB\"");
    QTest::newRow("not a number") << QByteArray("MemTotal: lots\n") << 0 << 1
                                  << QStringLiteral("expected 'N kB' or 'N' after \"MemTotal:\", got \"lots\"");
    QTest::newRow("overflow") << QByteArray("A: 1 kB\nB: 18446744073709551616 kB\n") << 1 << 2
                              << QStringLiteral("value of B is too large: \"18446744073709551616 kB\"");
    QTest::newRow("truncated") << QByteArray("MemTotal: 1 kB\nMemFree:  12") << 1 << 2
                               << QStringLiteral("truncated line (no newline at end of input): \"MemFree:  12\"");
    QTest::newRow("binary key") << QByteArray("\x01\x02:\xff\n", 5) << 0 << 1
                                << QStringLiteral("expected 'Key: value kB', got \"\\x01\\x02:\\xff\"");
    QTest::newRow("binary value") << QByteArray("Key:\xff\n", 6) << 0 << 1
                                  << QStringLiteral("expected 'N kB' or 'N' after \"Key:\", got \"\\xff\"");
    QTest::newRow("space in key") << QByteArray("Mem Total: 1 kB\n") << 0 << 1
                                  << QStringLiteral("expected 'Key: value kB', got \"Mem Total: 1 kB\"");
}

void TestMeminfo::errors()
{
    QFETCH(QByteArray, text);
    const auto result = Meminfo::parse(text);
    QVERIFY(!result.ok());
    QTEST(int(result.value.fields.size()), "kept");
    QTEST(result.error.line, "line");
    QTEST(result.error.message, "message");
}

void TestMeminfo::freeReport_data()
{
    QTest::addColumn<QString>("fixture"); // or empty, and then text
    QTest::addColumn<QByteArray>("text");
    // total, used, usedLegacy, free, shared, buffers, cache, buffCache, available, swapTotal, swapUsed, swapFree
    QTest::addColumn<QList<quint64>>("expected");
    QTest::addColumn<bool>("estimated");

    // 24684084 - 24282580 = 401504; 24684084 - 24012016 - 7028 - (415288 + 136800) = 112952
    QTest::newRow("real") << QStringLiteral("real/meminfo") << QByteArray()
                          << QList<quint64>{24684084, 401504, 112952, 24012016, 8872, 7028, 552088, 559116, 24282580, 0, 0, 0}
                          << false;
    // 2.6.32: available falls back to MemFree. 1020176 - 118588 = 901588;
    // 1020176 - 118588 - 46680 - (512660 + 44504) = 297744; swap 2064380 - 2040920 = 23460
    QTest::newRow("no MemAvailable") << QStringLiteral("odd/meminfo-nomemavailable") << QByteArray()
                                     << QList<quint64>{1020176, 901588, 297744, 118588, 4580, 46680, 557164, 603844, 118588,
                                                       2064380, 23460, 2040920}
                                     << true;
    // Containers can show MemAvailable above MemTotal: procps then uses MemFree.
    QTest::newRow("available above total") << QString()
                                           << QByteArray("MemTotal: 1000 kB\nMemFree: 300 kB\nMemAvailable: 5000 kB\n")
                                           << QList<quint64>{1000, 700, 700, 300, 0, 0, 0, 0, 300, 0, 0, 0} << true;
    // procps also treats a MemAvailable of 0 as absent.
    QTest::newRow("available zero") << QString()
                                    << QByteArray("MemTotal: 1000 kB\nMemFree: 300 kB\nMemAvailable: 0 kB\n")
                                    << QList<quint64>{1000, 700, 700, 300, 0, 0, 0, 0, 300, 0, 0, 0} << true;
    // Counters read at different moments: differences stop at zero instead of wrapping.
    QTest::newRow("no underflow") << QString()
                                  << QByteArray("MemTotal: 1000 kB\nMemFree: 900 kB\nMemAvailable: 1000 kB\nBuffers: 50 kB\n"
                                                "Cached: 80 kB\nSReclaimable: 20 kB\nSwapTotal: 10 kB\nSwapFree: 11 kB\n")
                                  << QList<quint64>{1000, 0, 0, 900, 0, 50, 100, 150, 1000, 10, 0, 11} << false;
    QTest::newRow("nothing") << QString() << QByteArray("Other: 1 kB\n")
                             << QList<quint64>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0} << true;
}

void TestMeminfo::freeReport()
{
    QFETCH(QString, fixture);
    QFETCH(QByteArray, text);
    if (!fixture.isEmpty())
        QVERIFY(readParserFixture(fixture, &text));
    const auto meminfo = Meminfo::parse(text);
    QVERIFY(meminfo.ok());
    const FreeReport r = FreeReport::fromMeminfo(meminfo.value);
    const QList<quint64> actual{r.total, r.used, r.usedLegacy, r.free, r.shared, r.buffers,
                                r.cache, r.buffCache, r.available, r.swapTotal, r.swapUsed, r.swapFree};
    QTEST(actual, "expected");
    QTEST(r.availableEstimated, "estimated");
}

QTEST_APPLESS_MAIN(TestMeminfo)
#include "tst_meminfo.moc"
