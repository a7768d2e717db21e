// libFuzzer target: /proc/PID/maps text through MapsParser.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::maps, data, size);
}
