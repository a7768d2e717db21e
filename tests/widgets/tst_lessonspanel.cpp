#include "lessonlibrary.h"
#include "lessonspanel.h"
#include "messagebanner.h"

#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>

namespace {
// Every kind of action, in an order unlike the signals' declaration order.
const QByteArray TourLesson = R"({
    "format": 1, "id": "tour", "title": "A tour",
    "steps": [
        {"text": "<p>First <b>step</b>.</p>", "actions": [{"scale": "true"}, {"view": "map"}, {"highlight": ["heap", "stack"]}]},
        {"text": "<p>Second step.</p>", "actions": [{"demo": "large"}, {"pages": "anonymous-mmap"}, {"schematic32": true},
                                                   {"series": "MemAvailable"}, {"brackets": false}, {"highlight": []}]},
        {"text": "<p>Last step.</p>", "actions": [{"scale": "compressed"}, {"demo": "free-large"}]}
    ]
})";

// Every signal the panel emits, as "kind:argument", in the order emitted.
QStringList *recordActions(LessonsPanel *panel)
{
    auto *log = new QStringList;
    QObject::connect(panel, &QObject::destroyed, [log] { delete log; });
    const auto onString = [panel, log](auto signal, const char *kind) {
        QObject::connect(panel, signal, panel, [log, kind](const QString &value) {
            log->append(QLatin1String(kind) + QLatin1Char(':') + value);
        });
    };
    const auto onBool = [panel, log](auto signal, const char *kind) {
        QObject::connect(panel, signal, panel, [log, kind](bool value) {
            log->append(QLatin1String(kind) + QLatin1Char(':') + (value ? QLatin1String("on") : QLatin1String("off")));
        });
    };
    onString(&LessonsPanel::showView, "view");
    onString(&LessonsPanel::selectSeries, "series");
    onString(&LessonsPanel::openPages, "pages");
    onString(&LessonsPanel::runDemo, "demo");
    onBool(&LessonsPanel::setTrueScale, "true-scale");
    onBool(&LessonsPanel::showSchematic32, "schematic32");
    onBool(&LessonsPanel::showSegmentBrackets, "brackets");
    QObject::connect(panel, &LessonsPanel::highlightRegions, panel, [log](const QStringList &regions) {
        log->append(QStringLiteral("highlight:") + regions.join(QLatin1Char(',')));
    });
    return log;
}

Lesson tourLesson()
{
    const Parsed<Lesson> parsed = LessonLibrary::parse(TourLesson);
    if (!parsed.ok())
        qWarning() << parsed.error.toString();
    return parsed.value;
}

// Pixels of image that differ clearly from its most common colour, the background.
int inkPixels(const QImage &image)
{
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    }
    QRgb background = 0;
    int most = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    int ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            ink += std::abs(qGray(p) - qGray(background)) > 96;
        }
    }
    return ink;
}
}

class TestLessonsPanel : public QObject
{
    Q_OBJECT
private slots:
    void rendersTheShippedLessons();
    void nextAndBackActInOrder();
    void listStartsALesson();
    void reloadKeepsThePlaceWithoutActing();
    void errorsShowAsPlainText();
};

