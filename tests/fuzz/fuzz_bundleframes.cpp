// libFuzzer target: a bundle's proc/kpage.frames through BundleFrames::decode.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::bundleFrames, data, size);
}
