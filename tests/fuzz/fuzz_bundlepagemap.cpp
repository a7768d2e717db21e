// libFuzzer target: a bundle's proc/PID/pagemap.ranges through BundlePagemap::decode.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::bundlePagemap, data, size);
}
