#pragma once

#include "mapping.h"

#include <QList>
#include <QString>

// What a mapping is, in the terms of the classic picture of a process's address space.
enum class SegmentKind {
    Code, // executable's r-x file mapping
    ReadOnlyData, // executable's r-- file mapping (constants, ELF headers, relro)
    Data, // executable's rw- file mapping (initialised globals)
    Bss, // anonymous rw- directly after the executable's data (zero-initialised globals)
    Heap, // [heap], grown by brk
    AnonymousMmap, // anonymous private mapping: large malloc, glibc arena, JIT, ...
    FileMapping, // other file mapping (mmap of a data file, fonts, locale archive)
    SharedLibrary, // *.so file mappings, the dynamic loader, and their bss
    SharedMemory, // /dev/shm, memfd:, SysV (/SYSV...), shared anonymous
    Stack, // [stack], the main thread's
    ThreadStack, // anonymous rw- with a guard page directly below (pthread stacks)
    Guard, // ---p with no access: guard pages and reserved address space
    Vdso, // [vdso]
    Vvar, // [vvar], [vvar_vclock]
    Vsyscall, // [vsyscall] (in the kernel half)
    NamedAnonymous, // [anon:NAME], [anon_shmem:NAME]
    Other, // [uprobes] and pseudo-paths we do not know
    Count
};

struct SegmentClassification
{
    SegmentKind kind = SegmentKind::Other;
    bool kernelHalf = false; // start is above the user/kernel split (x86-64: >= 0xffff800000000000)
};

namespace Segments {
QString name(SegmentKind kind); // "Shared library" (translatable in the GUI layer)
QString id(SegmentKind kind); // "shared-library": stable, for files and settings
// Classifies every mapping of one process. mappings must be sorted by start (as maps prints them);
// executablePath is the target of /proc/PID/exe, or empty to take the first file mapping's path.
QList<SegmentClassification> classify(const QList<Mapping> &mappings, const QString &executablePath);
}
