#include "headlessexport.h"
#include "lessonspanel.h"
#include "liveprocsource.h"
#include "mainwindow.h"
#include "sourceopener.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <algorithm>
#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    // An export, --help and --version need no display: offscreen unless the caller chose a platform.
    const auto given = [&](std::initializer_list<const char *> options) {
        return std::any_of(argv + 1, argv + argc, [&](const char *arg) {
            return std::any_of(options.begin(), options.end(), [&](const char *option) {
                const size_t length = std::strlen(option);
                return std::strncmp(arg, option, length) == 0 && (arg[length] == '\0' || arg[length] == '=');
            });
        });
    };
    const bool exporting = given({"--export"});
    if ((exporting || given({"-h", "--help", "--help-all", "-v", "--version"})) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Scripts read an export's stderr as its one-line reason: keep Qt's chatter about the headless
    // environment (no XDG_RUNTIME_DIR, no window manager) out of it unless asked for.
    if (exporting && qEnvironmentVariableIsEmpty("MEMATLAS_DEBUG"))
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
            if (type == QtCriticalMsg || type == QtFatalMsg)
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MemAtlas"));
    QApplication::setOrganizationName(QStringLiteral("MemAtlas"));
    QApplication::setApplicationVersion(QStringLiteral(MEMATLAS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.mematlas.MemAtlas"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/mematlas.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See Linux memory: address spaces, pages and frames, free and cache."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption pidOption(QStringLiteral("pid"), QStringLiteral("Select process <pid> at start."),
                                       QStringLiteral("pid"));
    const QCommandLineOption rootOption(QStringLiteral("proc-root"),
                                        QStringLiteral("Read <dir>, a directory laid out like /proc (or a bundle), instead of the live /proc."),
                                        QStringLiteral("dir"));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        QStringLiteral("Render <view> (%1) to the file given with -o, without a display, and exit.")
            .arg(HeadlessExport::views().join(QStringLiteral(", "))),
        QStringLiteral("view"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("The file --export writes (.png; .svg for map and charts; .csv for charts)."),
                                          QStringLiteral("file"));
    const QCommandLineOption forceOption(QStringLiteral("force"), QStringLiteral("Let --export replace an existing -o file."));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Image size for --export, e.g. 1600x1000."),
                                        QStringLiteral("WxH"), QStringLiteral("1200x900"));
    const QCommandLineOption dprOption(QStringLiteral("dpr"),
                                       QStringLiteral("Device pixel ratio of an exported PNG (2 for a sharp slide)."),
                                       QStringLiteral("ratio"), QStringLiteral("1"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("Map scale for --export map: true or compressed."),
                                         QStringLiteral("scale"), QStringLiteral("compressed"));
    const QCommandLineOption durationOption(QStringLiteral("duration"),
                                            QStringLiteral("How long --export charts samples, e.g. 30s."),
                                            QStringLiteral("time"), QStringLiteral("10s"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"),
                                            QStringLiteral("Sampling interval for --export charts, e.g. 200ms."),
                                            QStringLiteral("time"), QStringLiteral("200ms"));
    const QCommandLineOption rangeOption(QStringLiteral("range"),
                                         QStringLiteral("Address range for --export pages|physical, e.g. 7f00000000-7f00100000 "
                                                        "(default: every mapping)."),
                                         QStringLiteral("start-end"));
    parser.addPositionalArgument(QStringLiteral("bundle"), QStringLiteral("A snapshot bundle (.mematlas) to open."),
                                 QStringLiteral("[bundle]"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
                                            QStringLiteral("User interface language: %1 (default: as chosen in View ▸ "
                                                           "Language, else the system's).")
                                                .arg(Translations::languages().join(QStringLiteral(", "))),
                                            QStringLiteral("code"));
    const QCommandLineOption lessonOption(QStringLiteral("lesson"),
                                          QStringLiteral("Open the Lessons panel at lesson <id> (for example address-space, "
                                                         "page-table; a wrong id lists them all)."),
                                          QStringLiteral("id"));
    const QCommandLineOption presentationOption(QStringLiteral("presentation"),
                                                QStringLiteral("Start in presentation mode: full screen, larger text, high "
                                                               "contrast, a ring around the pointer (F11 leaves it)."));
    parser.addOptions({pidOption, rootOption, exportOption, outputOption, forceOption, sizeOption, dprOption, scaleOption,
                       durationOption, intervalOption, rangeOption, languageOption, lessonOption, presentationOption});
    parser.process(app);
    if (parser.isSet(languageOption) && !Translations::languages().contains(parser.value(languageOption))) {
        std::fprintf(stderr, "mematlas: --language \"%s\" is not one of %s\n", qPrintable(parser.value(languageOption)),
                     qPrintable(Translations::languages().join(QStringLiteral(", "))));
        return 1;
    }
    Translations::install(Translations::resolve(parser.value(languageOption)));

    const auto fail = [](const QString &message) {
        std::fprintf(stderr, "mematlas: %s\n", qPrintable(message));
        return 1;
    };

    int pid = 0;
    if (parser.isSet(pidOption)) {
        bool ok = false;
        pid = parser.value(pidOption).toInt(&ok);
        if (!ok || pid <= 0)
            return fail(QStringLiteral("--pid needs a positive process id, not \"%1\"").arg(parser.value(pidOption)));
    }

    // What to show: a bundle named on the command line, a tree or bundle given with --proc-root, or
    // the live system.
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("one bundle at a time, not %1").arg(positional.join(QLatin1Char(' '))));
    if (!positional.isEmpty() && parser.isSet(rootOption))
        return fail(QStringLiteral("give either a bundle or --proc-root, not both"));
    const QString sourcePath = positional.isEmpty() ? parser.value(rootOption) : positional.first();
    std::shared_ptr<const ProcSource> source;
    if (sourcePath.isEmpty()) {
        source = std::make_shared<LiveProcSource>();
    } else {
        QString error;
        source = SourceOpener::open(sourcePath, &error);
        if (!source)
            return fail(error);
    }

    if (parser.isSet(exportOption)) {
        HeadlessExport::Request request;
        request.view = parser.value(exportOption);
        request.outputPath = parser.value(outputOption);
        request.overwrite = parser.isSet(forceOption);
        request.source = source;
        request.pid = pid;
        request.scale = parser.value(scaleOption);
        if (request.outputPath.isEmpty())
            return fail(QStringLiteral("--export needs -o FILE"));
        if (!HeadlessExport::parseSize(parser.value(sizeOption), &request.size))
            return fail(QStringLiteral("--size \"%1\" is not WIDTHxHEIGHT between 16 and 16384").arg(parser.value(sizeOption)));
        bool ok = false;
        request.devicePixelRatio = parser.value(dprOption).toDouble(&ok);
        if (!ok || request.devicePixelRatio < 0.5 || request.devicePixelRatio > 4)
            return fail(QStringLiteral("--dpr \"%1\" is not a ratio between 0.5 and 4").arg(parser.value(dprOption)));
        if (!HeadlessExport::parseDuration(parser.value(durationOption), &request.durationMs))
            return fail(QStringLiteral("--duration \"%1\" is not a time such as 30s").arg(parser.value(durationOption)));
        if (!HeadlessExport::parseDuration(parser.value(intervalOption), &request.intervalMs))
            return fail(QStringLiteral("--interval \"%1\" is not a time such as 200ms").arg(parser.value(intervalOption)));
        if (parser.isSet(rangeOption)) {
            QPair<quint64, quint64> range;
            if (!HeadlessExport::parseRange(parser.value(rangeOption), &range))
                return fail(QStringLiteral("--range \"%1\" is not START-END in hex with START < END").arg(parser.value(rangeOption)));
            request.ranges.append(range);
        }
        QString error;
        const int status = HeadlessExport::run(request, &error);
        if (status != 0)
            return fail(error);
        return 0;
    }

    MainWindow window(source, pid);
    if (parser.isSet(lessonOption) && !window.openLesson(parser.value(lessonOption))) {
        QStringList ids;
        for (const Lesson &lesson : window.lessonsPanel()->lessons())
            ids << lesson.id;
        return fail(QStringLiteral("--lesson \"%1\" is not one of %2").arg(parser.value(lessonOption), ids.join(QStringLiteral(", "))));
    }
    window.show();
    if (parser.isSet(presentationOption))
        window.setPresentationMode(true);
    return QApplication::exec();
}
