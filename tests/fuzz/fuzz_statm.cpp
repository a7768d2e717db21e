// libFuzzer target: /proc/PID/statm text through ProcessStatm.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::statm, data, size);
}
