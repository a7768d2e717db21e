// DemoPanel offscreen: the log's wording of replies, buttons that follow the demo's life, a layout
// where every button can be clicked, and no process left once the window holding it is gone.
#include "addressformat.h"
#include "demopanel.h"
#include "demoprocess.h"
#include "liveprocsource.h"
#include "mapsparser.h"

#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {
const QString DemoProgram = QStringLiteral(MEMATLAS_DEMO_BIN);
constexpr int TimeoutMs = 30'000;
const QStringList Commands{
    QStringLiteral("small"),     QStringLiteral("free-small"), QStringLiteral("large"),       QStringLiteral("touch"),
    QStringLiteral("free-large"), QStringLiteral("mapfile"),   QStringLiteral("unmapfile"),   QStringLiteral("fork"),
    QStringLiteral("child-write"), QStringLiteral("child-exit"), QStringLiteral("stack"),     QStringLiteral("status"),
};

// What the panel's controls allow, as one comparable string: "start stop commands" enabled flags.
QString enabledState(const DemoPanel &panel)
{
    QString state = QStringLiteral("%1 %2 ").arg(panel.startButton()->isEnabled()).arg(panel.stopButton()->isEnabled());
    for (const QString &command : Commands)
        state += panel.commandButton(command)->isEnabled() ? QLatin1Char('1') : QLatin1Char('0');
    return state;
}

bool clickAndWaitForReply(DemoPanel &panel, DemoProcess &demo, const QString &command)
{
    QSignalSpy replied(&demo, &DemoProcess::replied);
    QTest::mouseClick(panel.commandButton(command), Qt::LeftButton);
    return replied.wait(TimeoutMs);
}
} // namespace

class TstDemoPanel : public QObject
{
    Q_OBJECT

private slots:
    void describe_data();
    void describe();
    void buttonsFollowTheDemo();
    void aCrashIsLoggedAndDisablesTheButtons();
    void everyButtonHasItsOwnPlace();
    void closingTheWindowEndsTheDemo();
};

void TstDemoPanel::describe_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QStringList>("fragments"); // each must appear in the log line

    QTest::newRow("heap rose")
        << QByteArray(R"({"ok":true,"command":"small","count":4096,"size":512,"heapStart":"0x555500000000",)"
                      R"("brkBefore":"0x555500021000","brkAfter":"0x555500231000"})")
        // 0x231000 - 0x21000 = 2.0625 MiB
        << QStringList{QStringLiteral("Heap end rose by 2.1 MiB, to 0x5555_0023_1000"), QStringLiteral("4096"),
                       QStringLiteral("512 B"), QStringLiteral("brk")};
    QTest::newRow("heap reused")
        << QByteArray(R"({"ok":true,"command":"small","count":10,"size":100,"heapStart":"0x555500000000",)"
                      R"("brkBefore":"0x555500231000","brkAfter":"0x555500231000"})")
        << QStringList{QStringLiteral("stayed at 0x5555_0023_1000"), QStringLiteral("10"), QStringLiteral("100 B"),
                       QStringLiteral("reused")};
    QTest::newRow("no brk heap")
        << QByteArray(R"({"ok":true,"command":"small","count":10,"size":100,"heapStart":null,)"
                      R"("brkBefore":"0x555500231000","brkAfter":"0x555500231000"})")
        << QStringList{QStringLiteral("does not use brk")};
    QTest::newRow("freed, kept")
        << QByteArray(R"({"ok":true,"command":"free-small","freed":4095,"kept":"0x555500220010",)"
                      R"("brkBefore":"0x555500231000","brkAfter":"0x555500231000","heapShrank":false})")
        << QStringList{QStringLiteral("4095"), QStringLiteral("stayed at 0x5555_0023_1000"),
                       QStringLiteral("(0x5555_0022_0010)"), QStringLiteral("reuse")};
    QTest::newRow("freed, trimmed")
        << QByteArray(R"({"ok":true,"command":"free-small","freed":3,"kept":"0x555500220010",)"
                      R"("brkBefore":"0x555500231000","brkAfter":"0x555500221000","heapShrank":true})")
        << QStringList{QStringLiteral("fell to 0x5555_0022_1000")};
    QTest::newRow("large")
        << QByteArray(R"({"ok":true,"command":"large","address":"0x7f0000000010","size":67108864})")
        << QStringList{QStringLiteral("malloc(64 MiB)"), QStringLiteral("anonymous mapping of its own at 0x7f00_0000_0010"),
                       QStringLiteral("128 KiB")};
    QTest::newRow("touch, faulting")
        << QByteArray(R"({"ok":true,"command":"touch","pages":16385,"minfltBefore":100,"minfltAfter":16484,)"
                      R"("majfltBefore":2,"majfltAfter":2})")
        << QStringList{QStringLiteral("16385"), QStringLiteral("16384 minor, 0 major")};
    QTest::newRow("touch, present already")
        << QByteArray(R"({"ok":true,"command":"touch","pages":16385,"minfltBefore":100,"minfltAfter":100,)"
                      R"("majfltBefore":2,"majfltAfter":2})")
        << QStringList{QStringLiteral("no page fault")};
    QTest::newRow("mapfile")
        << QByteArray(R"({"ok":true,"command":"mapfile","address":"0x7f0000100000","size":1048576,"pages":256,)"
                      R"("path":"/tmp/a b","minfltBefore":10,"minfltAfter":27,"majfltBefore":0,"majfltAfter":1})")
        << QStringList{QStringLiteral("/tmp/a b (1 MiB)"), QStringLiteral("0x7f00_0010_0000"), QStringLiteral("256"),
                       QStringLiteral("17 minor, 1 major"), QStringLiteral("page-cache")};
    QTest::newRow("child-write")
        << QByteArray(R"({"ok":true,"command":"child-write","childPid":4242,"address":"0x7f0000000010"})")
        << QStringList{QStringLiteral("Child 4242 wrote to 0x7f00_0000_0010"), QStringLiteral("copy-on-write")};
    QTest::newRow("stack")
        << QByteArray(R"({"ok":true,"command":"stack","kib":2048,"lowest":"0x7ffd00001000","top":"0x7ffd00202000"})")
        << QStringList{QStringLiteral("2 MiB of stack, down to 0x7ffd_0000_1000")};
    QTest::newRow("refused")
        << QByteArray(R"({"ok":false,"command":"touch","error":"no large block: run large first"})")
        << QStringList{QStringLiteral("touch refused: no large block: run large first")};
    QTest::newRow("a command the panel does not know")
        << QByteArray(R"({"ok":true,"command":"frobnicate"})") << QStringList{QStringLiteral("frobnicate done.")};
}

