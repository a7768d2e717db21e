#include "lessonlibrary.h"
#include "lessontargets.h"
#include "meminfosampler.h"
#include "memoryhistory.h"
#include "segmentkind.h"
#include "treeprocsource.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {
// Sees every text LessonLibrary translates; with a marker, "translates" it by putting the marker in front.
class RecordingTranslator : public QTranslator
{
public:
    explicit RecordingTranslator(const QString &marker = QString())
        : m_marker(marker)
    {
    }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "Lessons") != 0)
            return QString();
        m_seen.insert(QString::fromUtf8(sourceText));
        return m_marker.isEmpty() ? QString() : m_marker + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
    QSet<QString> seen() const { return m_seen; }

private:
    QString m_marker;
    mutable QSet<QString> m_seen;
};

const QByteArray GoodLesson = R"({
    "format": 1,
    "id": "my-lesson",
    "title": "My lesson",
    "steps": [
        {"text": "<p>One <b>bold</b> step.</p>", "actions": [{"view": "map"}, {"highlight": ["heap", "stack"]}]},
        {"text": ["<p>Part one.</p>", "<ul><li>two</li></ul>"], "actions": [{"schematic32": true}, {"scale": "compressed"}]},
        {"text": "<p>No actions.</p>"}
    ]
})";

