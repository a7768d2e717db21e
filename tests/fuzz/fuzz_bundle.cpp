// libFuzzer target: a whole .mematlas file through BundleProcSource::open, then every file it
// holds through the parsers and the pagemap and frame readers.
#include "fuzztarget.h"

#include <zstd.h>

#include <cstring>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

namespace {

// Tar archives of the seeds are tens of kB; room to grow, bounded so a mutant stays cheap.
constexpr size_t MaxTarSize = 1 << 20;
constexpr size_t TarBlock = 512;

// tar refuses a header whose checksum is wrong: mended after mutating, so that mutants of a
// header reach the header's fields rather than stopping at the checksum.
void mendTarChecksums(uint8_t *tar, size_t size)
{
    for (size_t block = 0; block + TarBlock <= size; block += TarBlock) {
        uint8_t *header = tar + block;
        if (std::memcmp(header + 257, "ustar", 5) != 0)
            continue;
        std::memset(header + 148, ' ', 8); // the checksum field counts as spaces
        unsigned sum = 0;
        for (size_t i = 0; i < TarBlock; ++i)
            sum += header[i];
        std::snprintf(reinterpret_cast<char *>(header + 148), 8, "%06o", sum & 0777777);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return runFuzzCheck(FuzzChecks::bundle, data, size);
}

// Bundles are zstd-compressed: byte mutations of the compressed stream mostly test zstd's own
// checks. Most mutations are therefore made to the tar inside, then compressed again; one in
// eight stays on the raw bytes, to keep damaged compression in the corpus too.
extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t maxSize, unsigned int seed)
{
    static std::vector<uint8_t> tar(MaxTarSize);
    const size_t tarSize = ZSTD_decompress(tar.data(), tar.size(), data, size);
    if (seed % 8 == 0 || ZSTD_isError(tarSize))
        return LLVMFuzzerMutate(data, size, maxSize);
    const size_t mutated = LLVMFuzzerMutate(tar.data(), tarSize, tar.size());
    mendTarChecksums(tar.data(), mutated);
    static std::vector<uint8_t> packed(ZSTD_compressBound(MaxTarSize));
    const size_t packedSize = ZSTD_compress(packed.data(), packed.size(), tar.data(), mutated, 1);
    if (ZSTD_isError(packedSize) || packedSize > maxSize)
        return LLVMFuzzerMutate(data, size, maxSize);
    std::memcpy(data, packed.data(), packedSize);
    return packedSize;
}
