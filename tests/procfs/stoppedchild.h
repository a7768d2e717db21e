#pragma once

#include <QString>

#include <sys/types.h>

// A child process running `sleep 100`, held with SIGSTOP once it sleeps, so that its procfs files
// stay the same while a test reads them twice. kill() (or the destructor) kills and reaps it.
class StoppedChild
{
public:
    StoppedChild();
    ~StoppedChild();
    StoppedChild(const StoppedChild &) = delete;
    StoppedChild &operator=(const StoppedChild &) = delete;

    bool isStopped() const { return m_pid > 0 && m_error.isEmpty(); }
    QString error() const { return m_error; } // why it could not be started or stopped
    pid_t pid() const { return m_pid; }
    // SIGKILL and waitpid: afterwards its /proc directory is gone.
    void kill();

private:
    pid_t m_pid = -1;
    QString m_error;
};
