#include "liveprocsource.h"
#include "mainwindow.h"
#include "treeprocsource.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("MemAtlas"));
    QApplication::setOrganizationName(QStringLiteral("MemAtlas"));
    QApplication::setApplicationVersion(QStringLiteral(MEMATLAS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("See Linux memory: address spaces, pages and frames, free and cache."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption pidOption(QStringLiteral("pid"), QStringLiteral("Select process <pid> at start."),
                                       QStringLiteral("pid"));
    const QCommandLineOption rootOption(QStringLiteral("proc-root"),
                                        QStringLiteral("Read <dir>, a directory laid out like /proc, instead of the live /proc."),
                                        QStringLiteral("dir"));
    parser.addOption(pidOption);
    parser.addOption(rootOption);
    parser.process(app);

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

    std::shared_ptr<const ProcSource> source;
    if (parser.isSet(rootOption)) {
        const QString root = parser.value(rootOption);
        if (!QFileInfo(root).isDir())
            return fail(QStringLiteral("--proc-root %1: not a directory").arg(root));
        source = std::make_shared<TreeProcSource>(root);
    } else {
        source = std::make_shared<LiveProcSource>();
    }

    MainWindow window(source, pid);
    window.show();
    return QApplication::exec();
}
