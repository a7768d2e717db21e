// libFuzzer target: a lesson file through LessonLibrary::parse.
#include "fuzztarget.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::lesson, data, size);
}
