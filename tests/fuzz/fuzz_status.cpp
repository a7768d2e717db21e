// libFuzzer target: /proc/PID/status text through ProcessStatus.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::status, data, size);
}
