#include "mapsparser.h"
#include "parsertestdata.h"

#include <QTest>

class TestMapsParser : public QObject
{
    Q_OBJECT

private slots:
    void parseLine_data();
    void parseLine();
    void parseLineError_data();
    void parseLineError();
    void accessors();
    void parseFile_data();
    void parseFile();
    void oddFixture();
    void realOddProcess();
    void toMapsLineRoundTrip_data();
    void toMapsLineRoundTrip();
    void everyTruncation_data();
    void everyTruncation();
};

void TestMapsParser::parseLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<quint64>("start");
    QTest::addColumn<quint64>("end");
    QTest::addColumn<QString>("permissions");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<QString>("device");
    QTest::addColumn<quint64>("inode");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("deleted");

    const auto pad = [](const char *prefix, const char *name) -> QByteArray {
        return QByteArray(prefix).leftJustified(72, ' ') + ' ' + name;
    };
    QTest::newRow("file") << pad("55f96d781000-55f96d783000 r--p 00000000 fe:00 247134 ", "/usr/bin/cat")
                          << quint64(0x55f96d781000) << quint64(0x55f96d783000) << QStringLiteral("r--p")
                          << quint64(0) << QStringLiteral("fe:00") << quint64(247134)
                          << QStringLiteral("/usr/bin/cat") << false;
    QTest::newRow("anonymous, kernel's trailing space")
        << QByteArray("7f343ef0f000-7f343ef31000 rw-p 00000000 00:00 0 ") << quint64(0x7f343ef0f000)
        << quint64(0x7f343ef31000) << QStringLiteral("rw-p") << quint64(0) << QStringLiteral("00:00") << quint64(0)
        << QString() << false;
    QTest::newRow("anonymous, no trailing space")
        << QByteArray("7f343ef0f000-7f343ef31000 ---s 00000000 00:00 0") << quint64(0x7f343ef0f000)
        << quint64(0x7f343ef31000) << QStringLiteral("---s") << quint64(0) << QStringLiteral("00:00") << quint64(0)
        << QString() << false;
    QTest::newRow("path with spaces") << pad("7f00-8f00 rw-s 00001000 fd:01 42 ", "/home/u/My Files/a b.dat")
                                      << quint64(0x7f00) << quint64(0x8f00) << QStringLiteral("rw-s")
                                      << quint64(0x1000) << QStringLiteral("fd:01") << quint64(42)
                                      << QStringLiteral("/home/u/My Files/a b.dat") << false;
    QTest::newRow("deleted") << pad("1000-2000 r-xp 00000000 fd:01 7 ", "/tmp/x y (deleted)") << quint64(0x1000)
                             << quint64(0x2000) << QStringLiteral("r-xp") << quint64(0) << QStringLiteral("fd:01")
                             << quint64(7) << QStringLiteral("/tmp/x y") << true;
    QTest::newRow("deleted only at the end")
        << pad("1000-2000 r--p 00000000 fd:01 7 ", "/tmp/a (deleted) b") << quint64(0x1000) << quint64(0x2000)
        << QStringLiteral("r--p") << quint64(0) << QStringLiteral("fd:01") << quint64(7)
        << QStringLiteral("/tmp/a (deleted) b") << false;
    QTest::newRow("anon name") << pad("7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0 ", "[anon:glibc arena]")
                               << quint64(0x7f1c2a000000) << quint64(0x7f1c2a021000) << QStringLiteral("rw-p")
                               << quint64(0) << QStringLiteral("00:00") << quint64(0)
                               << QStringLiteral("[anon:glibc arena]") << false;
    QTest::newRow("vsyscall") << pad("ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0 ", "[vsyscall]")
                              << quint64(0xffffffffff600000) << quint64(0xffffffffff601000)
                              << QStringLiteral("--xp") << quint64(0) << QStringLiteral("00:00") << quint64(0)
                              << QStringLiteral("[vsyscall]") << false;
    QTest::newRow("big numbers, no padding left")
        << QByteArray("ffffffffffffe000-ffffffffffffffff r--p ffffffffffffffff fff:fffff 18446744073709551615  /x")
        << quint64(0xffffffffffffe000) << quint64(0xffffffffffffffff) << QStringLiteral("r--p")
        << quint64(0xffffffffffffffff) << QStringLiteral("fff:fffff") << quint64(18446744073709551615u)
        << QStringLiteral("/x") << false;
    QTest::newRow("utf-8 path") << pad("1000-2000 r--p 00000000 08:01 9 ", "/srv/caf\xc3\xa9 \xe2\x82\xac.db")
                                << quint64(0x1000) << quint64(0x2000) << QStringLiteral("r--p") << quint64(0)
                                << QStringLiteral("08:01") << quint64(9)
                                << QStringLiteral("/srv/caf\u00e9 \u20ac.db") << false;
}

