#include "cmdline.h"
#include "parsertestdata.h"
#include "processstat.h"
#include "processstatm.h"
#include "processstatus.h"

#include <QTest>

class TestStatusParsers : public QObject
{
    Q_OBJECT

private slots:
    void statusReal();
    void statusKernelThread();
    void statusFields_data();
    void statusFields();
    void statusErrors_data();
    void statusErrors();

    void stat_data();
    void stat();
    void statErrors_data();
    void statErrors();

    void statm_data();
    void statm();
    void statmErrors_data();
    void statmErrors();

    void cmdline_data();
    void cmdline();
    void cmdlineReal();

    void garbageEverywhere();
};

void TestStatusParsers::statusReal()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/sleep-stopped/status"), &text));
    const auto result = ProcessStatus::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const ProcessStatus &status = result.value;
    QCOMPARE(status.fields.size(), 59); // every line kept
    QCOMPARE(status.fields.first(), (QPair<QByteArray, QByteArray>("Name", "sleep")));
    QCOMPARE(status.name(), QStringLiteral("sleep"));
    QCOMPARE(status.pid(), 14408);
    QCOMPARE(status.ppid(), 14403);
    QCOMPARE(status.realUid(), std::optional<quint32>(0));
    QCOMPARE(status.threads(), 1);
    QCOMPARE(status.value("State"), QByteArray("T (stopped)"));
    QCOMPARE(status.value("Groups"), QByteArray()); // "Groups:\t \n": trimmed to nothing
    QCOMPARE(status.kB("VmSize"), std::optional<quint64>(2920));
    QCOMPARE(status.kB("VmRSS"), std::optional<quint64>(1880));
    QCOMPARE(status.kB("RssAnon"), std::optional<quint64>(104));
    QCOMPARE(status.kB("RssFile"), std::optional<quint64>(1776));
    QCOMPARE(status.kB("RssShmem"), std::optional<quint64>(0));
    QCOMPARE(status.kB("Threads"), std::nullopt); // a count, not kB
    QCOMPARE(status.kB("NoSuchKey"), std::nullopt);
}

void TestStatusParsers::statusKernelThread()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/kthreadd/status"), &text));
    const auto result = ProcessStatus::parse(text);
    QVERIFY(result.ok());
    QCOMPARE(result.value.fields.size(), 40);
    QCOMPARE(result.value.name(), QStringLiteral("kthreadd"));
    QCOMPARE(result.value.pid(), 2);
    QCOMPARE(result.value.ppid(), 0);
    QCOMPARE(result.value.value("Kthread"), QByteArray("1"));
    QCOMPARE(result.value.kB("VmRSS"), std::nullopt); // kernel threads have no memory lines
}

void TestStatusParsers::statusFields_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("pid");
    QTest::addColumn<std::optional<quint32>>("uid");
    QTest::addColumn<std::optional<quint64>>("rss");

    QTest::newRow("name with spaces and colon") << QByteArray("Name:\tmy prog: x\nPid:\t7\nUid:\t1000\t1001\t1002\t1003\nVmRSS:\t  12 kB\n")
                                                << QStringLiteral("my prog: x") << 7 << std::optional<quint32>(1000)
                                                << std::optional<quint64>(12);
    QTest::newRow("escaped name") << QByteArray("Name:\ta\\nb\n") << QStringLiteral("a\\nb") << 0
                                  << std::optional<quint32>() << std::optional<quint64>();
    QTest::newRow("wrong unit") << QByteArray("VmRSS:\t12 MB\n") << QString() << 0 << std::optional<quint32>()
                                << std::optional<quint64>();
    QTest::newRow("rss overflow") << QByteArray("VmRSS:\t18446744073709551616 kB\n") << QString() << 0
                                  << std::optional<quint32>() << std::optional<quint64>();
    QTest::newRow("pid too big for int") << QByteArray("Pid:\t2147483648\n") << QString() << 0
                                         << std::optional<quint32>() << std::optional<quint64>();
    QTest::newRow("uid too big") << QByteArray("Uid:\t4294967296\t0\t0\t0\n") << QString() << 0
                                 << std::optional<quint32>() << std::optional<quint64>();
    QTest::newRow("largest uid") << QByteArray("Uid:\t4294967295\t0\t0\t0\n") << QString() << 0
                                 << std::optional<quint32>(4294967295u) << std::optional<quint64>();
    QTest::newRow("unknown keys kept") << QByteArray("Future_Key:\twhatever it is\nPid:\t1\n") << QString() << 1
                                       << std::optional<quint32>() << std::optional<quint64>();
}