void TestLessonsPanel::rendersTheShippedLessons()
{
    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    QVERIFY(library.errors().isEmpty());
    LessonsPanel panel;
    panel.setLessons(library.lessons(), library.errors());
    panel.resize(420, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));

    auto *list = panel.findChild<QListWidget *>(QStringLiteral("lessonList"));
    auto *text = panel.findChild<QTextBrowser *>(QStringLiteral("stepText"));
    auto *title = panel.findChild<QLabel *>(QStringLiteral("lessonTitle"));
    auto *back = panel.findChild<QPushButton *>(QStringLiteral("backButton"));
    auto *next = panel.findChild<QPushButton *>(QStringLiteral("nextButton"));
    QVERIFY(list && text && title && back && next);
    QVERIFY(!panel.findChild<MessageBanner *>()->isShown());

    // Before a lesson is chosen: the invitation, neither button.
    QCOMPARE(panel.currentStep(), -1);
    QVERIFY(!back->isEnabled() && !next->isEnabled());
    const int inkBefore = inkPixels(text->viewport()->grab().toImage());

    QVERIFY(panel.startLesson(QStringLiteral("segments")));
    QCOMPARE(panel.currentLessonId(), QStringLiteral("segments"));
    const Lesson &segments = library.lessons()[2];
    QCOMPARE(title->text(), segments.title);
    QCOMPARE(text->toPlainText(), QTextDocumentFragment::fromHtml(segments.steps[0].text).toPlainText());
    QVERIFY(!back->isEnabled() && next->isEnabled());

    // Every lesson is in the list, all rows visible without scrolling.
    QCOMPARE(list->count(), int(library.lessons().size()));
    for (int row = 0; row < list->count(); ++row) {
        QCOMPARE(list->item(row)->text(), library.lessons()[row].title);
        QVERIFY2(list->viewport()->rect().contains(list->visualItemRect(list->item(row))), qPrintable(QString::number(row)));
    }
    QCOMPARE(list->currentRow(), 2);
    // Top to bottom: list, title, text, buttons; the text takes the room left.
    QVERIFY(list->geometry().bottom() < title->geometry().top());
    QVERIFY(title->geometry().bottom() < text->geometry().top());
    QVERIFY(text->geometry().bottom() < next->geometry().top());
    QVERIFY(text->height() > panel.height() / 3);

    // The first step of "segments" is three paragraphs and a list: much more ink than the invitation.
    QCoreApplication::processEvents();
    const QImage firstStep = text->viewport()->grab().toImage();
    const int inkFirst = inkPixels(firstStep);
    QVERIFY2(inkFirst > 3 * inkBefore, qPrintable(QStringLiteral("%1 vs %2").arg(inkFirst).arg(inkBefore)));
    const QImage whole = panel.grab().toImage();
    QVERIFY(whole.save(QStringLiteral(MEMATLAS_BINARY_DIR "/lessonspanel-segments-1.png")));

    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(panel.currentStep(), 1);
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("stepPosition"))->text(),
             QStringLiteral("Step 2 of %1").arg(segments.steps.size()));
    QCoreApplication::processEvents();
    QVERIFY(text->viewport()->grab().toImage() != firstStep);
    QVERIFY(panel.grab().toImage().save(QStringLiteral(MEMATLAS_BINARY_DIR "/lessonspanel-segments-2.png")));
}

void TestLessonsPanel::nextAndBackActInOrder()
{
    LessonsPanel panel;
    QStringList *log = recordActions(&panel);
    panel.setLessons({tourLesson()});
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(log->isEmpty()); // showing the list does nothing yet
    QVERIFY(!panel.startLesson(QStringLiteral("no-such-lesson")));

    QVERIFY(panel.startLesson(QStringLiteral("tour")));
    QCOMPARE(*log, QStringList({QStringLiteral("true-scale:on"), QStringLiteral("view:map"), QStringLiteral("highlight:heap,stack")}));

    log->clear();
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("nextButton")), Qt::LeftButton);
    QCOMPARE(*log, QStringList({QStringLiteral("demo:large"), QStringLiteral("pages:anonymous-mmap"),
                                QStringLiteral("schematic32:on"), QStringLiteral("series:MemAvailable"),
                                QStringLiteral("brackets:off"), QStringLiteral("highlight:")}));

    log->clear();
    panel.next();
    QCOMPARE(*log, QStringList({QStringLiteral("true-scale:off"), QStringLiteral("demo:free-large")}));
    QCOMPARE(panel.currentStep(), 2);

    // At the last step Next is off and does nothing.
    log->clear();
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("nextButton"))->isEnabled());
    panel.next();
    QCOMPARE(panel.currentStep(), 2);
    QVERIFY(log->isEmpty());

    // Back re-applies the step but does not run its demo command again.
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("backButton")), Qt::LeftButton);
    QCOMPARE(panel.currentStep(), 1);
    QCOMPARE(*log, QStringList({QStringLiteral("pages:anonymous-mmap"), QStringLiteral("schematic32:on"),
                                QStringLiteral("series:MemAvailable"), QStringLiteral("brackets:off"),
                                QStringLiteral("highlight:")}));
    log->clear();
    panel.back();
    panel.back(); // at the first step: nothing
    QCOMPARE(panel.currentStep(), 0);
    QCOMPARE(*log, QStringList({QStringLiteral("true-scale:on"), QStringLiteral("view:map"), QStringLiteral("highlight:heap,stack")}));
}