void TestMapsParser::parseLine()
{
    QFETCH(QByteArray, line);
    Mapping mapping;
    QString error;
    QVERIFY2(MapsParser::parseLine(line, &mapping, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QTEST(mapping.start, "start");
    QTEST(mapping.end, "end");
    QTEST(mapping.permissions(), "permissions");
    QTEST(mapping.offset, "offset");
    QTEST(mapping.device(), "device");
    QTEST(mapping.inode, "inode");
    QTEST(mapping.path, "path");
    QTEST(mapping.deleted, "deleted");
}

void TestMapsParser::parseLineError_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("expected 'start-end' address range, got \"\"");
    QTest::newRow("not hex") << QByteArray("zz-10 r--p 00000000 00:00 0")
                             << QStringLiteral("expected 'start-end' address range, got \"zz-10 r--p 00000000 00:00 0\"");
    QTest::newRow("no end") << QByteArray("1000-")
                            << QStringLiteral("expected 'start-end' address range, got \"\"");
    QTest::newRow("end before start") << QByteArray("2000-1000 r--p 00000000 00:00 0")
                                      << QStringLiteral("address range ends before it starts: \"2000-1000 r--p 00000000 00:00 0\"");
    QTest::newRow("17 hex digits") << QByteArray("10000000000000000-10000000000000001 r--p 0 00:00 0")
                                   << QStringLiteral("'start-end' address range is too large: "
                                                     "\"10000000000000000-10000000000000001 r--p 0 00:00 0\"");
    QTest::newRow("bad permissions") << QByteArray("1000-2000 rwzp 00000000 00:00 0")
                                     << QStringLiteral("expected permissions like 'r-xp', got \"rwzp 00000000 00:00 0\"");
    QTest::newRow("short permissions") << QByteArray("1000-2000 rw")
                                       << QStringLiteral("expected permissions like 'r-xp', got \"rw\"");
    QTest::newRow("tab separator") << QByteArray("1000-2000\tr--p 00000000 00:00 0")
                                   << QStringLiteral("expected a space before the permissions, got \"\\tr--p 00000000 00:00 0\"");
    QTest::newRow("no offset") << QByteArray("1000-2000 r--p")
                               << QStringLiteral("expected a space after the permissions, got \"\"");
    QTest::newRow("device without colon") << QByteArray("1000-2000 r--p 00000000 0800 5")
                                          << QStringLiteral("expected a 'major:minor' device, got \"0800 5\"");
    QTest::newRow("device over 32 bits") << QByteArray("1000-2000 r--p 00000000 100000000:00 5")
                                         << QStringLiteral("device number is too large: \"1000-2000 r--p 00000000 100000000:00 5\"");
    QTest::newRow("no inode") << QByteArray("1000-2000 r--p 00000000 08:01")
                              << QStringLiteral("expected a space after the device, got \"\"");
    QTest::newRow("inode not decimal") << QByteArray("1000-2000 r--p 00000000 08:01 12ab /x")
                                       << QStringLiteral("expected a space after the inode, got \"ab /x\"");
    QTest::newRow("inode overflow") << QByteArray("1000-2000 r--p 00000000 08:01 18446744073709551616 /x")
                                    << QStringLiteral("a decimal inode is too large: \"18446744073709551616 /x\"");
    QTest::newRow("binary") << QByteArray("1000-2000 r--p\x00\xff\x01 x", 19)
                            << QStringLiteral("expected a space after the permissions, got \"\\x00\\xff\\x01 x\"");
    QTest::newRow("long text is cut at 60")
        << QByteArray("1000-2000 ") + QByteArray(100, 'q')
        << QStringLiteral("expected permissions like 'r-xp', got \"%1\"...").arg(QString(60, QLatin1Char('q')));
}

void TestMapsParser::parseLineError()
{
    QFETCH(QByteArray, line);
    Mapping mapping;
    mapping.path = QStringLiteral("untouched");
    QString error;
    QVERIFY(!MapsParser::parseLine(line, &mapping, &error));
    QTEST(error, "message");
    QCOMPARE(mapping.path, QStringLiteral("untouched")); // a failed line leaves the output alone
}

void TestMapsParser::accessors()
{
    Mapping mapping;
    QString error;
    QVERIFY(MapsParser::parseLine("00400000-00452000 r-xs 00001000 103:1a5 7 /bin/x", &mapping, &error));
    QCOMPARE(mapping.size(), quint64(0x52000));
    QCOMPARE(mapping.deviceMajor, 0x103u);
    QCOMPARE(mapping.deviceMinor, 0x1a5u);
    QCOMPARE(mapping.device(), QStringLiteral("103:1a5"));
    QVERIFY(mapping.readable && !mapping.writable && mapping.executable && mapping.shared);
    QVERIFY(!mapping.isAnonymous());
    QVERIFY(!mapping.isPseudo());

    QVERIFY(MapsParser::parseLine("1000-2000 rw-p 00000000 00:00 0 ", &mapping, &error));
    QVERIFY(mapping.isAnonymous());
    QVERIFY(!mapping.isPseudo());
    QVERIFY(MapsParser::parseLine("1000-2000 rw-p 00000000 00:00 0    [heap]", &mapping, &error));
    QVERIFY(!mapping.isAnonymous());
    QVERIFY(mapping.isPseudo());
}

void TestMapsParser::parseFile_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("errorLine");
    QTest::addColumn<QString>("errorMessage");

    QTest::newRow("real sleep") << QStringLiteral("real/sleep-stopped/maps") << 37 << 0 << QString();
    QTest::newRow("real odd") << QStringLiteral("real/odd-stopped/maps") << 26 << 0 << QString();
    QTest::newRow("kernel thread: empty") << QStringLiteral("real/kthreadd/maps") << 0 << 0 << QString();
    QTest::newRow("odd cases") << QStringLiteral("odd/maps-odd") << 13 << 0 << QString();
    QTest::newRow("garbage") << QStringLiteral("odd/garbage.bin") << 0 << 1
                             << QStringLiteral("expected 'start-end' address range, got \"<\\xe9\\xd7\\xf3\\x84y\\xd9\\xa2");
}

