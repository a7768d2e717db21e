#pragma once

// SIGINT and SIGTERM during a capture. The handler only records the signal (all a handler may
// safely do); the capture polls it between steps, removes what it had started writing and exits
// non-zero. The first signal resets the handler, so a second one ends the process at once.
namespace Interruption {
void install();
// The signal that asked to stop, or 0.
int signal();
// Waits milliseconds, returning early once a signal has asked to stop.
void sleep(int milliseconds);
}