void TestStatusParsers::statusFields()
{
    QFETCH(QByteArray, text);
    const auto result = ProcessStatus::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.value.fields.size(), text.count('\n'));
    QTEST(result.value.name(), "name");
    QTEST(result.value.pid(), "pid");
    QTEST(result.value.realUid(), "uid");
    QTEST(result.value.kB("VmRSS"), "rss");
}

void TestStatusParsers::statusErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << 0 << 0 << QStringLiteral("status is empty");
    QTest::newRow("no colon") << QByteArray("Name:\tx\nPid 12\n") << 1 << 2
                              << QStringLiteral("expected 'Key:\\tvalue', got \"Pid 12\"");
    QTest::newRow("empty key") << QByteArray(":\tx\n") << 0 << 1 << QStringLiteral("expected 'Key:\\tvalue', got \":\\tx\"");
    QTest::newRow("truncated") << QByteArray("Name:\tx\nVmRSS:\t  12") << 1 << 2
                               << QStringLiteral("truncated line (no newline at end of input): \"VmRSS:\\t  12\"");
}

void TestStatusParsers::statusErrors()
{
    QFETCH(QByteArray, text);
    const auto result = ProcessStatus::parse(text);
    QVERIFY(!result.ok());
    QTEST(int(result.value.fields.size()), "kept");
    QTEST(result.error.line, "line");
    QTEST(result.error.message, "message");
}

void TestStatusParsers::stat_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QString>("comm");
    QTest::addColumn<char>("state");
    QTest::addColumn<int>("ppid");
    QTest::addColumn<quint64>("minflt");
    QTest::addColumn<quint64>("cminflt");
    QTest::addColumn<quint64>("majflt");
    QTest::addColumn<quint64>("cmajflt");
    QTest::addColumn<quint64>("utime");
    QTest::addColumn<quint64>("stime");
    QTest::addColumn<int>("threads");
    QTest::addColumn<quint64>("startTime");
    QTest::addColumn<quint64>("vsize");
    QTest::addColumn<quint64>("rss");

    QTest::newRow("real sleep") << QStringLiteral("real/sleep-stopped/stat") << 14408 << QStringLiteral("sleep") << 'T'
                                << 14403 << quint64(124) << quint64(0) << quint64(0) << quint64(0) << quint64(0)
                                << quint64(0) << 1 << quint64(96974) << quint64(2990080) << quint64(444);
    QTest::newRow("real kernel thread") << QStringLiteral("real/kthreadd/stat") << 2 << QStringLiteral("kthreadd") << 'S'
                                        << 0 << quint64(0) << quint64(0) << quint64(0) << quint64(0) << quint64(0)
                                        << quint64(0) << 1 << quint64(25) << quint64(0) << quint64(0);
    // comm "(a) b) c)": the fields start after the last ')'.
    QTest::newRow("parentheses in comm") << QStringLiteral("odd/stat-parens") << 4242 << QStringLiteral("(a) b) c)") << 'S'
                                         << 1 << quint64(120) << quint64(7) << quint64(3) << quint64(1) << quint64(5)
                                         << quint64(9) << 1 << quint64(123456) << quint64(2330624) << quint64(215);
}

void TestStatusParsers::stat()
{
    QFETCH(QString, fixture);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    const auto result = ProcessStat::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const ProcessStat &s = result.value;
    QTEST(s.pid, "pid");
    QTEST(s.comm, "comm");
    QTEST(s.state, "state");
    QTEST(s.ppid, "ppid");
    QTEST(s.minflt, "minflt");
    QTEST(s.cminflt, "cminflt");
    QTEST(s.majflt, "majflt");
    QTEST(s.cmajflt, "cmajflt");
    QTEST(s.utime, "utime");
    QTEST(s.stime, "stime");
    QTEST(s.numThreads, "threads");
    QTEST(s.startTime, "startTime");
    QTEST(s.vsize, "vsize");
    QTEST(s.rssPages, "rss");
    // PF_KTHREAD in field 9 tells a kernel thread from a process without memory (a zombie).
    QCOMPARE(s.isKernelThread(), qstrcmp(QTest::currentDataTag(), "real kernel thread") == 0);
}

