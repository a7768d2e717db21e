// Segment classification over recorded trees (every mapping, exact kind) and constructed maps for
// the cases no recording here shows (old kernels, arenas side by side, odd library names).
#include "mapsparser.h"
#include "segmentkind.h"
#include "treeprocsource.h"

#include <QSet>
#include <QTest>

namespace {
QString treePath(const QString &tree)
{
    return QStringLiteral(MEMATLAS_TEST_DATA "/trees/") + tree;
}

// "start kind-id", plus " kernel" for the kernel half: one line per mapping, easy to compare and read.
QStringList describe(const QList<Mapping> &mappings, const QList<SegmentClassification> &classes)
{
    QStringList lines;
    for (qsizetype i = 0; i < mappings.size(); ++i) {
        QString line = QString::number(mappings[i].start, 16) + QLatin1Char(' ') + Segments::id(classes[i].kind);
        if (classes[i].kernelHalf)
            line += QStringLiteral(" kernel");
        lines.append(line);
    }
    return lines;
}

QList<Mapping> parseMaps(const QByteArray &text)
{
    const Parsed<QList<Mapping>> parsed = MapsParser::parse(text);
    if (!parsed.ok())
        qWarning("maps: %s", qPrintable(parsed.error.toString()));
    return parsed.value;
}

// The lines every recorded process has from glibc's loader and the vDSO, in the order maps prints them.
QStringList loaderAndVdso(const char *vvar, const char *vvarClock, const char *vdso, const QStringList &loader)
{
    return QStringList{ QLatin1String(vvar) + QStringLiteral(" vvar"),
                        QLatin1String(vvarClock) + QStringLiteral(" vvar"),
                        QLatin1String(vdso) + QStringLiteral(" vdso") }
        + loader;
}

QStringList libraryLines(std::initializer_list<const char *> starts)
{
    QStringList lines;
    for (const char *start : starts)
        lines.append(QLatin1String(start) + QStringLiteral(" shared-library"));
    return lines;
}

QStringList tail(const char *stack)
{
    return { QLatin1String(stack) + QStringLiteral(" stack"), QStringLiteral("ffffffffff600000 vsyscall kernel") };
}
}

class TstSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesRecordedTree_data();
    void classifiesRecordedTree();
    void classifiesConstructedMaps_data();
    void classifiesConstructedMaps();
    void kernelHalfBoundary_data();
    void kernelHalfBoundary();
    void idsAndNames_data();
    void idsAndNames();
    void idsAndNamesAreUnique();
};

