#pragma once

#include "procsource.h"

#include <QString>

// The one write MemAtlas makes to /proc, and only when a person asks for it: "4" written to
// /proc/PID/clear_refs clears the soft-dirty bit of every page of the process, so that pages it
// writes afterwards show up as soft-dirty in pagemap. It changes the target's page tables.
namespace SoftDirty {
// Fails with a reason for sources that are not the live system, and for refusals.
bool clear(const ProcSource &source, int pid, QString *error);
}