void TestStatusParsers::statErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    const QByteArray tail = " 0 0 0 -1 4194560 10 0 12 0 1 2 0 0 20 0 1 0 100 4096 3 18446744073709551615 1 1";
    QTest::newRow("empty") << QByteArray() << QStringLiteral("truncated line (no newline at end of input): \"\"");
    QTest::newRow("no newline") << QByteArray("1 (x) S 0") << QStringLiteral("truncated line (no newline at end of input): \"1 (x) S 0\"");
    QTest::newRow("no parentheses") << QByteArray("1 x S 0\n") << QStringLiteral("expected 'pid (comm) state ...', got \"1 x S 0\"");
    QTest::newRow("no closing parenthesis") << QByteArray("1 (x S 0\n") << QStringLiteral("expected 'pid (comm) state ...', got \"1 (x S 0\"");
    QTest::newRow("pid not a number") << QByteArray("x1 (x) S 0\n") << QStringLiteral("expected 'pid (comm) state ...', got \"x1 (x) S 0\"");
    QTest::newRow("too few fields") << QByteArray("1 (x) S 0 0 0\n") << QStringLiteral("expected at least 24 fields, got 6");
    QTest::newRow("two spaces") << "1 (x) S  1" + tail + "\n" << QStringLiteral("field 4: expected a number, got \"\"");
    QTest::newRow("state missing") << QByteArray("1 (x) \n") << QStringLiteral("expected a state letter, got \"\"");
    QTest::newRow("negative ppid") << "1 (x) S -1" + tail + "\n" << QStringLiteral("field 4: expected a number, got \"-1\"");
    QTest::newRow("minflt overflow") << QByteArray("1 (x) S 1 0 0 0 -1 4 18446744073709551616 0 0 0 0 0 0 0 0 0 1 0 1 1 1\n")
                                     << QStringLiteral("field 10: a number is too large: \"18446744073709551616\"");
    QTest::newRow("letters") << "1 (x) S 1 0 0 0 -1 4 1x" + tail + "\n" << QStringLiteral("field 10: expected a number, got \"1x\"");
    QTest::newRow("ppid beyond int") << "1 (x) S 2147483648" + tail + "\n"
                                     << QStringLiteral("ppid or thread count is too large: \"1 (x) S 2147483648 0 0 0 -1 4194560 10 0 12 0 1 2 0 0 20 0 1\"...");
    QTest::newRow("no space after comm") << "1 (x)S 1" + tail + "\n" << QStringLiteral("expected a space between fields, got \"S 1 0 0 0 -1 4194560 10 0 12 0 1 2 0 0 20 0 1 0 100 4096 3 1\"...");
}

void TestStatusParsers::statErrors()
{
    QFETCH(QByteArray, text);
    const auto result = ProcessStat::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 1);
    QTEST(result.error.message, "message");
}

void TestStatusParsers::statm_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QList<quint64>>("values");
    QTest::newRow("real sleep") << QStringLiteral("real/sleep-stopped/statm") << QList<quint64>{730, 470, 444, 5, 0, 89, 0};
    QTest::newRow("real odd") << QStringLiteral("real/odd-stopped/statm") << QList<quint64>{605, 316, 290, 1, 0, 66, 0};
    QTest::newRow("kernel thread") << QStringLiteral("real/kthreadd/statm") << QList<quint64>{0, 0, 0, 0, 0, 0, 0};
}

void TestStatusParsers::statm()
{
    QFETCH(QString, fixture);
    QFETCH(QList<quint64>, values);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    const auto result = ProcessStatm::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const ProcessStatm &s = result.value;
    QCOMPARE((QList<quint64>{s.size, s.resident, s.shared, s.text, s.lib, s.data, s.dirty}), values);
}

void TestStatusParsers::statmErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("truncated: expected seven numbers and a newline, got \"\"");
    QTest::newRow("no newline") << QByteArray("1 2 3 4 5 6 7") << QStringLiteral("truncated: expected seven numbers and a newline, got \"1 2 3 4 5 6 7\"");
    QTest::newRow("six") << QByteArray("1 2 3 4 5 6\n") << QStringLiteral("expected seven numbers separated by spaces, got \"1 2 3 4 5 6\\x0a\"");
    QTest::newRow("eight") << QByteArray("1 2 3 4 5 6 7 8\n") << QStringLiteral("unexpected text after seven numbers: \" 8\"");
    QTest::newRow("letter") << QByteArray("1 2 x 4 5 6 7\n") << QStringLiteral("expected a page count, got \"x 4 5 6 7\"");
    QTest::newRow("overflow") << QByteArray("99999999999999999999 2 3 4 5 6 7\n")
                              << QStringLiteral("a page count is too large: \"99999999999999999999 2 3 4 5 6 7\"");
}

