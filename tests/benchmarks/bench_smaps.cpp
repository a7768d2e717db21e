// How long parsing a big smaps takes next to the kernel producing it. A child process makes
// 60,000 mappings; the benchmark times reading /proc/CHILD/smaps (the kernel's work) and
// SmapsParser::parse over the same bytes, best of five each. Parsing must stay well under the
// kernel's time, or the parser becomes what users wait for. Run a release build.

#include "manymappingschild.h"
#include "smapsparser.h"

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {

constexpr int rounds = 5;

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

int main()
{
    const int count = ManyMappingsChild::mappingsToMake();
    const pid_t child = ManyMappingsChild::start(count, "bench_smaps");
    if (child < 0)
        return 1;
    const auto stopChild = [child] { ManyMappingsChild::stop(child); };

    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/smaps", int(child));
    QByteArray buffer(128 * 1024 * 1024, Qt::Uninitialized);
    qsizetype size = ManyMappingsChild::readWhole(path, &buffer); // warm-up, and sizes the buffer
    double kernelBest = 1e300;
    for (int round = 0; round < rounds && size >= 0; ++round) {
        const auto start = Clock::now();
        size = ManyMappingsChild::readWhole(path, &buffer);
        kernelBest = std::min(kernelBest, millisecondsSince(start));
    }
    stopChild();
    if (size < 0) {
        std::perror("bench_smaps: reading smaps");
        return 1;
    }

    const QByteArrayView text(buffer.constData(), size);
    double parseBest = 1e300;
    qsizetype entries = 0;
    for (int round = 0; round < rounds; ++round) {
        const auto start = Clock::now();
        const auto result = SmapsParser::parse(text);
        const double elapsed = millisecondsSince(start); // before the result is freed
        parseBest = std::min(parseBest, elapsed);
        if (!result.ok()) {
            std::fprintf(stderr, "bench_smaps: parse error: %s\n", qPrintable(result.error.toString()));
            return 1;
        }
        entries = result.value.size();
    }

    std::printf("smaps: %.1f MB, %lld mappings (%d made by the child)\n", double(size) / (1024.0 * 1024.0),
                static_cast<long long>(entries), count);
    std::printf("kernel (read, best of %d): %.1f ms\n", rounds, kernelBest);
    std::printf("parse  (best of %d):       %.1f ms\n", rounds, parseBest);
    std::printf("ratio parse/kernel:         %.2f\n", parseBest / kernelBest);
    return 0;
}