void TestMapsParser::parseFile()
{
    QFETCH(QString, fixture);
    QFETCH(int, count);
    QFETCH(int, errorLine);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    const auto result = MapsParser::parse(text);
    QCOMPARE(result.value.size(), count);
    QCOMPARE(result.error.line, errorLine);
    QFETCH(QString, errorMessage); // the start of it: binary garbage makes a long message
    QVERIFY2(result.error.message.startsWith(errorMessage), qPrintable(result.error.message));
    QCOMPARE(result.error.message.isEmpty(), errorMessage.isEmpty());
    QCOMPARE(result.ok(), errorLine == 0);
    // Independent count: one mapping per line.
    if (result.ok())
        QCOMPARE(result.value.size(), text.count('\n'));
}

void TestMapsParser::oddFixture()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("odd/maps-odd"), &text));
    const auto result = MapsParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const QList<Mapping> &m = result.value;
    QCOMPARE(m.size(), 13);
    QCOMPARE(m[0].start, quint64(0x08048000));
    QCOMPARE(m[0].path, QStringLiteral("/bin/true"));
    QCOMPARE(m[2].path, QStringLiteral("[anon:glibc malloc arena]"));
    QVERIFY(m[2].isPseudo());
    QCOMPARE(m[3].path, QStringLiteral("[anon_shmem:shared ring]"));
    QVERIFY(m[3].shared);
    QCOMPARE(m[3].inode, quint64(2049));
    QCOMPARE(m[4].path, QStringLiteral("/home/user/My Documents/a file (with parens).txt"));
    QCOMPARE(m[4].offset, quint64(0x1000));
    QCOMPARE(m[5].path, QStringLiteral("/tmp/scratch file.dat"));
    QVERIFY(m[5].deleted);
    QCOMPARE(m[6].path, QStringLiteral("/tmp/trailing space ")); // a name's own trailing space survives
    QVERIFY(!m[6].deleted);
    QCOMPARE(m[7].path, QStringLiteral("[uprobes]"));
    QVERIFY(m[8].isAnonymous());
    QCOMPARE(m[8].permissions(), QStringLiteral("---p"));
    QCOMPARE(m[9].offset, quint64(0x123456789));
    QCOMPARE(m[9].device(), QStringLiteral("00:1a5"));
    QCOMPARE(m[10].path, QStringLiteral("[stack:1234]"));
    QCOMPARE(m[11].start, quint64(0xfffffff0000000));
    QCOMPARE(m[11].inode, quint64(18446744073709551615u));
    QCOMPARE(m[11].path, QStringLiteral("/mnt/big inode"));
    QCOMPARE(m[12].start, quint64(0xffffffffff600000));
    QCOMPARE(m[12].path, QStringLiteral("[vsyscall]"));
}

