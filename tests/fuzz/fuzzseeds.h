#pragma once

// The seed corpus of each fuzz target, taken from tests/data: the recorded files its parser reads
// (odd and damaged ones included), and for the bundle decoders, what BundleWriter and the encoders
// make of the recorded pagemap trees; for lessons, the built-in lesson files. packaging/fuzz.sh writes them out (fuzz_seeds) to start each
// corpus from; tst_fuzzregressions runs them through the checks.

#include <QByteArray>
#include <QList>
#include <QString>

namespace FuzzSeeds {

struct Seed
{
    QString name; // unique within a target, usable as a file name: "trees_bash_12209_maps"
    QByteArray bytes;
};

// sourceDir is the top of the source tree. An unknown target has no seeds.
QList<Seed> seeds(const QString &target, const QString &sourceDir);

} // namespace FuzzSeeds
