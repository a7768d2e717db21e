#include "segmentkind.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <iterator>

// How a mapping is classified. maps says little: addresses, protection, private/shared, and a path.
// The rules below read that, plus the mapping directly below (the previous maps line, when its end
// is this one's start), and stop at the first that applies:
//
// 1. Pseudo-paths name themselves: [heap], [stack], [vdso], [vvar] and [vvar_vclock] (the vDSO's
//    data pages, split in two on recent kernels), [vsyscall], "[stack:TID]" (a thread stack, on
//    3.4-4.4 kernels).
//    [anon:NAME] (private) and [anon_shmem:NAME] (shared) are both NamedAnonymous: the name is
//    what the program chose to say, more telling than any class we could infer; the 's' in the
//    permissions still says shared. Other bracketed names ([uprobes], future ones) are Other.
//    A name beats the protection rule below: a named reservation stays named.
// 2. No access at all (---p, ---s) is Guard: thread-stack guard pages, the unused tail of a glibc
//    arena's 64 MiB reservation, address space reserved by a JIT or a garbage collector, and the
//    alignment holes the dynamic loader leaves inside a library's image (file-backed ---p). It
//    holds no memory; the path, where there is one, still shows whose hole it is.
// 3. File-backed:
//    - shared memory whatever the protection: POSIX shm (/dev/shm/...), memfd ("/memfd:NAME
//      (deleted)"), System V ("/SYSV<key> (deleted)"), and shared anonymous memory, which the
//      kernel backs by a shmem file printed as "/dev/zero (deleted)";
//    - the executable (the exe link's target, " (deleted)" ignored; without one, the first file
//      mapping's path): executable permission is Code, writable is Data, anything else (headers,
//      .rodata, the RELRO part made read-only after relocation) is ReadOnlyData;
//    - a shared library: a file name ending in ".so" or ".so.N[.N...]", or starting with
//      "ld-linux" (the dynamic loader);
//    - anything else is a FileMapping, shared ('s') or private: data files, fonts, locale archives.
// 4. Anonymous (no path):
//    - shared: SharedMemory;
//    - rw-p directly above an anonymous no-access mapping: a ThreadStack. glibc (and musl) map a
//      thread's stack with its guard at the bottom, where the stack would overflow into. The one
//      look-alike is a glibc arena heap placed directly above another arena's reservation: arena
//      heaps start on a multiple of their 64 MiB maximum size, so an rw-p starting there is left
//      as AnonymousMmap. (An arena has its reservation *above* its rw-p part, a thread stack
//      has its guard *below*.)
//    - rw-p directly above the executable's last file mapping: its Bss (the part of .bss beyond
//      the last file page; a small .bss fits in the data page and has no mapping of its own);
//    - rw-p directly above a shared library's last file mapping: that library's bss, counted as
//      SharedLibrary;
//    - anything else is AnonymousMmap: large mallocs, glibc arenas, the loader's TLS, JIT code.
//
// Limits, since maps cannot tell more: a thread stack made with guard size 0, or one the program
// allocated itself, is AnonymousMmap; an anonymous rw-p that merely happens to sit on top of a
// foreign reservation is taken for a thread stack; an anonymous mapping that lands directly above
// a library is taken for its bss. (The brk heap, directly above the bss when randomisation is off,
// is known by its name, never by its position.) kernelHalf uses x86-64's 4-level split at
// 0xffff800000000000 (5-level paging starts the kernel half lower, at 0xff00000000000000, but maps
// shows nothing in between); [vsyscall] is the one kernel-half mapping maps shows.
namespace {
struct KindText
{
    const char *id;
    const char *name;
};

// In SegmentKind order.
constexpr KindText kindTexts[] = {
    { "code", QT_TRANSLATE_NOOP("Segments", "Code") },
    { "read-only-data", QT_TRANSLATE_NOOP("Segments", "Read-only data") },
    { "data", QT_TRANSLATE_NOOP("Segments", "Data") },
    { "bss", QT_TRANSLATE_NOOP("Segments", "BSS") },
    { "heap", QT_TRANSLATE_NOOP("Segments", "Heap") },
    { "anonymous-mmap", QT_TRANSLATE_NOOP("Segments", "Anonymous mmap") },
    { "file-mapping", QT_TRANSLATE_NOOP("Segments", "File mapping") },
    { "shared-library", QT_TRANSLATE_NOOP("Segments", "Shared library") },
    { "shared-memory", QT_TRANSLATE_NOOP("Segments", "Shared memory") },
    { "stack", QT_TRANSLATE_NOOP("Segments", "Stack") },
    { "thread-stack", QT_TRANSLATE_NOOP("Segments", "Thread stack") },
    { "guard", QT_TRANSLATE_NOOP("Segments", "Guard / reserved") },
    { "vdso", QT_TRANSLATE_NOOP("Segments", "vDSO") },
    { "vvar", QT_TRANSLATE_NOOP("Segments", "vvar") },
    { "vsyscall", QT_TRANSLATE_NOOP("Segments", "vsyscall") },
    { "named-anonymous", QT_TRANSLATE_NOOP("Segments", "Named anonymous") },
    { "other", QT_TRANSLATE_NOOP("Segments", "Other") },
};
static_assert(std::size(kindTexts) == std::size_t(SegmentKind::Count), "one text per SegmentKind");

constexpr quint64 KernelHalfStart = 0xffff800000000000ull;
// glibc's HEAP_MAX_SIZE on 64-bit: 2 * DEFAULT_MMAP_THRESHOLD_MAX.
constexpr quint64 ArenaHeapAlignment = 64ull * 1024 * 1024;
const QLatin1String DeletedSuffix(" (deleted)");

const KindText *textOf(SegmentKind kind)
{
    const auto index = std::size_t(kind);
    return index < std::size(kindTexts) ? &kindTexts[index] : nullptr;
}

SegmentKind pseudoKind(const QString &path)
{
    if (path == QLatin1String("[heap]"))
        return SegmentKind::Heap;
    if (path == QLatin1String("[stack]"))
        return SegmentKind::Stack;
    if (path.startsWith(QLatin1String("[stack:")))
        return SegmentKind::ThreadStack;
    if (path == QLatin1String("[vdso]"))
        return SegmentKind::Vdso;
    if (path == QLatin1String("[vvar]") || path == QLatin1String("[vvar_vclock]"))
        return SegmentKind::Vvar;
    if (path == QLatin1String("[vsyscall]"))
        return SegmentKind::Vsyscall;
    if (path.startsWith(QLatin1String("[anon:")) || path.startsWith(QLatin1String("[anon_shmem:")))
        return SegmentKind::NamedAnonymous;
    return SegmentKind::Other;
}

bool isNoAccess(const Mapping &m)
{
    return !m.readable && !m.writable && !m.executable;
}

bool isFileBacked(const Mapping &m)
{
    return !m.path.isEmpty() && !m.isPseudo();
}

bool isSharedMemoryFile(const Mapping &m)
{
    return m.path.startsWith(QLatin1String("/dev/shm/")) || m.path.startsWith(QLatin1String("/memfd:"))
        || m.path.startsWith(QLatin1String("/SYSV")) || (m.shared && m.path == QLatin1String("/dev/zero"));
}

bool isLibraryPath(const QString &path)
{
    static const QRegularExpression library(QStringLiteral("(\\.so(\\.\\d+)*|/ld-linux[^/]*)$"));
    return library.match(path).hasMatch();
}

SegmentKind anonymousKind(const Mapping &m, const Mapping *below, const QString &executable)
{
    if (m.shared)
        return SegmentKind::SharedMemory;
    const bool readWrite = m.readable && m.writable;
    if (!readWrite || below == nullptr || below->end != m.start)
        return SegmentKind::AnonymousMmap;
    if (below->path.isEmpty() && isNoAccess(*below))
        return m.start % ArenaHeapAlignment == 0 ? SegmentKind::AnonymousMmap : SegmentKind::ThreadStack;
    if (isFileBacked(*below) && below->path == executable)
        return SegmentKind::Bss;
    if (isFileBacked(*below) && isLibraryPath(below->path))
        return SegmentKind::SharedLibrary;
    return SegmentKind::AnonymousMmap;
}

SegmentKind fileKind(const Mapping &m, const QString &executable)
{
    if (isSharedMemoryFile(m))
        return SegmentKind::SharedMemory;
    if (m.path == executable)
        return m.executable ? SegmentKind::Code : m.writable ? SegmentKind::Data : SegmentKind::ReadOnlyData;
    return isLibraryPath(m.path) ? SegmentKind::SharedLibrary : SegmentKind::FileMapping;
}

SegmentKind kindOf(const Mapping &m, const Mapping *below, const QString &executable)
{
    if (m.isPseudo())
        return pseudoKind(m.path);
    if (isNoAccess(m))
        return SegmentKind::Guard;
    return m.path.isEmpty() ? anonymousKind(m, below, executable) : fileKind(m, executable);
}

QString executableOf(const QList<Mapping> &mappings, const QString &executablePath)
{
    if (!executablePath.isEmpty())
        return executablePath.endsWith(DeletedSuffix) ? executablePath.chopped(DeletedSuffix.size())
                                                      : executablePath;
    for (const Mapping &m : mappings) {
        if (isFileBacked(m))
            return m.path;
    }
    return QString();
}
}

namespace Segments {
QString name(SegmentKind kind)
{
    const KindText *text = textOf(kind);
    // Shown in legends and tooltips: in the user interface's language when a translator is installed.
    return text ? QCoreApplication::translate("Segments", text->name) : QString();
}

QString id(SegmentKind kind)
{
    const KindText *text = textOf(kind);
    return text ? QString::fromLatin1(text->id) : QString();
}

QList<SegmentClassification> classify(const QList<Mapping> &mappings, const QString &executablePath)
{
    const QString executable = executableOf(mappings, executablePath);
    QList<SegmentClassification> result;
    result.reserve(mappings.size());
    const Mapping *below = nullptr;
    for (const Mapping &m : mappings) {
        result.append({ kindOf(m, below, executable), m.start >= KernelHalfStart });
        below = &m;
    }
    return result;
}
}