void TstDemoPanel::describe()
{
    QFETCH(QByteArray, reply);
    QFETCH(QStringList, fragments);
    const QJsonDocument document = QJsonDocument::fromJson(reply);
    QVERIFY(document.isObject());
    const QString line = DemoPanel::describe(document.object());
    for (const QString &fragment : std::as_const(fragments))
        QVERIFY2(line.contains(fragment), qPrintable(QStringLiteral("\"%1\" lacks \"%2\"").arg(line, fragment)));
}

void TstDemoPanel::buttonsFollowTheDemo()
{
    DemoProcess demo(DemoProgram);
    DemoPanel panel(&demo);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    for (const QString &command : Commands)
        QVERIFY2(panel.commandButton(command), qPrintable(command));
    QCOMPARE(enabledState(panel), QStringLiteral("1 0 000000000000"));

    QSignalSpy started(&panel, &DemoPanel::demoStarted);
    QTest::mouseClick(panel.startButton(), Qt::LeftButton);
    QVERIFY(started.wait(TimeoutMs));
    const qint64 pid = started.at(0).at(0).toLongLong();
    QCOMPARE(pid, demo.pid());
    QCOMPARE(enabledState(panel), QStringLiteral("0 1 111111111111"));
    const QList<QLabel *> labels = panel.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [&](QLabel *label) { return label->text().contains(QString::number(pid)); }));
    QVERIFY(panel.logText().contains(QString::number(pid)));

    // The region the panel hands on is the block the demo really mapped.
    QSignalSpy region(&panel, &DemoPanel::regionOfInterest);
    QVERIFY(clickAndWaitForReply(panel, demo, QStringLiteral("large")));
    QCOMPARE(region.size(), 1);
    const quint64 start = region.at(0).at(0).toULongLong();
    const quint64 end = region.at(0).at(1).toULongLong();
    const quint64 page = quint64(sysconf(_SC_PAGESIZE));
    QCOMPARE(end - start, 64 * 1024 * 1024 + page); // 64 MiB after malloc's 16-byte header spans one page more
    const ReadResult maps = LiveProcSource().readFile(QStringLiteral("%1/maps").arg(pid));
    QVERIFY2(maps.ok(), qPrintable(maps.message));
    const QList<Mapping> mappings = MapsParser::parse(maps.data).value;
    QVERIFY(std::any_of(mappings.begin(), mappings.end(), [&](const Mapping &mapping) {
        return mapping.isAnonymous() && mapping.start <= start && end <= mapping.end;
    }));
    QVERIFY2(panel.logText().contains(QStringLiteral("anonymous mapping of its own")), qPrintable(panel.logText()));

    // A refusal lands in the log too, and changes nothing else.
    QVERIFY(clickAndWaitForReply(panel, demo, QStringLiteral("child-write")));
    QVERIFY2(panel.logText().contains(QStringLiteral("child-write refused: no child")), qPrintable(panel.logText()));
    QCOMPARE(enabledState(panel), QStringLiteral("0 1 111111111111"));

    QSignalSpy finished(&demo, &DemoProcess::finished);
    QTest::mouseClick(panel.stopButton(), Qt::LeftButton);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(enabledState(panel), QStringLiteral("1 0 000000000000"));
    QVERIFY(panel.logText().endsWith(QStringLiteral("The demo process has ended.")));
}