void TstSegments::classifiesRecordedTree_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<int>("pid");
    QTest::addColumn<QStringList>("expected");

    // Hand-read from each maps file; see tests/data/README.md for what each process did.
    QTest::newRow("sleep") << QStringLiteral("sleep") << 12069
                           << QStringList{ QStringLiteral("557577d85000 read-only-data"),
                                           QStringLiteral("557577d86000 code"),
                                           QStringLiteral("557577d87000 read-only-data"),
                                           QStringLiteral("557577d88000 read-only-data"), // RELRO
                                           QStringLiteral("557577d89000 data"), // no bss of its own
                                           QStringLiteral("557579a47000 heap"),
                                           QStringLiteral("7f2037d7f000 anonymous-mmap"), // below libc, not after
                                         }
            + libraryLines({ "7f2037d82000", "7f2037da8000", "7f2037efe000", "7f2037f51000", "7f2037f55000",
                             "7f2037f57000" }) // the last: libc's bss
            + QStringList{ QStringLiteral("7f2037f70000 anonymous-mmap") } // a gap from libc's bss
            + loaderAndVdso("7f2037f72000", "7f2037f76000", "7f2037f78000",
                            libraryLines({ "7f2037f7a000", "7f2037f7b000", "7f2037fa1000", "7f2037fab000",
                                           "7f2037fad000" }))
            + tail("7ffff1c8c000");

    QTest::newRow("threads") << QStringLiteral("threads") << 12100
                             << QStringList{
                                    QStringLiteral("55898a9ee000 read-only-data"),
                                    QStringLiteral("55898a9ef000 code"),
                                    QStringLiteral("55898a9f0000 read-only-data"),
                                    QStringLiteral("55898a9f1000 read-only-data"),
                                    QStringLiteral("55898a9f2000 data"),
                                    QStringLiteral("55898a9f3000 bss"), // 256 KiB of zeroed[]
                                    QStringLiteral("5589bacc5000 heap"),
                                    QStringLiteral("7f80e0000000 anonymous-mmap"), // arena 2: rw part ...
                                    QStringLiteral("7f80e0021000 guard"), // ... and its reservation above
                                    QStringLiteral("7f80e8000000 anonymous-mmap"), // arena 1
                                    QStringLiteral("7f80e8021000 guard"),
                                    QStringLiteral("7f80eeb0c000 anonymous-mmap"), // malloc(1 MiB), guard above
                                    QStringLiteral("7f80eec0d000 guard"), // thread 2's guard ...
                                    QStringLiteral("7f80eec0e000 thread-stack"), // ... below its stack
                                    QStringLiteral("7f80ef40e000 guard"),
                                    QStringLiteral("7f80ef40f000 thread-stack"),
                                    QStringLiteral("7f80efc0f000 anonymous-mmap"), // touches the stack's top
                                }
            + libraryLines({ "7f80efc12000", "7f80efc38000", "7f80efd8e000", "7f80efde1000", "7f80efde5000",
                             "7f80efde7000" })
            + QStringList{ QStringLiteral("7f80efe00000 anonymous-mmap") }
            + loaderAndVdso("7f80efe02000", "7f80efe06000", "7f80efe08000",
                            libraryLines({ "7f80efe0a000", "7f80efe0b000", "7f80efe31000", "7f80efe3b000",
                                           "7f80efe3d000" }))
            + tail("7ffd6cf51000");

    QTest::newRow("anon-names") << QStringLiteral("anon-names") << 12133
                                << QStringList{
                                       QStringLiteral("55cd6ce3f000 read-only-data"),
                                       QStringLiteral("55cd6ce40000 code"),
                                       QStringLiteral("55cd6ce41000 read-only-data"),
                                       QStringLiteral("55cd6ce42000 read-only-data"),
                                       QStringLiteral("55cd6ce43000 data"),
                                       QStringLiteral("55cd8fcc5000 heap"),
                                       QStringLiteral("7fd823660000 named-anonymous"), // [anon:mematlas pool]
                                       QStringLiteral("7fd823663000 anonymous-mmap"),
                                   }
            + libraryLines({ "7fd823666000", "7fd82368c000", "7fd8237e2000", "7fd823835000", "7fd823839000",
                             "7fd82383b000" })
            + QStringList{
                  QStringLiteral("7fd82384a000 shared-memory"), // /SYSV00000000 (deleted)
                  QStringLiteral("7fd82384c000 shared-memory"), // /dev/shm/mematlas-fixture
                  QStringLiteral("7fd82384e000 shared-memory"), // /memfd:mematlas-memfd (deleted)
                  QStringLiteral("7fd823850000 shared-memory"), // /dev/zero (deleted): shared anonymous
                  QStringLiteral("7fd823852000 named-anonymous"), // [anon_shmem:mematlas shared]
                  QStringLiteral("7fd823854000 anonymous-mmap"), // above shared memory, no bss
              }
            + loaderAndVdso("7fd823856000", "7fd82385a000", "7fd82385c000",
                            libraryLines({ "7fd82385e000", "7fd82385f000", "7fd823885000", "7fd82388f000",
                                           "7fd823891000" }))
            + tail("7ffcd4e6f000");

    // The executable ran from "/tmp/mematlas fixture/files prog" and deleted itself.
    QTest::newRow("files") << QStringLiteral("files") << 12175
                           << QStringList{
                                  QStringLiteral("55714bee3000 read-only-data"),
                                  QStringLiteral("55714bee4000 code"),
                                  QStringLiteral("55714bee5000 read-only-data"),
                                  QStringLiteral("55714bee6000 read-only-data"),
                                  QStringLiteral("55714bee7000 data"),
                                  QStringLiteral("557177816000 heap"),
                                  QStringLiteral("7f876c088000 anonymous-mmap"),
                              }
            + libraryLines({ "7f876c08b000", "7f876c0b1000", "7f876c207000", "7f876c25a000", "7f876c25e000",
                             "7f876c260000" })
            + QStringList{
                  QStringLiteral("7f876c274000 file-mapping"), // scratch.bin (deleted), rw-s
                  QStringLiteral("7f876c276000 file-mapping"), // data file with spaces.bin
                  QStringLiteral("7f876c279000 anonymous-mmap"), // above a data file: no bss
              }
            + loaderAndVdso("7f876c27b000", "7f876c27f000", "7f876c281000",
                            libraryLines({ "7f876c283000", "7f876c284000", "7f876c2aa000", "7f876c2b4000",
                                           "7f876c2b6000" }))
            + tail("7ffce1791000");

    const QStringList locales = { QStringLiteral("7f26028b3000 file-mapping"), QStringLiteral("7f260290a000 file-mapping"),
                                  QStringLiteral("7f260290b000 file-mapping"), QStringLiteral("7f260290c000 file-mapping"),
                                  QStringLiteral("7f260290d000 file-mapping"), QStringLiteral("7f260290e000 file-mapping"),
                                  QStringLiteral("7f260290f000 file-mapping") };
    QTest::newRow("bash") << QStringLiteral("bash") << 12209
                          << QStringList{
                                 QStringLiteral("5573fad5d000 read-only-data"),
                                 QStringLiteral("5573fad8c000 code"),
                                 QStringLiteral("5573fae4d000 read-only-data"),
                                 QStringLiteral("5573fae85000 read-only-data"),
                                 QStringLiteral("5573fae89000 data"),
                                 QStringLiteral("5573fae92000 bss"),
                                 QStringLiteral("55740993c000 heap"),
                             } + locales
            + QStringList{ QStringLiteral("7f2602910000 anonymous-mmap") } // after LC_PAPER: not a library
            + libraryLines({ "7f2602913000", "7f2602939000", "7f2602a8f000", "7f2602ae2000", "7f2602ae6000",
                             "7f2602ae8000", // libc.so.6 and its bss
                             "7f2602af5000", "7f2602b04000", "7f2602b15000", "7f2602b23000",
                             "7f2602b27000" }) // libtinfo.so.6.4 (no bss mapping)
            + QStringList{
                  QStringLiteral("7f2602b28000 file-mapping"), QStringLiteral("7f2602b29000 file-mapping"),
                  QStringLiteral("7f2602b2a000 file-mapping"), QStringLiteral("7f2602b2b000 file-mapping"),
                  QStringLiteral("7f2602b2c000 file-mapping"), // gconv-modules.cache, r--s
                  QStringLiteral("7f2602b33000 file-mapping"),
                  QStringLiteral("7f2602b34000 anonymous-mmap"),
              }
            + loaderAndVdso("7f2602b36000", "7f2602b3a000", "7f2602b3c000",
                            libraryLines({ "7f2602b3e000", "7f2602b3f000", "7f2602b65000", "7f2602b6f000",
                                           "7f2602b71000" }))
            + tail("7ffe7e051000");

    // maps cut short in line 11: the ten whole lines are still classified.
    QTest::newRow("old-kernel, truncated maps")
        << QStringLiteral("old-kernel") << 12069
        << QStringList{ QStringLiteral("557577d85000 read-only-data"), QStringLiteral("557577d86000 code"),
                        QStringLiteral("557577d87000 read-only-data"), QStringLiteral("557577d88000 read-only-data"),
                        QStringLiteral("557577d89000 data"),           QStringLiteral("557579a47000 heap"),
                        QStringLiteral("7f2037d7f000 anonymous-mmap") }
            + libraryLines({ "7f2037d82000", "7f2037da8000", "7f2037efe000" });

    QTest::newRow("kernel thread") << QStringLiteral("kthread") << 2 << QStringList();
    QTest::newRow("zombie") << QStringLiteral("zombie") << 12273 << QStringList();
}

