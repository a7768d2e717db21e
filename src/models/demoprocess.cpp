#include "demoprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace {
constexpr qsizetype MaxQuotedReply = 200; // of a garbled reply, in a message
}

DemoProcess::DemoProcess(const QString &program, QObject *parent)
    : QObject(parent)
    , m_program(program)
{
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, [this] { m_process.kill(); });
    connect(&m_process, &QProcess::started, this, [this] { emit started(pid()); });
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoProcess::readReplies);
    connect(&m_process, &QProcess::finished, this, &DemoProcess::onFinished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Crashes are reported by onFinished, write errors by the missing reply.
        if (error == QProcess::FailedToStart)
            emit failed(tr("Could not start the demo process %1: %2").arg(m_program, m_process.errorString()));
    });
    // The demo writes nothing to stderr unless something is badly wrong; then it belongs in our log.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

DemoProcess::~DemoProcess()
{
    // The owner is going away: no signals from here on, and no process left behind.
    m_process.disconnect(this);
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(StopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QString DemoProcess::findProgram(const QString &applicationDir)
{
    const QDir dir(applicationDir);
    const QString name = QStringLiteral("mematlas-demo");
    for (const QString &relative : {name, QString(QStringLiteral("../libexec/mematlas/") + name)}) {
        const QFileInfo candidate(QDir::cleanPath(dir.filePath(relative)));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.filePath();
    }
    return {};
}

QString DemoProcess::findProgram()
{
    // MEMATLAS_DEMO names another build of the demo (and lets tests point at the build tree's).
    const QString chosen = qEnvironmentVariable("MEMATLAS_DEMO");
    if (!chosen.isEmpty())
        return QFileInfo(chosen).isExecutable() ? chosen : QString();
    return findProgram(QCoreApplication::applicationDirPath());
}

quint64 DemoProcess::address(const QJsonObject &reply, QLatin1String key)
{
    bool ok = false;
    const quint64 value = reply.value(key).toString().toULongLong(&ok, 0); // base 0: "0x" means hex
    return ok ? value : 0;
}

void DemoProcess::start()
{
    if (m_process.state() != QProcess::NotRunning)
        return;
    if (m_program.isEmpty()) {
        emit failed(tr("The demo program mematlas-demo was not found next to MemAtlas."));
        return;
    }
    m_pending.clear();
    m_stopping = false;
    m_childPid = 0;
    m_process.start(m_program, {});
}

void DemoProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.closeWriteChannel();
    m_stopTimer.start(StopTimeoutMs);
}

void DemoProcess::send(const QString &command)
{
    if (!isRunning()) {
        emit failed(tr("The demo process is not running; \"%1\" was not sent.").arg(command));
        return;
    }
    if (command.contains(QLatin1Char('\n')) || command.contains(QLatin1Char('\r'))) {
        emit failed(tr("A demo command is a single line; \"%1\" was not sent.").arg(command));
        return;
    }
    m_pending.enqueue(command);
    m_process.write(command.toUtf8() + '\n');
}

void DemoProcess::readReplies()
{
    while (m_process.canReadLine()) {
        QByteArray line = m_process.readLine();
        line.chop(1); // '\n'
        handleReply(line);
    }
}

void DemoProcess::handleReply(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject()) {
        emit failed(tr("The demo process answered something that is not a JSON reply: %1")
                        .arg(QString::fromUtf8(line.left(MaxQuotedReply))));
        return;
    }
    if (m_pending.isEmpty()) {
        emit failed(tr("The demo process answered a command nobody sent: %1")
                        .arg(QString::fromUtf8(line.left(MaxQuotedReply))));
        return;
    }
    const QString command = m_pending.dequeue();
    const QJsonObject reply = document.object();
    const QString name = reply.value(QLatin1String("command")).toString();
    const bool ok = reply.value(QLatin1String("ok")).toBool();
    if (ok && name == QLatin1String("fork"))
        m_childPid = reply.value(QLatin1String("childPid")).toInteger();
    // A failed child-write ends the child too.
    else if (name == QLatin1String("child-exit") || (!ok && name == QLatin1String("child-write")))
        m_childPid = 0;
    const quint64 start = address(reply, QLatin1String("regionStart"));
    const quint64 end = address(reply, QLatin1String("regionEnd"));
    if (ok && start > 0 && start < end) {
        m_region = {start, end};
        emit regionOfInterestChanged(start, end);
    }
    emit replied(command, reply);
}

void DemoProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    const bool killedByStop = m_stopping && !m_stopTimer.isActive();
    m_stopTimer.stop();
    readReplies();
    if (killedByStop)
        emit failed(tr("The demo process did not stop within %1 s and was killed.").arg(StopTimeoutMs / 1000));
    else if (status == QProcess::CrashExit)
        emit failed(tr("The demo process crashed."));
    else if (exitCode != 0)
        emit failed(tr("The demo process exited with code %1.").arg(exitCode));
    if (!m_pending.isEmpty() && !m_stopping)
        emit failed(tr("The demo process ended before answering \"%1\".").arg(m_pending.head()));
    m_pending.clear();
    m_childPid = 0;
    m_stopping = false;
    emit finished();
}
