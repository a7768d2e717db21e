// libFuzzer target: /proc/PID/pagemap entries decoded by PageEntry.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::pageEntries, data, size);
}