void TstDemoPanel::aCrashIsLoggedAndDisablesTheButtons()
{
    DemoProcess demo(DemoProgram);
    DemoPanel panel(&demo);
    QSignalSpy started(&panel, &DemoPanel::demoStarted);
    QTest::mouseClick(panel.startButton(), Qt::LeftButton);
    QVERIFY(started.wait(TimeoutMs));
    QSignalSpy finished(&demo, &DemoProcess::finished);
    ::kill(pid_t(demo.pid()), SIGKILL);
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY2(panel.logText().contains(QStringLiteral("The demo process crashed.")), qPrintable(panel.logText()));
    QCOMPARE(enabledState(panel), QStringLiteral("1 0 000000000000"));
}

void TstDemoPanel::everyButtonHasItsOwnPlace()
{
    DemoProcess demo(DemoProgram);
    DemoPanel panel(&demo);
    panel.resize(panel.sizeHint());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QList<QPushButton *> controls{panel.startButton(), panel.stopButton()};
    for (const QString &command : Commands)
        controls.append(panel.commandButton(command));
    QList<QRect> rects;
    for (QPushButton *control : std::as_const(controls)) {
        const QString text = control->text().remove(QLatin1Char('&')); // mnemonic marks
        const QRect rect(control->mapTo(&panel, QPoint(0, 0)), control->size());
        QVERIFY2(control->isVisible() && !rect.isEmpty() && panel.rect().contains(rect), qPrintable(text));
        // Wide enough for its text, so no label is cut.
        QVERIFY2(rect.width() >= control->fontMetrics().horizontalAdvance(text), qPrintable(text));
        for (const QRect &other : std::as_const(rects))
            QVERIFY2(!rect.intersects(other), qPrintable(text));
        rects.append(rect);
    }
    // The log lies below every button.
    const QWidget *log = panel.findChild<QWidget *>(QStringLiteral("demoLog"));
    QVERIFY(log);
    const QRect logRect(log->mapTo(&panel, QPoint(0, 0)), log->size());
    for (const QRect &rect : std::as_const(rects))
        QVERIFY(logRect.top() > rect.bottom());
}

void TstDemoPanel::closingTheWindowEndsTheDemo()
{
    auto *window = new QWidget;
    auto *demo = new DemoProcess(DemoProgram, window);
    auto *panel = new DemoPanel(demo, window);
    window->show();
    QSignalSpy started(panel, &DemoPanel::demoStarted);
    QTest::mouseClick(panel->startButton(), Qt::LeftButton);
    QVERIFY(started.wait(TimeoutMs));
    const qint64 pid = demo->pid();
    QVERIFY(clickAndWaitForReply(*panel, *demo, QStringLiteral("fork")));
    const qint64 child = demo->childPid();
    QVERIFY(child > 0);
    const LiveProcSource proc;
    QVERIFY(proc.processExists(int(pid)) && proc.processExists(int(child)));
    delete window;
    QVERIFY(!proc.processExists(int(pid)));
    QVERIFY(!proc.processExists(int(child)));
}

QTEST_MAIN(TstDemoPanel)
#include "tst_demopanel.moc"
