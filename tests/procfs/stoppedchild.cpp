#include "stoppedchild.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

namespace {
// The state letter of /proc/PID/stat (after the last ')': comm may hold anything), or 0.
char stateOf(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close >= 0 && close + 2 < text.size() ? text.at(close + 2) : 0;
}

bool waitForState(pid_t pid, char state)
{
    QDeadlineTimer deadline(10000);
    while (stateOf(pid) != state) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return true;
}
}

StoppedChild::StoppedChild()
{
    char program[] = "sleep";
    char seconds[] = "100";
    char *argv[] = { program, seconds, nullptr };
    // glibc's posix_spawn returns once the exec has happened (or failed).
    if (posix_spawnp(&m_pid, program, nullptr, nullptr, argv, environ) != 0) {
        m_pid = -1;
        m_error = QStringLiteral("could not start sleep");
        return;
    }
    // S: it has loaded and sleeps; T: the stop has taken effect (signals arrive asynchronously).
    if (!waitForState(m_pid, 'S'))
        m_error = QStringLiteral("sleep (pid %1) did not start sleeping").arg(m_pid);
    else if (::kill(m_pid, SIGSTOP) != 0 || !waitForState(m_pid, 'T'))
        m_error = QStringLiteral("sleep (pid %1) did not stop").arg(m_pid);
}

StoppedChild::~StoppedChild()
{
    kill();
}

void StoppedChild::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    ::waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}
