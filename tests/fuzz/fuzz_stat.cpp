// libFuzzer target: /proc/PID/stat text through ProcessStat.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::stat, data, size);
}
