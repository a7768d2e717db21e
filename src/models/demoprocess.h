#pragma once

#include <QJsonObject>
#include <QLatin1String>
#include <QObject>
#include <QPair>
#include <QProcess>
#include <QQueue>
#include <QString>
#include <QTimer>

// Runs mematlas-demo (src/demo) and talks to it: one command line in, one JSON reply line out (the
// commands and reply fields are listed at the top of src/demo/main.cpp). Every reply, refusals
// ({"ok":false,...}) included, comes back through replied(); failed() is for the process itself:
// it did not start, crashed, or answered something that is not a reply.
//
// Destroying a DemoProcess ends the demo and waits for it; the demo reaps its own child first, so
// no process is left behind.
class DemoProcess : public QObject
{
    Q_OBJECT
public:
    explicit DemoProcess(const QString &program, QObject *parent = nullptr);
    ~DemoProcess() override;

    // The installed demo: next to the application in applicationDir (and in the build tree), or in
    // ../libexec/mematlas relative to it. Empty when neither exists.
    static QString findProgram(const QString &applicationDir);
    // $MEMATLAS_DEMO when set, else findProgram(QCoreApplication::applicationDirPath()).
    static QString findProgram();
    // The address in a reply field ("0x7f12a0000010", a string: JSON numbers are doubles); 0 when
    // the field is missing or null.
    static quint64 address(const QJsonObject &reply, QLatin1String key);

    QString program() const { return m_program; }
    // Starts the demo; started() follows, or failed() if it cannot run. Does nothing while it runs.
    void start();
    // Closes the demo's input: it reaps its child and exits, finished() follows. A demo that has
    // not exited after StopTimeoutMs is killed.
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    qint64 pid() const { return m_process.processId(); } // 0 when not running
    qint64 childPid() const { return m_childPid; } // the forked child, 0 when there is none

    // Sends one command line, such as "small 4096 512"; its reply comes through replied().
    void send(const QString &command);

    // Where the last reply says to look (the large block, the mapped file, the child's page, the
    // heap, the stack) as [start, end); {0, 0} before any.
    QPair<quint64, quint64> regionOfInterest() const { return m_region; }

    static constexpr int StopTimeoutMs = 3000;

signals:
    void started(qint64 pid);
    // command: the line as sent; reply: the demo's JSON object, with "ok" and "command".
    void replied(const QString &command, const QJsonObject &reply);
    void failed(const QString &message);
    void regionOfInterestChanged(quint64 start, quint64 end);
    void finished();

private:
    void readReplies();
    void handleReply(const QByteArray &line);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_program;
    QProcess m_process;
    QTimer m_stopTimer;
    QQueue<QString> m_pending; // commands sent and not answered yet, oldest first
    bool m_stopping = false;
    qint64 m_childPid = 0;
    QPair<quint64, quint64> m_region{0, 0};
};
