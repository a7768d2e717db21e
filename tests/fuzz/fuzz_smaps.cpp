// libFuzzer target: /proc/PID/smaps text through SmapsParser::parse.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::smaps, data, size);
}
