#include "interruption.h"

#include <QDeadlineTimer>

#include <csignal>
#include <ctime>

namespace {
volatile std::sig_atomic_t s_signal = 0;

void record(int signalNumber)
{
    s_signal = signalNumber;
}
}

void Interruption::install()
{
    struct sigaction action {
    };
    action.sa_handler = record;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int Interruption::signal()
{
    return s_signal;
}

void Interruption::sleep(int milliseconds)
{
    // In slices: a signal landing between the check and nanosleep does not interrupt that sleep.
    constexpr qint64 SliceMs = 50;
    const QDeadlineTimer deadline(milliseconds);
    while (s_signal == 0 && !deadline.hasExpired()) {
        const qint64 slice = qMin(deadline.remainingTime(), SliceMs);
        const timespec duration{time_t(slice / 1000), long(slice % 1000) * 1000000};
        nanosleep(&duration, nullptr);
    }
}