void TestStatusParsers::statmErrors()
{
    QFETCH(QByteArray, text);
    const auto result = ProcessStatm::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.line, 1);
    QTEST(result.error.message, "message");
}

void TestStatusParsers::cmdline_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("display");
    QTest::newRow("empty (kernel thread)") << QByteArray() << QStringList() << QString();
    QTest::newRow("trailing NUL") << QByteArray("sleep\0" "1000\0", 11) << QStringList{QStringLiteral("sleep"), QStringLiteral("1000")}
                                  << QStringLiteral("sleep 1000");
    QTest::newRow("no trailing NUL") << QByteArray("sleep\0" "1000", 10) << QStringList{QStringLiteral("sleep"), QStringLiteral("1000")}
                                     << QStringLiteral("sleep 1000");
    QTest::newRow("rewritten title") << QByteArray("sshd: alice@pts/0") << QStringList{QStringLiteral("sshd: alice@pts/0")}
                                     << QStringLiteral("sshd: alice@pts/0");
    QTest::newRow("empty argument") << QByteArray("a\0\0b\0", 5) << QStringList{QStringLiteral("a"), QString(), QStringLiteral("b")}
                                    << QStringLiteral("a  b");
    QTest::newRow("only a NUL: one empty argument") << QByteArray("\0", 1) << QStringList{QString()} << QString();
    QTest::newRow("two NULs: two empty arguments") << QByteArray("\0\0", 2) << QStringList{QString(), QString()}
                                                   << QStringLiteral(" ");
    QTest::newRow("newline and tab in a script argument")
        << QByteArray("python3\0-c\0import os\n\tpass\0", 27)
        << QStringList{QStringLiteral("python3"), QStringLiteral("-c"), QStringLiteral("import os\n\tpass")}
        << QStringLiteral("python3 -c import os??pass");
    QTest::newRow("utf-8") << QByteArray("caf\xc3\xa9\0", 6) << QStringList{QStringLiteral("caf\u00e9")} << QStringLiteral("caf\u00e9");
}

void TestStatusParsers::cmdline()
{
    QFETCH(QByteArray, bytes);
    const QStringList arguments = Cmdline::parse(bytes);
    QTEST(arguments, "arguments");
    QTEST(Cmdline::toDisplayString(arguments), "display");
}

void TestStatusParsers::cmdlineReal()
{
    QByteArray bytes;
    QVERIFY(readParserFixture(QStringLiteral("real/odd-stopped/cmdline"), &bytes));
    QCOMPARE(Cmdline::parse(bytes), (QStringList{QStringLiteral("/tmp/mematlas-fixture/odd"),
                                                 QStringLiteral("/tmp/mematlas-fixture/dir with space/data file.bin"),
                                                 QStringLiteral("/tmp/mematlas-fixture/gone.bin")}));
    QVERIFY(readParserFixture(QStringLiteral("real/kthreadd/cmdline"), &bytes));
    QCOMPARE(Cmdline::parse(bytes), QStringList());
}

void TestStatusParsers::garbageEverywhere()
{
    QByteArray garbage;
    QVERIFY(readParserFixture(QStringLiteral("odd/garbage.bin"), &garbage));
    const auto status = ProcessStatus::parse(garbage);
    QCOMPARE(status.error.line, 1);
    QVERIFY(status.value.fields.isEmpty());
    QVERIFY(status.error.message.startsWith(QLatin1String("expected 'Key:\\tvalue', got \"<\\xe9")));
    const auto stat = ProcessStat::parse(garbage);
    QVERIFY(!stat.ok());
    QVERIFY(stat.error.message.startsWith(QLatin1String("truncated line (no newline at end of input): \"<\\xe9")));
    QVERIFY(!ProcessStatm::parse(garbage).ok());
    QVERIFY(!ProcessStatm::parse(QByteArray(garbage + '\n')).ok());
    QCOMPARE(Cmdline::parse(garbage).size(), 1); // no NUL in it: one argument
}

QTEST_APPLESS_MAIN(TestStatusParsers)
#include "tst_statusparsers.moc"