// GoodLesson's first step with its text and actions replaced.
QByteArray lessonWith(const QByteArray &text, const QByteArray &actions)
{
    return R"({"format": 1, "id": "x", "title": "X", "steps": [{"text": )" + text + R"(, "actions": )" + actions
         + "}]}";
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The text of a .ts <source> element: characters, and control characters as <byte value="xd"/>.
QString sourceText(QXmlStreamReader &xml)
{
    QString text;
    while (!xml.atEnd() && !(xml.readNext() == QXmlStreamReader::EndElement && xml.name() == QLatin1String("source"))) {
        if (xml.isCharacters())
            text += xml.text();
        else if (xml.isStartElement() && xml.name() == QLatin1String("byte"))
            text += QChar(xml.attributes().value(QLatin1String("value")).mid(1).toUShort(nullptr, 16));
    }
    return text;
}

// The "Lessons" texts lupdate extracts from a C++ file; comments counts their translator comments.
QSet<QString> lupdateTexts(const QString &source, int *comments = nullptr)
{
    QTemporaryDir dir;
    const QString ts = dir.filePath(QStringLiteral("lessons.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(MEMATLAS_LUPDATE), {QStringLiteral("-silent"), source, QStringLiteral("-ts"), ts});
    if (!lupdate.waitForFinished(60'000) || lupdate.exitCode() != 0)
        qWarning() << "lupdate failed:" << lupdate.readAllStandardError();
    QFile file(ts);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QSet<QString> texts;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source") && context == QLatin1String("Lessons"))
            texts.insert(sourceText(xml));
        else if (xml.name() == QLatin1String("extracomment") && comments)
            *comments += xml.readElementText().startsWith(QLatin1String("Lesson \""));
    }
    if (xml.hasError())
        qWarning() << ts << xml.errorString();
    return texts;
}

// The targets the built-in lessons name in actions of the given kinds (of one lesson, if named).
QStringList shippedTargets(std::initializer_list<LessonAction::Kind> kinds, const QString &lessonId = QString())
{
    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    QStringList targets;
    for (const Lesson &lesson : library.lessons()) {
        for (const LessonStep &step : lesson.steps) {
            for (const LessonAction &action : step.actions) {
                if ((lessonId.isEmpty() || lesson.id == lessonId) && std::find(kinds.begin(), kinds.end(), action.kind) != kinds.end())
                    targets += LessonAction::isSwitch(action.kind) ? QStringList{QString::number(action.enabled)} : action.targets;
            }
        }
    }
    return targets;
}

QStringList builtInFiles()
{
    return QDir(QStringLiteral(MEMATLAS_LESSON_SOURCES)).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}
}

class TestLessons : public QObject
{
    Q_OBJECT
private slots:
    void everyShippedLessonLoads();
    void lessonsPointAtWhatTheyTeach_data();
    void lessonsPointAtWhatTheyTeach();
    void regionsAreSegmentKinds();
    void seriesAreRecordedSeries();
    void parsesEveryField();
    void rejectsBadLessons_data();
    void rejectsBadLessons();
    void syntaxErrorsGiveTheLine();
    void everyTruncationGivesAnError();
    void userDirectoryAddsAndReplaces();
    void standardDirectoriesIncludeTheUsers();
    void textsAreTranslatedWhenRead();
    void lupdateSeesEveryLessonText();
    void lupdateSeesTextsExactly();
    void readmeNamesTheWholeVocabulary();
};

void TestLessons::everyShippedLessonLoads()
{
    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    QCOMPARE(library.errors(), QStringList());
    // Every file in resources/lessons is compiled in and loads, in file-name order.
    const QStringList files = builtInFiles();
    QCOMPARE(library.lessons().size(), files.size());
    QStringList ids;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Lesson &lesson = library.lessons()[i];
        QCOMPARE(lesson.file, LessonLibrary::builtInDirectory() + QLatin1Char('/') + files[i]);
        QVERIFY(!lesson.title.isEmpty());
        QVERIFY2(lesson.steps.size() >= 2, qPrintable(lesson.id));
        ids.append(lesson.id);
    }
    QCOMPARE(ids, QStringList({QStringLiteral("address-space"), QStringLiteral("page-table"), QStringLiteral("segments"),
                               QStringLiteral("allocation"), QStringLiteral("reclaim"), QStringLiteral("free-and-top")}));
}

void TestLessons::lessonsPointAtWhatTheyTeach_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("target"); // "1" for a switch turned on

    const auto row = [](const char *id, const char *key, const char *target) {
        QTest::addRow("%s %s %s", id, key, target) << QString::fromLatin1(id) << QString::fromLatin1(key)
                                                    << QString::fromLatin1(target);
    };
    row("address-space", "schematic32", "1");
    row("address-space", "scale", "true");
    row("address-space", "view", "processes"); // VIRT against RES
    row("page-table", "view", "pagetable");
    row("page-table", "demo", "large");
    row("page-table", "demo", "touch"); // minflt grows
    row("page-table", "pages", "anonymous-mmap");
    row("page-table", "demo", "fork");
    row("page-table", "demo", "child-write"); // copy-on-write
    row("segments", "brackets", "1");
    for (const char *region : {"code", "read-only-data", "data", "heap", "shared-library", "stack"})
        row("segments", "highlight", region);
    row("segments", "demo", "stack");
    for (const char *command : {"small", "free-small", "large", "free-large"})
        row("allocation", "demo", command);
    row("reclaim", "series", "buff/cache");
    row("reclaim", "series", "MemAvailable");
    row("reclaim", "series", "swap used");
    row("free-and-top", "view", "free");
    row("free-and-top", "view", "processes");
}

void TestLessons::lessonsPointAtWhatTheyTeach()
{
    QFETCH(QString, id);
    QFETCH(QString, key);
    QFETCH(QString, target);
    const std::optional<LessonAction::Kind> kind = LessonAction::kindOfKey(key);
    QVERIFY(kind);
    QVERIFY(shippedTargets({*kind}, id).contains(target));
}

void TestLessons::regionsAreSegmentKinds()
{
    QSet<QString> kinds;
    for (int kind = 0; kind < int(SegmentKind::Count); ++kind)
        kinds.insert(Segments::id(SegmentKind(kind)));
    const QStringList regions = LessonTargets::regions();
    QCOMPARE(QSet<QString>(regions.begin(), regions.end()), kinds);

    const QStringList named = shippedTargets({LessonAction::Kind::Highlight, LessonAction::Kind::Pages});
    QVERIFY(named.size() >= 10);
    for (const QString &region : named)
        QVERIFY2(kinds.contains(region), qPrintable(region));
}

void TestLessons::seriesAreRecordedSeries()
{
    // The names a real sampler gives the series it records from a real meminfo.
    MemoryHistory history;
    MeminfoSampler sampler(std::make_shared<TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash")), &history);
    QSignalSpy sampled(&sampler, &MeminfoSampler::sampled);
    QVERIFY(sampled.wait(5000));
    const QStringList recorded = history.seriesNames();
    for (const QString &series : LessonTargets::series())
        QVERIFY2(recorded.contains(series), qPrintable(series));

    const QStringList named = shippedTargets({LessonAction::Kind::Series});
    QVERIFY(named.size() >= 5);
    for (const QString &series : named)
        QVERIFY2(recorded.contains(series), qPrintable(series));
}

void TestLessons::parsesEveryField()
{
    const Parsed<Lesson> parsed = LessonLibrary::parse(GoodLesson);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    const Lesson &lesson = parsed.value;
    QCOMPARE(lesson.id, QStringLiteral("my-lesson"));
    QCOMPARE(lesson.title, QStringLiteral("My lesson"));
    QCOMPARE(lesson.steps.size(), 3);
    QCOMPARE(lesson.steps[0].text, QStringLiteral("<p>One <b>bold</b> step.</p>"));
    QCOMPARE(lesson.steps[0].actions,
             QList<LessonAction>({{LessonAction::Kind::View, {QStringLiteral("map")}, false},
                                  {LessonAction::Kind::Highlight, {QStringLiteral("heap"), QStringLiteral("stack")}, false}}));
    QCOMPARE(lesson.steps[1].text, QStringLiteral("<p>Part one.</p><ul><li>two</li></ul>"));
    QCOMPARE(lesson.steps[1].actions,
             QList<LessonAction>({{LessonAction::Kind::Schematic32, {}, true},
                                  {LessonAction::Kind::Scale, {QStringLiteral("compressed")}, false}}));
    QVERIFY(lesson.steps[2].actions.isEmpty());
    QVERIFY(lesson.file.isEmpty()); // set by loadDirectory
}

void TestLessons::rejectsBadLessons_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // the whole message

    const QByteArray okText = R"("<p>x</p>")";
    QTest::newRow("empty") << QByteArray(" \n") << QStringLiteral("the file is empty");
    QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("the file must hold one JSON object, { ... }");
    QTest::newRow("unknown key") << QByteArray(R"({"format": 1, "id": "x", "titel": "X", "steps": []})")
                                 << QStringLiteral("unknown key \"titel\" (known: format, id, title, steps)");
    QTest::newRow("no format") << QByteArray(R"({"id": "x", "title": "X", "steps": [{"text": "a"}]})")
                               << QStringLiteral("\"format\" is missing (this version reads \"format\": 1)");
    QTest::newRow("newer format") << QByteArray(R"({"format": 2, "id": "x", "title": "X", "steps": []})")
                                  << QStringLiteral("written for a newer MemAtlas (format 2); this version reads format 1");
    QTest::newRow("fractional format") << QByteArray(R"({"format": 1.5, "id": "x", "title": "X", "steps": []})")
                                       << QStringLiteral("\"format\" must be a whole number such as 1");
    QTest::newRow("bad id") << QByteArray(R"({"format": 1, "id": "My Lesson", "title": "X", "steps": []})")
                            << QStringLiteral("\"id\" must be a name of lower-case letters, digits and single dashes, "
                                              "such as \"page-faults\"");
    QTest::newRow("no title") << QByteArray(R"({"format": 1, "id": "x", "steps": [{"text": "a"}]})")
                              << QStringLiteral("\"title\" is missing or empty");
    QTest::newRow("no steps") << QByteArray(R"({"format": 1, "id": "x", "title": "X", "steps": []})")
                              << QStringLiteral("\"steps\" must be a list of at least one step");
    QTest::newRow("step not object") << QByteArray(R"({"format": 1, "id": "x", "title": "X", "steps": ["a"]})")
                                     << QStringLiteral("step 1: a step is an object with \"text\" and \"actions\"");
    QTest::newRow("no text") << QByteArray(R"({"format": 1, "id": "x", "title": "X", "steps": [{"actions": []}]})")
                             << QStringLiteral("step 1: \"text\" is missing");
    QTest::newRow("empty text part") << lessonWith(R"(["<p>a</p>", " "])", "[]")
                                     << QStringLiteral("step 1: \"text\" must be a string or a list of strings, none of them empty");
    QTest::newRow("actions not list") << lessonWith(okText, R"({"view": "map"})")
                                      << QStringLiteral("step 1: \"actions\" must be a list");
    QTest::newRow("unknown action") << lessonWith(okText, R"([{"view": "map"}, {"zoom": 2}])")
                                    << QStringLiteral("step 1: action 2: unknown action \"zoom\" (known: view, highlight, "
                                                      "series, pages, demo, scale, schematic32, brackets)");
    QTest::newRow("two keys") << lessonWith(okText, R"([{"view": "map", "highlight": "heap"}])")
                              << QStringLiteral("step 1: action 1: an action is an object with one key, such as {\"view\": \"map\"}");
    QTest::newRow("unknown view") << lessonWith(okText, R"([{"view": "graph"}])")
                                  << QStringLiteral("step 1: action 1: \"view\": \"graph\" does not exist; it must be one of: "
                                                    "processes, map, mappings, raw, pages, physical, pagetable, snapshots, chart, free");
    QTest::newRow("unknown region")
        << lessonWith(okText, R"([{"highlight": ["heap", "heep"]}])")
        << (QStringLiteral("step 1: action 1: \"highlight\": \"heep\" does not exist; it must be one of: ")
            + LessonTargets::regions().join(QStringLiteral(", ")));
    QTest::newRow("unknown pages region") << lessonWith(okText, R"([{"pages": "text"}])")
                                          << (QStringLiteral("step 1: action 1: \"pages\": \"text\" does not exist; it must be one of: ")
                                              + LessonTargets::regions().join(QStringLiteral(", ")));
    // The chart's legend says "available"; the series is MemAvailable.
    QTest::newRow("unknown series") << lessonWith(okText, R"([{"series": "available"}])")
                                    << (QStringLiteral("step 1: action 1: \"series\": \"available\" does not exist; it must be one of: ")
                                        + LessonTargets::series().join(QStringLiteral(", ")));
    QTest::newRow("unknown demo") << lessonWith(okText, R"([{"demo": "explode"}])")
                                  << QStringLiteral("step 1: action 1: \"demo\": \"explode\" does not exist; it must be one of: "
                                                    "small, free-small, large, touch, free-large, mapfile, unmapfile, fork, child-write, "
                                                    "child-exit, stack, reset");
    QTest::newRow("unknown scale") << lessonWith(okText, R"([{"scale": "log"}])")
                                   << QStringLiteral("step 1: action 1: \"scale\": \"log\" does not exist; it must be one of: "
                                                     "true, compressed");
    QTest::newRow("list for view") << lessonWith(okText, R"([{"view": ["map"]}])")
                                   << QStringLiteral("step 1: action 1: \"view\" takes a name");
    QTest::newRow("number in highlight") << lessonWith(okText, R"([{"highlight": [1]}])")
                                         << QStringLiteral("step 1: action 1: \"highlight\" takes names in quotes");
    QTest::newRow("switch not bool") << lessonWith(okText, R"([{"schematic32": "yes"}])")
                                     << QStringLiteral("step 1: action 1: \"schematic32\" takes true or false");
    QTest::newRow("tag not allowed") << lessonWith(R"("<p>see <a href=\"x\">here</a></p>")", "[]")
                                     << QStringLiteral("step 1: <a href=\"x\"> is not allowed; tags without attributes: "
                                                       "p, b, i, code, pre, ul, ol, li, br");
    QTest::newRow("tag not closed") << lessonWith(R"("<p>a <b>bold</p>")", "[]")
                                    << QStringLiteral("step 1: </p> where </b> is due");
    QTest::newRow("open at end") << lessonWith(R"("<p>a")", "[]") << QStringLiteral("step 1: <p> is not closed");
    QTest::newRow("close without open") << lessonWith(R"("a</i>")", "[]") << QStringLiteral("step 1: </i> closes nothing");
    QTest::newRow("bare less-than") << lessonWith(R"(["<p>ok</p>", "<p>a < b</p>"])", "[]")
                                    << QStringLiteral("step 1: text part 2: a '<' that starts no tag (write &lt; for the character)");
    QTest::newRow("less-than at end") << lessonWith(R"("a <")", "[]")
                                      << QStringLiteral("step 1: a '<' that starts no tag (write &lt; for the character)");
    QTest::newRow("bare ampersand") << lessonWith(R"("<p>R&D</p>")", "[]")
                                    << QStringLiteral("step 1: a '&' that starts no entity (write &amp; for the character)");
    QTest::newRow("too large") << QByteArray(LessonLibrary::MaxFileBytes + 1, ' ')
                               << QStringLiteral("larger than 256 KiB, which no lesson needs");
}

void TestLessons::rejectsBadLessons()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Parsed<Lesson> parsed = LessonLibrary::parse(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.message, message);
    QCOMPARE(parsed.error.line, 0);
    QCOMPARE(parsed.value, Lesson()); // nothing half-read
}

