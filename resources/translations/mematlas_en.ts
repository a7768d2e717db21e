<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddressSpacePainter</name>
    <message numerus="yes">
        <source>%n mappings</source>
        <translation>
            <numerusform>%n mapping</numerusform>
            <numerusform>%n mappings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message numerus="yes">
        <source>Allocated %n small block(s) of %1, but this malloc does not use brk: there is no [heap].</source>
        <translation>
            <numerusform>Allocated %n small block of %1, but this malloc does not use brk: there is no [heap].</numerusform>
            <numerusform>Allocated %n small blocks of %1, but this malloc does not use brk: there is no [heap].</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heap end stayed at %1: %n small block(s) of %2 reused memory that malloc had kept.</source>
        <translation>
            <numerusform>Heap end stayed at %1: %n small block of %2 reused memory that malloc had kept.</numerusform>
            <numerusform>Heap end stayed at %1: %n small blocks of %2 reused memory that malloc had kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Freed %n small block(s); the heap end fell to %1: glibc gave free memory at its top back.</source>
        <translation>
            <numerusform>Freed %n small block; the heap end fell to %1: glibc gave free memory at its top back.</numerusform>
            <numerusform>Freed %n small blocks; the heap end fell to %1: glibc gave free memory at its top back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Freed %n small block(s); the heap end stayed at %1: malloc keeps freed brk memory for reuse, and the highest block (%2) is still in use.</source>
        <translation>
            <numerusform>Freed %n small block; the heap end stayed at %1: malloc keeps freed brk memory for reuse, and the highest block (%2) is still in use.</numerusform>
            <numerusform>Freed %n small blocks; the heap end stayed at %1: malloc keeps freed brk memory for reuse, and the highest block (%2) is still in use.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mapped %1 (%2) read-only at %3 and read its %n page(s): %4 minor, %5 major page faults. Its pages are page-cache pages, shared with everyone reading the file.</source>
        <translation>
            <numerusform>Mapped %1 (%2) read-only at %3 and read its %n page: %4 minor, %5 major page faults. Its pages are page-cache pages, shared with everyone reading the file.</numerusform>
            <numerusform>Mapped %1 (%2) read-only at %3 and read its %n pages: %4 minor, %5 major page faults. Its pages are page-cache pages, shared with everyone reading the file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Touched %n page(s) of the large block: no page fault, they were in RAM already.</source>
        <translation>
            <numerusform>Touched %n page of the large block: no page fault, it was in RAM already.</numerusform>
            <numerusform>Touched %n pages of the large block: no page fault, they were in RAM already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Touched %n page(s) of the large block: %1 minor, %2 major page faults. Each first write to a page faults, and the kernel gives it a frame.</source>
        <translation>
            <numerusform>Touched %n page of the large block: %1 minor, %2 major page faults. Each first write to a page faults, and the kernel gives it a frame.</numerusform>
            <numerusform>Touched %n pages of the large block: %1 minor, %2 major page faults. Each first write to a page faults, and the kernel gives it a frame.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo pid %1: heap %2 to %3, %n small block(s), %4 minor and %5 major page faults so far.</source>
        <translation>
            <numerusform>Demo pid %1: heap %2 to %3, %n small block, %4 minor and %5 major page faults so far.</numerusform>
            <numerusform>Demo pid %1: heap %2 to %3, %n small blocks, %4 minor and %5 major page faults so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heap end rose by %1, to %2: %n small block(s) of %3 came from brk.</source>
        <translation>
            <numerusform>Heap end rose by %1, to %2: %n small block of %3 came from brk.</numerusform>
            <numerusform>Heap end rose by %1, to %2: %n small blocks of %3 came from brk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n page(s) of PID %1, %2 present; minor faults %3, major faults %4.</source>
        <translation>
            <numerusform>%n page of PID %1, %2 present; minor faults %3, major faults %4.</numerusform>
            <numerusform>%n pages of PID %1, %2 present; minor faults %3, major faults %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s). RSS %1, PSS %2, swap %3.</source>
        <translation>
            <numerusform>%n change. RSS %1, PSS %2, swap %3.</numerusform>
            <numerusform>%n changes. RSS %1, PSS %2, swap %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s). Sizes only: one snapshot could read maps but not smaps.</source>
        <translation>
            <numerusform>%n change. Sizes only: one snapshot could read maps but not smaps.</numerusform>
            <numerusform>%n changes. Sizes only: one snapshot could read maps but not smaps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Σ of %n shown: RES %1 · SHR %2 (not summable)</source>
        <translation>
            <numerusform>Σ of %n shown: RES %1 · SHR %2 (not summable)</numerusform>
            <numerusform>Σ of %n shown: RES %1 · SHR %2 (not summable)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n process(es)</source>
        <translation>
            <numerusform>%1 — %n process</numerusform>
            <numerusform>%1 — %n processes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — PID %1: %n mapping(s)</source>
        <translation>
            <numerusform> — PID %1: %n mapping</numerusform>
            <numerusform> — PID %1: %n mappings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemoryChartWidget</name>
    <message numerus="yes">
        <source>(mean of %n samples)</source>
        <translation>
            <numerusform>(mean of %n sample)</numerusform>
            <numerusform>(mean of %n samples)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageMapView</name>
    <message numerus="yes">
        <source>%1  %2  %3 – %4  (%Ln page(s))</source>
        <translation>
            <numerusform>%1  %2  %3 – %4  (%Ln page)</numerusform>
            <numerusform>%1  %2  %3 – %4  (%Ln pages)</numerusform>
        </translation>
    </message>
</context>
</TS>