void TstSegments::classifiesRecordedTree()
{
    QFETCH(QString, tree);
    QFETCH(int, pid);
    QFETCH(QStringList, expected);

    const TreeProcSource source(treePath(tree));
    const ReadResult maps = source.readFile(QString::number(pid) + QStringLiteral("/maps"));
    QVERIFY2(maps.ok(), qPrintable(maps.message));
    const QList<Mapping> mappings = MapsParser::parse(maps.data).value;
    const QString exe = source.readLink(QString::number(pid) + QStringLiteral("/exe"));
    QCOMPARE(describe(mappings, Segments::classify(mappings, exe)), expected);
}

void TstSegments::classifiesConstructedMaps_data()
{
    QTest::addColumn<QByteArray>("maps");
    QTest::addColumn<QString>("executable");
    QTest::addColumn<QStringList>("expected");

    // glibc puts a new arena heap directly above the previous one when that address is free: the
    // second rw part sits on the first's reservation, like a thread stack on its guard, but starts
    // on a 64 MiB boundary.
    QTest::newRow("arenas side by side")
        << QByteArray("7f0000000000-7f0000021000 rw-p 00000000 00:00 0 \n"
                      "7f0000021000-7f0004000000 ---p 00000000 00:00 0 \n"
                      "7f0004000000-7f0004021000 rw-p 00000000 00:00 0 \n"
                      "7f0004021000-7f0008000000 ---p 00000000 00:00 0 \n"
                      "7f0008000000-7f0008801000 rw-p 00000000 00:00 0 \n")
        << QString()
        << QStringList{ QStringLiteral("7f0000000000 anonymous-mmap"), QStringLiteral("7f0000021000 guard"),
                        QStringLiteral("7f0004000000 anonymous-mmap"), QStringLiteral("7f0004021000 guard"),
                        // The arena rule is about the start alone: an 8 MiB rw above a guard at a
                        // 64 MiB boundary is taken for an arena too (a documented limit).
                        QStringLiteral("7f0008000000 anonymous-mmap") };

    QTest::newRow("thread stack needs an adjacent anonymous guard")
        << QByteArray("7f0010000000-7f0010001000 ---p 00000000 00:00 0 \n"
                      "7f0010001000-7f0010801000 rw-p 00000000 00:00 0 \n"
                      "7f0010802000-7f0011002000 rw-p 00000000 00:00 0 \n" // a page above the last: no guard
                      "7f0011002000-7f0011003000 ---p 00000000 00:00 0 \n"
                      "7f0011003000-7f0011004000 r--p 00000000 00:00 0 \n" // not rw
                      "7f0011004000-7f0011006000 ---p 00001000 08:01 42    /srv/reserved.bin\n"
                      "7f0011006000-7f0011007000 rw-p 00000000 00:00 0 \n") // above a file-backed hole
        << QStringLiteral("/usr/bin/prog")
        << QStringList{ QStringLiteral("7f0010000000 guard"),          QStringLiteral("7f0010001000 thread-stack"),
                        QStringLiteral("7f0010802000 anonymous-mmap"), QStringLiteral("7f0011002000 guard"),
                        QStringLiteral("7f0011003000 anonymous-mmap"), QStringLiteral("7f0011004000 guard"),
                        QStringLiteral("7f0011006000 anonymous-mmap") };

    QTest::newRow("old kernels and unknown pseudo-paths")
        << QByteArray("7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0                          [stack:4242]\n"
                      "7ffc00100000-7ffc00101000 r-xp 00000000 00:00 0                          [uprobes]\n"
                      "7ffc00200000-7ffc00201000 r--p 00000000 00:00 0                          [brand_new]\n"
                      "7ffc00300000-7ffc00400000 ---p 00000000 00:00 0                          [anon:reserve]\n")
        << QString()
        << QStringList{ QStringLiteral("7ffc00000000 thread-stack"), QStringLiteral("7ffc00100000 other"),
                        QStringLiteral("7ffc00200000 other"), QStringLiteral("7ffc00300000 named-anonymous") };

    QTest::newRow("library names")
        << QByteArray("7f0020000000-7f0020001000 r-xp 00000000 08:01 1    /usr/lib/libpython3.11.so.1.0\n"
                      "7f0020001000-7f0020002000 r-xp 00000000 08:01 2    /usr/lib/python3/_ssl.cpython-311-x86_64-linux-gnu.so\n"
                      "7f0020002000-7f0020003000 r-xp 00000000 08:01 3    /lib/ld-linux.so.2\n"
                      "7f0020003000-7f0020004000 r-xp 00000000 08:01 4    /lib/ld-linux-custom\n"
                      "7f0020004000-7f0020005000 r--p 00000000 08:01 5    /srv/libfoo.so.backup\n"
                      "7f0020005000-7f0020006000 r--p 00000000 08:01 6    /srv/notes.so.txt\n"
                      "7f0020006000-7f0020007000 r-xp 00000000 08:01 7    /usr/lib/libold.so.6 (deleted)\n"
                      "7f0020007000-7f0020008000 ---p 00001000 08:01 7    /usr/lib/libold.so.6 (deleted)\n"
                      "7f0020008000-7f0020009000 rw-p 00002000 08:01 7    /usr/lib/libold.so.6 (deleted)\n"
                      "7f0020009000-7f002000a000 rw-p 00000000 00:00 0 \n")
        << QStringLiteral("/usr/bin/python3")
        << QStringList{ QStringLiteral("7f0020000000 shared-library"), QStringLiteral("7f0020001000 shared-library"),
                        QStringLiteral("7f0020002000 shared-library"), QStringLiteral("7f0020003000 shared-library"),
                        QStringLiteral("7f0020004000 file-mapping"),   QStringLiteral("7f0020005000 file-mapping"),
                        QStringLiteral("7f0020006000 shared-library"),
                        QStringLiteral("7f0020007000 guard"), // the loader's alignment hole
                        QStringLiteral("7f0020008000 shared-library"),
                        QStringLiteral("7f0020009000 shared-library") }; // its bss

    QTest::newRow("shared memory")
        << QByteArray("7f0030000000-7f0030001000 r--p 00000000 00:1b 9    /dev/shm/private-view\n"
                      "7f0030001000-7f0030002000 rw-s 00000000 00:01 10   /SYSV0badcafe (deleted)\n"
                      "7f0030002000-7f0030003000 rw-s 00000000 00:00 0 \n"
                      "7f0030003000-7f0030004000 r--s 00000000 08:01 11   /var/cache/shared.db\n"
                      "7f0030004000-7f0030005000 rw-s 00000000 00:01 12   /memfd:wayland-shm (deleted)\n")
        << QString()
        << QStringList{ QStringLiteral("7f0030000000 shared-memory"), QStringLiteral("7f0030001000 shared-memory"),
                        QStringLiteral("7f0030002000 shared-memory"), QStringLiteral("7f0030003000 file-mapping"),
                        QStringLiteral("7f0030004000 shared-memory") };

    // Without an exe link the first file mapping is taken for the executable.
    const QByteArray program("00400000-00401000 r--p 00000000 08:01 20   /opt/prog\n"
                             "00401000-00402000 r-xp 00001000 08:01 20   /opt/prog\n"
                             "00402000-00403000 rw-p 00002000 08:01 20   /opt/prog\n"
                             "00403000-00404000 rw-p 00000000 00:00 0 \n"
                             "00405000-00406000 rw-p 00000000 00:00 0 \n");
    const QStringList asProgram = { QStringLiteral("400000 read-only-data"), QStringLiteral("401000 code"),
                                    QStringLiteral("402000 data"), QStringLiteral("403000 bss"),
                                    QStringLiteral("405000 anonymous-mmap") };
    QTest::newRow("executable from the first file mapping") << program << QString() << asProgram;
    QTest::newRow("executable deleted") << program << QStringLiteral("/opt/prog (deleted)") << asProgram;
    QTest::newRow("executable elsewhere")
        << program << QStringLiteral("/usr/bin/other")
        << QStringList{ QStringLiteral("400000 file-mapping"), QStringLiteral("401000 file-mapping"),
                        QStringLiteral("402000 file-mapping"), QStringLiteral("403000 anonymous-mmap"),
                        QStringLiteral("405000 anonymous-mmap") };
}