void TestLessons::syntaxErrorsGiveTheLine()
{
    QByteArray json = GoodLesson;
    json.replace(R"("title": "My lesson",)", R"("title": "My lesson")"); // line 4 lacks its comma
    const Parsed<Lesson> parsed = LessonLibrary::parse(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error.line, 5); // where the parser notices
    QVERIFY2(parsed.error.toString().startsWith(QStringLiteral("line 5: not valid JSON: ")),
             qPrintable(parsed.error.toString()));

    const Parsed<Lesson> binary = LessonLibrary::parse(QByteArray("\x00\xff\xfe{", 4));
    QVERIFY(!binary.ok());
    QCOMPARE(binary.error.line, 1);
}

void TestLessons::everyTruncationGivesAnError()
{
    QFile file(LessonLibrary::builtInDirectory() + QStringLiteral("/01-address-space.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    QVERIFY(LessonLibrary::parse(whole).ok());
    // Cut short anywhere before the closing brace, the file is an error with a message, not a half lesson.
    const qsizetype closing = whole.lastIndexOf('}');
    for (qsizetype length = 0; length < closing; ++length) {
        const Parsed<Lesson> parsed = LessonLibrary::parse(QByteArrayView(whole).first(length));
        QVERIFY2(!parsed.ok(), qPrintable(QString::number(length)));
        QVERIFY(!parsed.error.message.isEmpty());
        QCOMPARE(parsed.value, Lesson());
    }
}

void TestLessons::userDirectoryAddsAndReplaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("10-mine.json")), GoodLesson));
    QByteArray typo = GoodLesson;
    typo.replace(R"("my-lesson")", R"("typo")").replace(R"("stack"])", R"("stak"])");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("20-typo.json")), typo));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("30-again.json")), GoodLesson)); // my-lesson once more
    QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.txt")), "not a lesson"));
    QByteArray segments = GoodLesson;
    segments.replace(R"("my-lesson")", R"("segments")").replace("My lesson", "Segments, our way");
    QVERIFY(writeFile(dir.filePath(QStringLiteral("40-segments.json")), segments));

    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    const QList<Lesson> builtIn = library.lessons();
    library.loadDirectory(dir.path());
    library.loadDirectory(dir.filePath(QStringLiteral("missing"))); // no directory, no error

    QCOMPARE(library.errors(),
             QStringList({dir.filePath(QStringLiteral("20-typo.json"))
                              + QStringLiteral(": step 1: action 2: \"highlight\": \"stak\" does not exist; it must be one of: ")
                              + LessonTargets::regions().join(QStringLiteral(", ")),
                          dir.filePath(QStringLiteral("30-again.json")) + QStringLiteral(": the id \"my-lesson\" is already taken by ")
                              + dir.filePath(QStringLiteral("10-mine.json"))}));
    QCOMPARE(library.lessons().size(), builtIn.size() + 1);
    QCOMPARE(library.lessons().last().id, QStringLiteral("my-lesson"));
    QCOMPARE(library.lessons().last().file, dir.filePath(QStringLiteral("10-mine.json")));
    // The built-in "segments" is replaced where it was.
    for (qsizetype i = 0; i < builtIn.size(); ++i) {
        const Lesson &lesson = library.lessons()[i];
        QCOMPARE(lesson.id, builtIn[i].id);
        if (lesson.id == QLatin1String("segments")) {
            QCOMPARE(lesson.title, QStringLiteral("Segments, our way"));
            QCOMPARE(lesson.file, dir.filePath(QStringLiteral("40-segments.json")));
        } else {
            QCOMPARE(lesson, builtIn[i]);
        }
    }
}

