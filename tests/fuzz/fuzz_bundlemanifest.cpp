// libFuzzer target: a bundle's manifest.json through BundleManifest::fromJson.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::bundleManifest, data, size);
}
