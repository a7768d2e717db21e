// Teaching mode in the main window: every lesson walked through on the live demo process, each
// step's actions checked on the views they point at; presentation mode; the language menu and the
// procfs messages the translation covers.
#include "addressspaceview.h"
#include "bundleprocsource.h"
#include "cursorhighlight.h"
#include "demopanel.h"
#include "demoprocess.h"
#include "lessonspanel.h"
#include "mapsparser.h"
#include "liveprocsource.h"
#include "mainwindow.h"
#include "memorychartwidget.h"
#include "modelroles.h"
#include "pagemapview.h"
#include "processlistmodel.h"
#include "segmentkind.h"
#include "translations.h"
#include "treeprocsource.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryFile>
#include <QTest>
#include <QTranslator>

#include <algorithm>

class TestTeaching : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("MemAtlasTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_teaching"));
        qputenv("MEMATLAS_DEMO", MEMATLAS_DEMO_BIN);
        // MEMATLAS_TEST_LANGUAGE=zh_CN walks the lessons in Chinese (and MEMATLAS_LESSON_SHOTS keeps a
        // picture of every step) for a person to look at.
        const QString language = qEnvironmentVariable("MEMATLAS_TEST_LANGUAGE");
        if (!language.isEmpty())
            QVERIFY(Translations::install(language));
    }

    void everyLessonStepActsOnTheViews()
    {
        MainWindow window(std::make_shared<LiveProcSource>());
        window.resize(1600, 1000);
        window.show();
        LessonsPanel *panel = window.lessonsPanel();
        DemoProcess *demo = window.demoProcess();
        QVERIFY(panel->lessons().size() >= 6);
        auto *map = window.findChild<AddressSpaceView *>(QStringLiteral("mapView"));
        auto *chart = window.findChild<MemoryChartWidget *>(QStringLiteral("chartView"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        auto *trueScale = window.findChild<QAction *>(QStringLiteral("actionTrueScale"));

        // What the current step asked for, collected from the panel's signals.
        QStringList regions;
        bool regionsAsked = false;
        QString series;
        std::optional<bool> scale;
        QString view;
        int demoCommands = 0;
        connect(panel, &LessonsPanel::highlightRegions, this, [&](const QStringList &r) { regions = r, regionsAsked = true; });
        connect(panel, &LessonsPanel::selectSeries, this, [&](const QString &s) { series = s; });
        connect(panel, &LessonsPanel::setTrueScale, this, [&](bool on) { scale = on; });
        connect(panel, &LessonsPanel::showView, this, [&](const QString &v) { view = v; });
        connect(panel, &LessonsPanel::runDemo, this, [&] { ++demoCommands; });
        QList<QJsonObject> replies;
        connect(demo, &DemoProcess::replied, this, [&](const QString &, const QJsonObject &reply) { replies.append(reply); });
        QSignalSpy failures(demo, &DemoProcess::failed);

        const QString shots = qEnvironmentVariable("MEMATLAS_LESSON_SHOTS");
        if (!shots.isEmpty())
            panel->parentWidget()->show(); // the Lessons dock, as a teacher opens it
        int checkedSteps = 0;
        for (const Lesson &lesson : panel->lessons()) {
            QVERIFY(panel->startLesson(lesson.id));
            for (int step = 0; step < lesson.steps.size(); ++step) {
                if (step > 0) {
                    regionsAsked = false, series.clear(), scale.reset(), view.clear();
                    panel->next();
                }
                QCOMPARE(panel->currentStep(), step);
                // The demo answers every command, and the window shows the demo once it runs.
                // (A step about the shown process starts the demo when none is shown: one reply more.)
                QTRY_VERIFY_WITH_TIMEOUT(replies.size() >= demoCommands, 20000);
                QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).value(0).toString()));
                for (const QJsonObject &reply : std::as_const(replies))
                    QVERIFY2(reply.value(QStringLiteral("ok")).toBool(), qPrintable(reply.value(QStringLiteral("error")).toString()));
                if (demo->isRunning()) {
                    QTRY_COMPARE_WITH_TIMEOUT(window.shownPid(), int(demo->pid()), 10000);
                    QTRY_VERIFY_WITH_TIMEOUT(map->model()->rowCount() > 0, 10000);
                }
                if (regionsAsked) {
                    // Every mapping of a named kind is outlined on the map, and nothing else.
                    QTRY_VERIFY_WITH_TIMEOUT(map->model()->rowCount() > 0, 10000);
                    for (int row = 0; row < map->model()->rowCount(); ++row) {
                        const auto kind = SegmentKind(map->model()->index(row, 0).data(ModelRoles::SegmentKindRole).toInt());
                        QCOMPARE(map->rowOverlay(row).isValid(), regions.contains(Segments::id(kind)));
                    }
                }
                if (!series.isEmpty())
                    QCOMPARE(chart->emphasizedSeries(), series);
                if (scale)
                    QCOMPARE(trueScale->isChecked(), *scale);
                if (view == QLatin1String("snapshots"))
                    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("snapshotPanel"));
                if (view == QLatin1String("mappings"))
                    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("mappingsTab"));
                if (!shots.isEmpty()) {
                    QTest::qWait(400); // the page views read in the background: let the picture catch up
                    window.grab().save(QDir(shots).filePath(QStringLiteral("%1-%2.png").arg(lesson.id).arg(step + 1)));
                }
                ++checkedSteps;
            }
        }
        QVERIFY(checkedSteps >= 24);
        QVERIFY(demoCommands > 0); // the lessons drive the demo
    }

    void showingTheProcessListKeepsTheShownProcess()
    {
        // A lesson focuses the process list: that must not select whichever process sorts first.
        const auto tree = std::make_shared<TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"));
        int last = 0;
        {
            MainWindow probe(tree);
            probe.show();
            auto *list = probe.findChild<QTableView *>(QStringLiteral("processView"));
            QTRY_VERIFY(list->model()->rowCount() > 1);
            last = list->model()->index(list->model()->rowCount() - 1, 0).data(ModelRoles::PidRole).toInt();
        }
        MainWindow window(tree, last);
        window.show();
        window.activateWindow(); // focus only moves in an active window
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_COMPARE(window.shownPid(), last);
        window.showView(QStringLiteral("processes"));
        QApplication::processEvents();
        QCOMPARE(window.shownPid(), last);
    }

    void teachingLayoutFitsTheScreen()
    {
        // Lessons and demo open beside the map: the window must not grow past a 1600-px screen (it
        // became 2,068 px wide when they took a third column), nothing may hide the lesson's text, and
        // the map and page grid keep room to be read. Presentation mode's larger text fits 1920 px.
        MainWindow window(std::make_shared<LiveProcSource>());
        window.resize(1600, 1000);
        window.show();
        window.lessonsPanel()->parentWidget()->show();
        QVERIFY(window.lessonsPanel()->startLesson(QStringLiteral("page-table")));
        while (window.lessonsPanel()->currentStep() < 4) // "touch": the demo runs and pages are read
            window.lessonsPanel()->next();
        auto *pages = window.findChild<PageMapView *>();
        QTRY_VERIFY_WITH_TIMEOUT(window.demoProcess()->isRunning(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(pages->isVisible(), 10000);
        QApplication::processEvents();

        QCOMPARE(window.width(), 1600);
        QVERIFY2(window.minimumSizeHint().width() <= 1366, qPrintable(QString::number(window.minimumSizeHint().width())));
        const auto shown = [](QWidget *widget) { return widget->isVisible() && !widget->visibleRegion().isEmpty(); };
        QVERIFY(shown(window.lessonsPanel()));
        auto *demoPanel = window.findChild<DemoPanel *>();
        QVERIFY(shown(demoPanel));
        auto *map = window.findChild<AddressSpaceView *>(QStringLiteral("mapView"));
        QVERIFY2(map->width() >= 300, qPrintable(QString::number(map->width())));
        QVERIFY2(pages->height() >= 250 && pages->width() >= 250, qPrintable(QStringLiteral("%1x%2").arg(pages->width()).arg(pages->height())));
        // The demo's buttons keep their text whole however their rows wrap.
        for (QAbstractButton *button : demoPanel->findChildren<QAbstractButton *>())
            QVERIFY2(button->width() >= button->minimumSizeHint().width(), qPrintable(button->text()));
        // The process list shows what a lesson asks to compare (VIRT, RES) beside the command.
        auto *list = window.findChild<QTableView *>(QStringLiteral("processView"));
        window.showView(QStringLiteral("processes"));
        QTRY_VERIFY(list->model()->rowCount() > 0);
        for (const int column : {int(ProcessListModel::CommandColumn), int(ProcessListModel::VirtColumn), int(ProcessListModel::ResColumn)}) {
            const int right = list->columnViewportPosition(column) + list->columnWidth(column);
            QVERIFY2(right <= list->viewport()->width(), qPrintable(QString::number(column)));
        }

        window.setPresentationMode(true);
        QApplication::processEvents();
        QVERIFY2(window.minimumSizeHint().width() <= 1920, qPrintable(QString::number(window.minimumSizeHint().width())));
        window.setPresentationMode(false);
    }

    void presentationModeIsBigAndContrasted()
    {
        MainWindow window(std::make_shared<LiveProcSource>());
        window.show();
        const QFont normal = QApplication::font();
        const QColor normalWindow = QApplication::palette().color(QPalette::Window);
        auto *ring = window.findChild<CursorHighlight *>();
        QVERIFY(ring);
        QVERIFY(!ring->isActive());

        window.setPresentationMode(true);
        QVERIFY(window.isPresentationMode());
        QVERIFY(QApplication::font().pointSizeF() > normal.pointSizeF() * 1.5);
        // Every button grows with it, those in the panels' command bars too.
        window.showView(QStringLiteral("pages"));
        QTRY_VERIFY(window.font().pointSizeF() > normal.pointSizeF() * 1.5); // the new font reaches widgets in an event
        for (QPushButton *button : window.findChildren<QPushButton *>()) {
            if (button->isVisible())
                QVERIFY2(button->font().pointSizeF() > normal.pointSizeF() * 1.5, qPrintable(button->text()));
        }
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        QVERIFY(ring->isActive() && ring->isVisible());
        QVERIFY(ring->radius() >= 2 * QFontMetrics(normal).height());
        // The ring is drawn where the pointer is.
        QTest::mouseMove(&window, QPoint(300, 300));
        QMouseEvent move(QEvent::MouseMove, QPointF(300, 300), window.mapToGlobal(QPointF(300, 300)), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &move);
        const QImage picture = window.grab().toImage();
        const QColor rim = picture.pixelColor(QPoint(300 + ring->radius(), 300) * picture.devicePixelRatio());
        QVERIFY2(rim.red() > 180 && rim.blue() < 120, qPrintable(rim.name()));

        window.setPresentationMode(false);
        QCOMPARE(QApplication::font(), normal);
        QCOMPARE(QApplication::palette().color(QPalette::Window), normalWindow);
        QVERIFY(!ring->isVisible());
    }

    void languageMenuOffersEveryLanguage()
    {
        MainWindow window(std::make_shared<LiveProcSource>());
        QMenu *language = nullptr;
        for (QAction *action : window.menuBar()->actions()) {
            for (QAction *item : action->menu() ? action->menu()->actions() : QList<QAction *>()) {
                if (item->menu() && item->menu()->actions().size() == Translations::languages().size() + 1)
                    language = item->menu();
            }
        }
        QVERIFY(language);
        QStringList names;
        for (QAction *action : language->actions())
            names << action->text();
        QVERIFY(names.contains(QStringLiteral("English")));
        QVERIFY(names.contains(QStringLiteral("简体中文")));
        // The Chinese translation is built in and loads.
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/mematlas_zh_CN.qm")));
    }

    void procfsMessagesFollowTheLanguage()
    {
        // procfs's read failures and bundle errors reach banners and dialogs: in Chinese with the
        // translation the GUI installs, and English again without one (as in mematlas-capture).
        if (!qEnvironmentVariableIsEmpty("MEMATLAS_TEST_LANGUAGE"))
            QSKIP("the whole run has a translator installed");
        const TreeProcSource tree(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"));
        QTemporaryFile empty;
        QVERIFY(empty.open());
        // A garbled maps line: the line number, the template and the piece it names are all translated.
        const QByteArray garbled("zzzz-1000 r-xp 00000000 08:01 1 /x\n");
        const auto messages = [&] {
            QString bundleError;
            BundleProcSource::open(empty.fileName(), &bundleError);
            return QStringList{tree.readFile(QStringLiteral("no-such-file")).message, bundleError,
                               MapsParser::parse(garbled).error.toString()};
        };
        const auto chinese = [](const QString &text) {
            return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
        };

        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/mematlas_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator);
        const QStringList translated = messages();
        QCoreApplication::removeTranslator(&translator);
        for (const QString &message : translated)
            QVERIFY2(chinese(message), qPrintable(message));
        QVERIFY(translated.at(0).startsWith(tree.rootPath() + QStringLiteral("/no-such-file")));
        QVERIFY(translated.at(1).startsWith(empty.fileName()));
        QString parseWords = translated.at(2);
        parseWords.remove(QString::fromLatin1(garbled.trimmed()));
        QVERIFY2(std::none_of(parseWords.begin(), parseWords.end(), [](QChar c) { return c.isLetter() && c.unicode() < 0x80; }),
                 qPrintable(translated.at(2)));

        QCOMPARE(messages(), QStringList({tree.rootPath() + QStringLiteral("/no-such-file: no such file"),
                                          empty.fileName() + QStringLiteral(": empty file, not a MemAtlas bundle"),
                                          QStringLiteral("line 1: expected 'start-end' address range, got \"zzzz-1000 r-xp 00000000 08:01 1 /x\"")}));
    }
};

QTEST_MAIN(TestTeaching)
#include "tst_teaching.moc"