void TestLessons::standardDirectoriesIncludeTheUsers()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    // Where QStandardPaths puts AppDataLocation; the system-wide directories are kept out.
    qputenv("XDG_DATA_HOME", home.path().toLocal8Bit());
    qputenv("XDG_DATA_DIRS", home.filePath(QStringLiteral("system")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("MemAtlas"));
    QCoreApplication::setApplicationName(QStringLiteral("MemAtlas"));
    const QString user = home.filePath(QStringLiteral("MemAtlas/MemAtlas/lessons"));
    QCOMPARE(LessonLibrary::userDirectories().last(), user);
    QVERIFY(QDir().mkpath(user));
    QVERIFY(writeFile(user + QStringLiteral("/mine.json"), GoodLesson));

    const LessonLibrary library = LessonLibrary::loadStandard();
    QCOMPARE(library.errors(), QStringList());
    QCOMPARE(library.lessons().size(), builtInFiles().size() + 1);
    QCOMPARE(library.lessons().last().file, user + QStringLiteral("/mine.json"));
}

void TestLessons::textsAreTranslatedWhenRead()
{
    RecordingTranslator translator(QStringLiteral("[zh] "));
    QCoreApplication::installTranslator(&translator);
    const Parsed<Lesson> parsed = LessonLibrary::parse(GoodLesson);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.value.title, QStringLiteral("[zh] My lesson"));
    // Each part of a text is one unit for the translator.
    QCOMPARE(parsed.value.steps[1].text, QStringLiteral("[zh] <p>Part one.</p>[zh] <ul><li>two</li></ul>"));
    QCOMPARE(translator.seen(), QSet<QString>({QStringLiteral("My lesson"), QStringLiteral("<p>One <b>bold</b> step.</p>"),
                                               QStringLiteral("<p>Part one.</p>"), QStringLiteral("<ul><li>two</li></ul>"),
                                               QStringLiteral("<p>No actions.</p>")}));
}

