// libFuzzer target: /proc/PID/cmdline bytes through Cmdline.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::cmdline, data, size);
}
