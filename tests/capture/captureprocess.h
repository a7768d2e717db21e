#pragma once

// Running mematlas-capture and the procps tools from the capture tests.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace CaptureProcess {

struct Run
{
    int exitCode = -1; // -1 when the program did not start, crashed or hung
    QByteArray out;
    QByteArray err;
};

// procps tools translate their headings; the C locale gives the ones we compare with. A child
// started with it maps no locale files that other processes share.
inline QProcessEnvironment cLocaleEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("LC_")) || key.startsWith(QLatin1String("LANG")))
            environment.remove(key);
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return environment;
}

inline Run run(const QString &program, const QStringList &arguments,
               const QProcessEnvironment &environment = cLocaleEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Run result;
    if (process.waitForFinished(120 * 1000) && process.exitStatus() == QProcess::NormalExit)
        result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

inline Run capture(const QStringList &arguments)
{
    return run(QStringLiteral(MEMATLAS_CAPTURE_BIN), arguments);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}
