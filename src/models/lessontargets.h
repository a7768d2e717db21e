#pragma once

#include "lesson.h"

#include <QStringList>

// The closed vocabulary of lesson actions: everything a lesson may point at, named as the application
// names it, so that a lesson naming something that does not exist is refused when it is loaded.
namespace LessonTargets {
// The views the main window can raise.
QStringList views();
// Segment kinds, by their stable Segments::id ("heap", "shared-library", ...).
QStringList regions();
// MemoryHistory series names as MeminfoSampler records them: its derived free(1) series and the
// /proc/meminfo keys every kernel since 3.14 prints in kB.
QStringList series();
// The commands of the demo process (src/demo/main.cpp) that change its memory.
QStringList demoCommands();
// The map's scales: "true" (to scale) and "compressed".
QStringList scales();
// The names a kind of action may take; empty for the on/off kinds.
QStringList allowed(LessonAction::Kind kind);
}