void TestLessons::lupdateSeesEveryLessonText()
{
    // What lupdate extracts from the generated file...
    int comments = 0;
    const QSet<QString> extracted = lupdateTexts(QStringLiteral(MEMATLAS_LESSON_STRINGS), &comments);

    // ...is exactly what LessonLibrary translates when it reads the built-in lessons.
    RecordingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    LessonLibrary library;
    library.loadDirectory(LessonLibrary::builtInDirectory());
    QCoreApplication::removeTranslator(&translator);
    QVERIFY(library.errors().isEmpty());
    const QSet<QString> translated = translator.seen();
    QVERIFY(translated.size() > 50);
    for (const QString &text : translated)
        QVERIFY2(extracted.contains(text), qPrintable(text));
    QCOMPARE(extracted, translated);
    QCOMPARE(comments, extracted.size()); // every text tells the translator where it is shown
}

void TestLessons::lupdateSeesTextsExactly()
{
    // Characters that C++, CMake or the .ts file could mangle, through the generator run as a script.
    const QByteArray json = R"({"format": 1, "id": "escapes", "title": "Quotes \"like this\", a backslash \\ and a tab\t",
        "steps": [{"text": ["<p>中文；semicolons; [brackets] ${HOME} @ONLY@ trigraph??= \\n</p>",
                            "<pre>line one\nline two\r\n\u00e9</pre>"]}]})";
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString lesson = dir.filePath(QStringLiteral("escapes.json"));
    const QString generated = dir.filePath(QStringLiteral("strings.cpp"));
    QVERIFY(writeFile(lesson, json));
    QProcess cmake;
    cmake.start(QStringLiteral(MEMATLAS_CMAKE), {QStringLiteral("-DOUTPUT=") + generated, QStringLiteral("-DLESSONS=") + lesson,
                                                 QStringLiteral("-P"), QStringLiteral(MEMATLAS_LESSON_STRINGS_SCRIPT)});
    QVERIFY(cmake.waitForFinished(60'000));
    QVERIFY2(cmake.exitCode() == 0, cmake.readAllStandardError().constData());

    RecordingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const Parsed<Lesson> parsed = LessonLibrary::parse(json);
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
    QVERIFY(translator.seen().contains(QStringLiteral("Quotes \"like this\", a backslash \\ and a tab\t")));
    QCOMPARE(lupdateTexts(generated), translator.seen());
}

void TestLessons::readmeNamesTheWholeVocabulary()
{
    QFile file(QStringLiteral(MEMATLAS_LESSON_SOURCES "/README.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString readme = QString::fromUtf8(file.readAll());
    for (int k = 0; k < LessonAction::KindCount; ++k) {
        const auto kind = LessonAction::Kind(k);
        QVERIFY2(readme.contains(QLatin1Char('`') + LessonAction::key(kind) + QLatin1Char('`')), qPrintable(LessonAction::key(kind)));
        for (const QString &name : LessonTargets::allowed(kind))
            QVERIFY2(readme.contains(QLatin1Char('`') + name + QLatin1Char('`')), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