void TestLessonsPanel::listStartsALesson()
{
    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    LessonsPanel panel;
    QStringList *log = recordActions(&panel);
    panel.setLessons(library.lessons());
    panel.resize(420, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *list = panel.findChild<QListWidget *>(QStringLiteral("lessonList"));
    const QRect row = list->visualItemRect(list->item(3)); // "allocation"
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(panel.currentLessonId(), QStringLiteral("allocation"));
    QCOMPARE(panel.currentStep(), 0);
    QCOMPARE(*log, QStringList({QStringLiteral("demo:reset"), QStringLiteral("view:map"), QStringLiteral("brackets:off"),
                                QStringLiteral("highlight:heap"), QStringLiteral("demo:small")}));
}

void TestLessonsPanel::reloadKeepsThePlaceWithoutActing()
{
    LessonsPanel panel;
    QStringList *log = recordActions(&panel);
    Lesson tour = tourLesson();
    panel.setLessons({tour});
    QVERIFY(panel.startLesson(QStringLiteral("tour")));
    panel.next();
    log->clear();

    // The same lessons read again in another language.
    tour.title = QStringLiteral("导览");
    tour.steps[1].text = QStringLiteral("<p>第二步。</p>");
    Lesson other = tour;
    other.id = QStringLiteral("other");
    panel.setLessons({other, tour});
    QVERIFY(log->isEmpty());
    QCOMPARE(panel.currentLessonId(), QStringLiteral("tour"));
    QCOMPARE(panel.currentStep(), 1);
    QCOMPARE(panel.findChild<QTextBrowser *>(QStringLiteral("stepText"))->toPlainText(), QStringLiteral("第二步。"));
    QCOMPARE(panel.findChild<QLabel *>(QStringLiteral("lessonTitle"))->text(), QStringLiteral("导览"));
    QCOMPARE(panel.findChild<QListWidget *>(QStringLiteral("lessonList"))->currentRow(), 1);

    // Without that lesson, the panel is back to the choice.
    panel.setLessons({other});
    QVERIFY(log->isEmpty());
    QCOMPARE(panel.currentStep(), -1);
    QVERIFY(panel.currentLessonId().isEmpty());
}

void TestLessonsPanel::errorsShowAsPlainText()
{
    const QStringList errors{QStringLiteral("/tmp/a.json: step 1: <a href=\"x\"> is not allowed"),
                             QStringLiteral("/tmp/b.json: a '&' that starts no entity (write &amp; for the character)")};
    LessonsPanel panel;
    panel.setLessons({tourLesson()}, errors);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *banner = panel.findChild<MessageBanner *>();
    QVERIFY(banner->isShown());
    auto *label = banner->findChild<QLabel *>();
    // What the label shows, markup resolved: the messages exactly, one a line.
    QCOMPARE(QTextDocumentFragment::fromHtml(label->text()).toPlainText(), errors.join(QLatin1Char('\n')));
    panel.setLessons({tourLesson()});
    QVERIFY(!banner->isShown());
}

QTEST_MAIN(TestLessonsPanel)
#include "tst_lessonspanel.moc"
