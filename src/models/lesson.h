#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A lesson as read from its data file (resources/lessons/README.md describes the format): plain
// values, texts already translated. What an action may name is LessonTargets' business.

// One thing a step does to the live views when it is shown.
struct LessonAction
{
    enum class Kind {
        View, // raise a view: {"view": "map"}
        Highlight, // select every mapping of some segment kinds on the map: {"highlight": ["code", "data"]}
        Series, // select a chart series: {"series": "MemAvailable"}
        Pages, // open the page views on the mappings of a segment kind: {"pages": "heap"}
        Demo, // a command to the demo process: {"demo": "large"}
        Scale, // the map's scale: {"scale": "true"} or {"scale": "compressed"}
        Schematic32, // the 32-bit 3 GiB / 1 GiB picture beside the map: {"schematic32": true}
        Brackets, // the five classic segments bracketed beside the map: {"brackets": true}
    };
    static constexpr int KindCount = int(Kind::Brackets) + 1;

    Kind kind = Kind::View;
    QStringList targets; // Highlight: zero or more regions (none clears); other named kinds: one name
    bool enabled = false; // Schematic32, Brackets

    // The JSON key of a kind ("view") and back.
    static QString key(Kind kind);
    static std::optional<Kind> kindOfKey(const QString &key);
    // Schematic32 and Brackets take true/false; the others name targets.
    static bool isSwitch(Kind kind) { return kind == Kind::Schematic32 || kind == Kind::Brackets; }

    friend bool operator==(const LessonAction &, const LessonAction &) = default;
};

struct LessonStep
{
    QString text; // the HTML subset of the format: p, b, i, code, pre, ul, ol, li, br
    QList<LessonAction> actions; // in file order

    friend bool operator==(const LessonStep &, const LessonStep &) = default;
};

struct Lesson
{
    QString id; // "address-space": unique, names the lesson in settings and in replacements
    QString title;
    QList<LessonStep> steps; // at least one
    QString file; // where it was read from, for messages and tooltips

    friend bool operator==(const Lesson &, const Lesson &) = default;
};
