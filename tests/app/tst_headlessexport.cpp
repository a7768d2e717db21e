#include "addressspaceview.h"
#include "mappingmodel.h"
#include "mapsparser.h"
#include "segmentkind.h"
#include "segmentpalette.h"
#include "treeprocsource.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `mematlas --export VIEW ...` run as a user would: the real binary, no display.
class TestHeadlessExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapPngHasTheHeapWhereTheMapDrawsIt()
    {
        const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        const QImage image = exportOfRecordedBash(QStringLiteral("map"), QSize(700, 1000));
        QCOMPARE(image.size(), QSize(700, 1000));

        // The same view, laid out in this process at the same size, says where the heap is.
        TreeProcSource source(root);
        const auto maps = MapsParser::parse(source.readFile(QStringLiteral("12209/maps")).data).value;
        MappingModel model;
        model.setMaps(maps, Segments::classify(maps, source.readLink(QStringLiteral("12209/exe"))));
        AddressSpaceView view;
        view.setModel(&model);
        view.resize(700, 1000);
        int heapRow = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.mappingAt(row).path == QStringLiteral("[heap]"))
                heapRow = row;
        }
        QVERIFY(heapRow >= 0);
        const QRectF heap = view.mappingRect(heapRow);
        QVERIFY(!heap.isEmpty());
        const QColor expected = SegmentPalette(view.palette()).fill(SegmentKind::Heap);
        // A point in the heap's rectangle clear of its label: its left edge, a few pixels in.
        const QPoint probe(int(heap.left()) + 3, int(heap.center().y()));
        QCOMPARE(image.pixelColor(probe).name(), expected.name());
    }

    void svgIsWritten()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("map.svg"));
        const Result result = runExport({QStringLiteral("map"), QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/trees/threads"), QStringLiteral("--pid"),
                                         QStringLiteral("12100"), QStringLiteral("--scale"), QStringLiteral("true")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.stderrText));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("</svg>"));
    }

    void badInputFailsWithOneLineAndNoFile_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected"); // part of the one-line reason
        const QString tree = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
        QTest::newRow("no such process") << QStringList{QStringLiteral("--proc-root"), tree, QStringLiteral("--pid"),
                                                        QStringLiteral("999999")}
                                         << QStringLiteral("process 999999 does not exist");
        QTest::newRow("no pid") << QStringList{QStringLiteral("--proc-root"), tree} << QStringLiteral("needs --pid");
        QTest::newRow("bad size") << QStringList{QStringLiteral("--proc-root"), tree, QStringLiteral("--pid"),
                                                 QStringLiteral("12209"), QStringLiteral("--size"), QStringLiteral("0x10")}
                                  << QStringLiteral("--size");
        QTest::newRow("kernel thread") << QStringList{QStringLiteral("--proc-root"),
                                                      QStringLiteral(MEMATLAS_TEST_DATA "/trees/kthread"),
                                                      QStringLiteral("--pid"), QStringLiteral("2")}
                                       << QStringLiteral("no address space");
        QTest::newRow("truncated maps") << QStringList{QStringLiteral("--proc-root"),
                                                       QStringLiteral(MEMATLAS_TEST_DATA "/trees/old-kernel"),
                                                       QStringLiteral("--pid"), QStringLiteral("12069")}
                                        << QStringLiteral("12069/maps: line 11");
        QTest::newRow("bad scale") << QStringList{QStringLiteral("--proc-root"), tree, QStringLiteral("--pid"),
                                                  QStringLiteral("12209"), QStringLiteral("--scale"), QStringLiteral("log")}
                                   << QStringLiteral("--scale");
    }

    void badInputFailsWithOneLineAndNoFile()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("map.png"));
        const Result result = runExport(QStringList{QStringLiteral("map"), QStringLiteral("-o"), out} + arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.stderrText.contains(expected), qPrintable(result.stderrText));
        QCOMPARE(result.stderrText.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void unwritablePathLeavesNothing()
    {
        const Result result = runExport({QStringLiteral("map"), QStringLiteral("-o"),
                                         QStringLiteral("/nonexistent-dir/map.png"), QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"), QStringLiteral("--pid"),
                                         QStringLiteral("12209")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.stderrText.contains(QStringLiteral("/nonexistent-dir/map.png")), qPrintable(result.stderrText));
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-dir")));
    }

    void pagesAndPhysicalPng_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("pid");
        QTest::newRow("pages as root") << QStringLiteral("pages") << QStringLiteral("root") << QStringLiteral("4242");
        QTest::newRow("physical as root") << QStringLiteral("physical") << QStringLiteral("root") << QStringLiteral("4242");
        QTest::newRow("pages unprivileged") << QStringLiteral("pages") << QStringLiteral("hidden") << QStringLiteral("4243");
        QTest::newRow("physical unprivileged") << QStringLiteral("physical") << QStringLiteral("hidden") << QStringLiteral("4243");
    }

    void pagesAndPhysicalPng()
    {
        QFETCH(QString, view);
        QFETCH(QString, tree);
        QFETCH(QString, pid);
        QTemporaryDir dir;
        const QString out = dir.filePath(view + QStringLiteral(".png"));
        const Result result = runExport({view, QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/") + tree, QStringLiteral("--pid"), pid,
                                         QStringLiteral("--range"), QStringLiteral("0x10000-0x20000"), QStringLiteral("--size"),
                                         QStringLiteral("640x480")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.stderrText));
        QCOMPARE(QImage(out).size(), QSize(640, 480));
    }

    void pagesBadRangeFails()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("pages.png"));
        const Result result = runExport({QStringLiteral("pages"), QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/pagemap/root"), QStringLiteral("--pid"),
                                         QStringLiteral("4242"), QStringLiteral("--range"), QStringLiteral("20000-10000")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.stderrText.contains(QStringLiteral("--range")), qPrintable(result.stderrText));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void freePanelPng()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("free.png"));
        const Result result = runExport({QStringLiteral("free"), QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"), QStringLiteral("--size"),
                                         QStringLiteral("900x260")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.stderrText));
        QCOMPARE(QImage(out).size(), QSize(900, 260));
    }

    void chartsCsvSamplesForTheDuration()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("charts.csv"));
        const Result result = runExport({QStringLiteral("charts"), QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"), QStringLiteral("--duration"),
                                         QStringLiteral("1500ms"), QStringLiteral("--interval"), QStringLiteral("250ms")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.stderrText));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QVERIFY2(lines.first().startsWith("time"), lines.first().constData());
        // One sample at once, then one per 250 ms for 1.5 s: 6 or 7 depending on timer phase, and a
        // loaded machine may drop one.
        QVERIFY2(lines.size() - 1 >= 5 && lines.size() - 1 <= 8, QByteArray::number(lines.size() - 1).constData());
    }

    void windowPngShowsTheProcess()
    {
        // The whole window, as the README's screenshot is made: the recorded bash selected, its
        // mappings listed, at the size asked for.
        const QImage image = exportOfRecordedBash(QStringLiteral("window"), QSize(1400, 900));
        QCOMPARE(image.size(), QSize(1400, 900));
        // The map's segment colours are there: the heap's among them (SegmentPalette), not a blank window.
        const QColor heap = SegmentPalette(QPalette()).fill(SegmentKind::Heap);
        qsizetype heapPixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                heapPixels += image.pixelColor(x, y) == heap;
        }
        QVERIFY2(heapPixels > 200, qPrintable(QString::number(heapPixels)));

        QTemporaryDir dir;
        const Result noProcess = runExport({QStringLiteral("window"), QStringLiteral("-o"), dir.filePath(QStringLiteral("none.png")),
                                            QStringLiteral("--proc-root"), QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"),
                                            QStringLiteral("--pid"), QStringLiteral("999999")});
        QCOMPARE(noProcess.exitCode, 1);
        QVERIFY2(noProcess.stderrText.contains(QStringLiteral("process 999999 does not exist")), qPrintable(noProcess.stderrText));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.png"))));
    }

    void existingFileIsKeptWithoutForce()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("kept.png"));
        {
            QFile file(out);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("a picture somebody kept");
        }
        const QStringList arguments{QStringLiteral("free"), QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                    QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash")};
        const Result refused = runExport(arguments);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.stderrText.contains(QStringLiteral("already exists (use --force to overwrite)")), qPrintable(refused.stderrText));
        QFile kept(out);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("a picture somebody kept"));
        kept.close();

        const Result forced = runExport(arguments + QStringList{QStringLiteral("--force")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.stderrText));
        QVERIFY(!QImage(out).isNull());
    }

    void unknownLessonIsRefusedWithTheIds()
    {
        // A teacher's typo in a class's start command: one line naming the ids, not an empty window.
        const Result result = run({QStringLiteral("--lesson"), QStringLiteral("page-tables"), QStringLiteral("--presentation")});
        QCOMPARE(result.exitCode, 1);
        // (Qt may say something of its own first, e.g. that XDG_RUNTIME_DIR is not set.)
        const QStringList ours = result.stderrText.split(QLatin1Char('\n')).filter(QStringLiteral("mematlas:"));
        QCOMPARE(ours.size(), 1);
        QVERIFY2(ours.first().startsWith(QStringLiteral("mematlas: --lesson \"page-tables\" is not one of ")), qPrintable(result.stderrText));
        for (const char *id : {"address-space", "page-table", "segments", "allocation", "reclaim", "free-and-top"})
            QVERIFY2(ours.first().contains(QLatin1String(id)), id);
    }

private:
    struct Result
    {
        int exitCode = -1;
        QString stderrText;
    };

    // VIEW of the recorded bash (pid 12209) as PNG at SIZE; a null image (and the reason logged) on failure.
    static QImage exportOfRecordedBash(const QString &view, const QSize &size)
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(view + QStringLiteral(".png"));
        const Result result = runExport({view, QStringLiteral("-o"), out, QStringLiteral("--proc-root"),
                                         QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"), QStringLiteral("--pid"),
                                         QStringLiteral("12209"), QStringLiteral("--size"),
                                         QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        if (result.exitCode != 0)
            qWarning("%s", qPrintable(result.stderrText));
        return QImage(out);
    }

    static Result runExport(const QStringList &arguments) { return run(QStringList{QStringLiteral("--export")} + arguments); }

    static Result run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(MEMATLAS_BIN), arguments);
        if (!process.waitForFinished(60'000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromLocal8Bit(process.readAllStandardError())};
    }
};

QTEST_MAIN(TestHeadlessExport)
#include "tst_headlessexport.moc"
