// libFuzzer target: /proc/PID/smaps_rollup text through SmapsParser::parseRollup.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::smapsRollup, data, size);
}
