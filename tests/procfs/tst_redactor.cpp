// Redactor: what a bundle made for sharing keeps and what it replaces.
#include "mapsparser.h"
#include "redactor.h"
#include "smapsparser.h"

#include <QTest>

class TstRedactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("system");
        QTest::newRow("libc") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libc.so.6") << true;
        QTest::newRow("loader") << QStringLiteral("/lib64/ld-linux-x86-64.so.2") << true;
        QTest::newRow("locale") << QStringLiteral("/usr/lib/locale/C.utf8/LC_CTYPE") << true;
        QTest::newRow("opt") << QStringLiteral("/opt/google/chrome/chrome") << true;
        QTest::newRow("dev zero") << QStringLiteral("/dev/zero") << true;
        QTest::newRow("home") << QStringLiteral("/home/ada/thesis/data.bin") << false;
        QTest::newRow("tmp") << QStringLiteral("/tmp/x") << false;
        QTest::newRow("shm") << QStringLiteral("/dev/shm/session-ada") << false;
        QTest::newRow("escape") << QStringLiteral("/usr/../home/ada/x") << false;
        QTest::newRow("root") << QStringLiteral("/root/.cache/k.so") << false;
    }

    void systemPaths()
    {
        QFETCH(QString, path);
        QTEST(Redactor::isSystemPath(path), "system");
    }

    void mapsAndSmaps()
    {
        const QByteArray maps = "55d0c0000000-55d0c0001000 r--p 00000000 08:01 12 /home/ada/bin/tool\n"
                                "55d0c0001000-55d0c0002000 r-xp 00001000 08:01 12 /home/ada/bin/tool\n"
                                "55d0c1000000-55d0c1021000 rw-p 00000000 00:00 0                          [heap]\n"
                                "7f0000000000-7f0000100000 rw-s 00000000 00:01 99 /dev/shm/session ada (deleted)\n"
                                "7f0000200000-7f0000228000 r--p 00000000 08:01 30 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
                                "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n";
        Redactor redactor;
        const QByteArray shared = redactor.mapsText(maps);
        QCOMPARE(shared,
                 QByteArray("55d0c0000000-55d0c0001000 r--p 00000000 08:01 12 /redacted/file-1\n"
                            "55d0c0001000-55d0c0002000 r-xp 00001000 08:01 12 /redacted/file-1\n"
                            "55d0c1000000-55d0c1021000 rw-p 00000000 00:00 0                          [heap]\n"
                            "7f0000000000-7f0000100000 rw-s 00000000 00:01 99 /redacted/file-2 (deleted)\n"
                            "7f0000200000-7f0000228000 r--p 00000000 08:01 30 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
                            "7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]\n"));
        QVERIFY(MapsParser::parse(shared).ok());
        // The exe link gets the alias its mappings got.
        QCOMPARE(redactor.path(QStringLiteral("/home/ada/bin/tool")), QStringLiteral("/redacted/file-1"));
        QCOMPARE(redactor.path(QStringLiteral("/usr/bin/bash")), QStringLiteral("/usr/bin/bash"));

        // smaps: only mapping lines change; every key line stays as the kernel wrote it.
        const QByteArray smaps = "55d0c0000000-55d0c0001000 r--p 00000000 08:01 12 /home/ada/bin/tool\n"
                                 "Size:                  4 kB\nRss:                   4 kB\n"
                                 "VmFlags: rd mr mw me dw sd\n";
        const QByteArray sharedSmaps = redactor.mapsText(smaps);
        QCOMPARE(sharedSmaps, QByteArray(smaps).replace("/home/ada/bin/tool", "/redacted/file-1"));
        const auto parsed = SmapsParser::parse(sharedSmaps);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value.constFirst().value(SmapsEntry::Rss), quint64(4));
        // No newline at the end: kept that way (a cut read stays a cut read).
        QCOMPARE(redactor.mapsText("55d0c0000000-55d0c0001000 r--p 00000000 08:01 12 /home/ada/bin/tool"),
                 QByteArray("55d0c0000000-55d0c0001000 r--p 00000000 08:01 12 /redacted/file-1"));
    }

    void commandLines()
    {
        QCOMPARE(Redactor::cmdline(QByteArrayView("/home/ada/bin/tool\0--password\0hunter2\0", 39)), QByteArray("tool\0", 5));
        QCOMPARE(Redactor::cmdline(QByteArrayView("python3\0/home/ada/secret.py\0", 28)), QByteArray("python3\0", 8));
        QCOMPARE(Redactor::cmdline(QByteArrayView()), QByteArray()); // a kernel thread's stays empty
        QCOMPARE(Redactor::cmdline(QByteArrayView("no-nul-at-end")), QByteArray("no-nul-at-end\0", 14));
    }
};

QTEST_GUILESS_MAIN(TstRedactor)
#include "tst_redactor.moc"
