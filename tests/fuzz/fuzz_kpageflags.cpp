// libFuzzer target: /proc/kpageflags values named by KPageFlags and classed by FrameCensus.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::kpageFlags, data, size);
}