void TstSegments::classifiesConstructedMaps()
{
    QFETCH(QByteArray, maps);
    QFETCH(QString, executable);
    QFETCH(QStringList, expected);

    const QList<Mapping> mappings = parseMaps(maps);
    QCOMPARE(mappings.size(), expected.size());
    QCOMPARE(describe(mappings, Segments::classify(mappings, executable)), expected);
}

void TstSegments::kernelHalfBoundary_data()
{
    QTest::addColumn<quint64>("start");
    QTest::addColumn<bool>("kernelHalf");

    QTest::newRow("last user page") << Q_UINT64_C(0x00007ffffffff000) << false;
    QTest::newRow("just below the kernel half") << Q_UINT64_C(0xffff7ffffffff000) << false;
    QTest::newRow("kernel half start") << Q_UINT64_C(0xffff800000000000) << true;
    QTest::newRow("vsyscall") << Q_UINT64_C(0xffffffffff600000) << true;
}

void TstSegments::kernelHalfBoundary()
{
    QFETCH(quint64, start);
    QFETCH(bool, kernelHalf);

    Mapping mapping;
    mapping.start = start;
    mapping.end = start + 0x1000;
    mapping.readable = true;
    const QList<SegmentClassification> classes = Segments::classify({ mapping }, QString());
    QCOMPARE(classes.size(), 1);
    QCOMPARE(classes.first().kernelHalf, kernelHalf);
}

