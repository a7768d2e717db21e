// libFuzzer target: /proc/meminfo text through Meminfo, and FreeReport from it.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::meminfo, data, size);
}
