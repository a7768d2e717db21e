#include "lesson.h"

#include <array>

namespace {
// In Kind order.
constexpr std::array<const char *, LessonAction::KindCount> actionKeys{
    "view", "highlight", "series", "pages", "demo", "scale", "schematic32", "brackets",
};
}

QString LessonAction::key(Kind kind)
{
    return QString::fromLatin1(actionKeys[size_t(kind)]);
}

std::optional<LessonAction::Kind> LessonAction::kindOfKey(const QString &key)
{
    for (size_t i = 0; i < actionKeys.size(); ++i) {
        if (key == QLatin1String(actionKeys[i]))
            return Kind(i);
    }
    return std::nullopt;
}