void TstSegments::idsAndNames_data()
{
    QTest::addColumn<SegmentKind>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("name");

    // Ids are stored in files and settings: changing one breaks them.
    QTest::newRow("code") << SegmentKind::Code << QStringLiteral("code") << QStringLiteral("Code");
    QTest::newRow("read-only data") << SegmentKind::ReadOnlyData << QStringLiteral("read-only-data")
                                    << QStringLiteral("Read-only data");
    QTest::newRow("bss") << SegmentKind::Bss << QStringLiteral("bss") << QStringLiteral("BSS");
    QTest::newRow("anonymous mmap") << SegmentKind::AnonymousMmap << QStringLiteral("anonymous-mmap")
                                    << QStringLiteral("Anonymous mmap");
    QTest::newRow("shared library") << SegmentKind::SharedLibrary << QStringLiteral("shared-library")
                                    << QStringLiteral("Shared library");
    QTest::newRow("thread stack") << SegmentKind::ThreadStack << QStringLiteral("thread-stack")
                                  << QStringLiteral("Thread stack");
    QTest::newRow("named anonymous") << SegmentKind::NamedAnonymous << QStringLiteral("named-anonymous")
                                     << QStringLiteral("Named anonymous");
    QTest::newRow("other") << SegmentKind::Other << QStringLiteral("other") << QStringLiteral("Other");
    QTest::newRow("count is no kind") << SegmentKind::Count << QString() << QString();
}

void TstSegments::idsAndNames()
{
    QFETCH(SegmentKind, kind);
    QFETCH(QString, id);
    QFETCH(QString, name);

    QCOMPARE(Segments::id(kind), id);
    QCOMPARE(Segments::name(kind), name);
}

void TstSegments::idsAndNamesAreUnique()
{
    QSet<QString> ids;
    QSet<QString> names;
    for (int i = 0; i < int(SegmentKind::Count); ++i) {
        const auto kind = SegmentKind(i);
        const QString id = Segments::id(kind);
        QVERIFY2(!id.isEmpty() && id == id.toLower() && !id.contains(QLatin1Char(' ')), qPrintable(id));
        QVERIFY(!Segments::name(kind).isEmpty());
        ids.insert(id);
        names.insert(Segments::name(kind));
    }
    QCOMPARE(ids.size(), int(SegmentKind::Count));
    QCOMPARE(names.size(), int(SegmentKind::Count));
}

QTEST_APPLESS_MAIN(TstSegments)
#include "tst_segments.moc"