void TestMapsParser::realOddProcess()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/odd-stopped/maps"), &text));
    const auto result = MapsParser::parse(text);
    QVERIFY(result.ok());
    const QList<Mapping> &m = result.value;
    QCOMPARE(m.size(), 26);

    QCOMPARE(m[12].start, quint64(0x7fef7b80c000));
    QCOMPARE(m[12].end, quint64(0x7fef7b80f000));
    QCOMPARE(m[12].path, QStringLiteral("/memfd:mematlas memfd"));
    QVERIFY(m[12].deleted);
    QVERIFY(m[12].shared);
    QCOMPARE(m[12].device(), QStringLiteral("00:01"));

    QCOMPARE(m[13].path, QStringLiteral("/tmp/mematlas-fixture/gone.bin"));
    QVERIFY(m[13].deleted);
    QCOMPARE(m[13].size(), quint64(8192));

    QCOMPARE(m[14].path, QStringLiteral("/tmp/mematlas-fixture/dir with space/data file.bin"));
    QVERIFY(!m[14].deleted);
    QCOMPARE(m[14].permissions(), QStringLiteral("rw-s"));
    QCOMPARE(m[14].inode, quint64(10969508));

    // Segments of one file share one string: the parser reuses it rather than allocating again.
    QCOMPARE(m[6].path, QStringLiteral("/usr/lib/x86_64-linux-gnu/libc.so.6"));
    QCOMPARE(m[7].path.constData(), m[6].path.constData());
    QCOMPARE(m[25].path, QStringLiteral("[vsyscall]"));
}

void TestMapsParser::toMapsLineRoundTrip_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("headerLines");
    QTest::newRow("real sleep maps") << QStringLiteral("real/sleep-stopped/maps") << 37;
    QTest::newRow("real odd maps") << QStringLiteral("real/odd-stopped/maps") << 26;
    QTest::newRow("real sleep smaps headers") << QStringLiteral("real/sleep-stopped/smaps") << 37;
    QTest::newRow("real rollup header") << QStringLiteral("real/odd-stopped/smaps_rollup") << 1;
    QTest::newRow("odd cases") << QStringLiteral("odd/maps-odd") << 13;
}

void TestMapsParser::toMapsLineRoundTrip()
{
    // The kernel's own lines, byte for byte: padding to column 73, the trailing space of nameless lines.
    QFETCH(QString, fixture);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    int checked = 0;
    for (const QByteArray &line : text.split('\n')) {
        Mapping mapping;
        QString error;
        if (!MapsParser::parseLine(line, &mapping, &error))
            continue; // the final empty piece, or a "Key: value" line of smaps
        QCOMPARE(mapping.toMapsLine(), QString::fromUtf8(line));
        ++checked;
    }
    QTEST(checked, "headerLines");
}

void TestMapsParser::everyTruncation_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::newRow("real odd") << QStringLiteral("real/odd-stopped/maps");
    QTest::newRow("odd cases") << QStringLiteral("odd/maps-odd");
}

void TestMapsParser::everyTruncation()
{
    // A read cut anywhere keeps exactly the complete lines before the cut, and reports the cut line.
    QFETCH(QString, fixture);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    const auto full = MapsParser::parse(text);
    QVERIFY(full.ok());
    for (qsizetype cut = 0; cut < text.size(); ++cut) {
        const QByteArrayView prefix(text.constData(), cut);
        const auto result = MapsParser::parse(prefix);
        const int completeLines = int(prefix.count('\n'));
        QCOMPARE(result.value, full.value.first(completeLines));
        const bool atLineBoundary = cut == 0 || prefix.endsWith('\n');
        QCOMPARE(result.ok(), atLineBoundary);
        if (!atLineBoundary) {
            QCOMPARE(result.error.line, completeLines + 1);
            QVERIFY(result.error.message.startsWith(QLatin1String("truncated line (no newline at end of input): \"")));
        }
    }
}

QTEST_APPLESS_MAIN(TestMapsParser)
#include "tst_mapsparser.moc"
