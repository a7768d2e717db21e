#pragma once

// The body of every libFuzzer target: one check of fuzzchecks.h on the input. A broken invariant
// aborts, so that libFuzzer saves the input as a crash like any sanitizer finding.

#include "fuzzchecks.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

inline int runFuzzCheck(FuzzChecks::Check check, const uint8_t *data, size_t size)
{
    const FuzzChecks::Result result = check(QByteArrayView(data, qsizetype(size)));
    if (!result.violations.isEmpty()) {
        std::fprintf(stderr, "broken invariant (%s):\n  %s\n", qPrintable(result.outcome),
                     qPrintable(result.violations.join(QStringLiteral("\n  "))));
        std::abort();
    }
    return 0;
}
