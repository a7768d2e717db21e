#include "lessonlibrary.h"

#include "lessontargets.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace {
const QString Separator = QStringLiteral(", ");

QString translated(const QString &source)
{
    return QCoreApplication::translate("Lessons", source.toUtf8().constData());
}

// translate() takes a C string: a NUL inside a text would cut it short there, silently.
bool hasNul(const QString &text)
{
    return text.contains(QChar(u'\0'));
}

int lineOf(QByteArrayView bytes, qsizetype offset)
{
    const QByteArrayView before = bytes.first(std::clamp<qsizetype>(offset, 0, bytes.size()));
    return int(std::count(before.begin(), before.end(), '\n')) + 1;
}

// Empty when every key of object is one of known.
QString unknownKey(const QJsonObject &object, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return LessonLibrary::tr("unknown key \"%1\" (known: %2)").arg(it.key(), known.join(Separator));
    }
    return QString();
}

// Empty when text keeps to the markup subset: the tags below without attributes, properly nested, and
// '&' only in entities. Anything else would reach the text view and look broken or surprising there.
QString markupProblem(const QString &text)
{
    static const QStringList tags{QStringLiteral("p"),  QStringLiteral("b"),  QStringLiteral("i"),
                                  QStringLiteral("code"), QStringLiteral("pre"), QStringLiteral("ul"),
                                  QStringLiteral("ol"), QStringLiteral("li"), QStringLiteral("br")};
    static const QRegularExpression entity(QStringLiteral("&(lt|gt|amp|quot|apos|nbsp|#[0-9]+|#x[0-9a-fA-F]+);"));
    QStringList open;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('&')) {
            if (!entity.match(text, i, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption)
                     .hasMatch())
                return LessonLibrary::tr("a '&' that starts no entity (write &amp; for the character)");
            continue;
        }
        if (text[i] != QLatin1Char('<'))
            continue;
        const qsizetype close = text.indexOf(QLatin1Char('>'), i);
        const QChar next = i + 1 < text.size() ? text[i + 1] : QChar();
        if (close < 0 || !(next.isLetter() || next == QLatin1Char('/')))
            return LessonLibrary::tr("a '<' that starts no tag (write &lt; for the character)");
        QString name = text.sliced(i + 1, close - i - 1);
        const bool closing = name.startsWith(QLatin1Char('/'));
        if (closing)
            name.remove(0, 1);
        if (name.endsWith(QLatin1Char('/')))
            name.chop(1);
        if (!tags.contains(name))
            return LessonLibrary::tr("<%1> is not allowed; tags without attributes: %2").arg(name, tags.join(Separator));
        i = close;
        if (name == QLatin1String("br"))
            continue;
        if (!closing)
            open.append(name);
        else if (open.isEmpty() || open.last() != name)
            return open.isEmpty() ? LessonLibrary::tr("</%1> closes nothing").arg(name)
                                  : LessonLibrary::tr("</%1> where </%2> is due").arg(name, open.last());
        else
            open.removeLast();
    }
    return open.isEmpty() ? QString() : LessonLibrary::tr("<%1> is not closed").arg(open.last());
}

// A string, or a list of strings (translated one by one: each is one unit for the translator).
QString readText(const QJsonValue &value, QString *text)
{
    const QJsonArray parts = value.isArray() ? value.toArray() : QJsonArray{value};
    if (parts.isEmpty())
        return LessonLibrary::tr("\"text\" is an empty list");
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString part = parts[i].toString();
        if (!parts[i].isString() || part.trimmed().isEmpty())
            return LessonLibrary::tr("\"text\" must be a string or a list of strings, none of them empty");
        if (hasNul(part))
            return LessonLibrary::tr("\"text\" contains a NUL character (\\u0000)");
        if (const QString problem = markupProblem(part); !problem.isEmpty())
            return parts.size() > 1 ? LessonLibrary::tr("text part %1: %2").arg(i + 1).arg(problem) : problem;
        *text += translated(part);
    }
    return QString();
}

QString readAction(const QJsonValue &value, LessonAction *action)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.size() != 1)
        return LessonLibrary::tr("an action is an object with one key, such as {\"view\": \"map\"}");
    const QString key = object.begin().key();
    const std::optional<LessonAction::Kind> kind = LessonAction::kindOfKey(key);
    if (!kind) {
        QStringList keys;
        for (int k = 0; k < LessonAction::KindCount; ++k)
            keys.append(LessonAction::key(LessonAction::Kind(k)));
        return LessonLibrary::tr("unknown action \"%1\" (known: %2)").arg(key, keys.join(Separator));
    }
    action->kind = *kind;
    const QJsonValue argument = object.begin().value();
    if (LessonAction::isSwitch(*kind)) {
        if (!argument.isBool())
            return LessonLibrary::tr("\"%1\" takes true or false").arg(key);
        action->enabled = argument.toBool();
        return QString();
    }
    const bool list = *kind == LessonAction::Kind::Highlight && argument.isArray();
    if (!list && !argument.isString())
        return *kind == LessonAction::Kind::Highlight
            ? LessonLibrary::tr("\"%1\" takes a name or a list of names").arg(key)
            : LessonLibrary::tr("\"%1\" takes a name").arg(key);
    const QStringList allowed = LessonTargets::allowed(*kind);
    const QJsonArray names = list ? argument.toArray() : QJsonArray{argument};
    for (const QJsonValue &name : names) {
        if (!name.isString())
            return LessonLibrary::tr("\"%1\" takes names in quotes").arg(key);
        if (!allowed.contains(name.toString()))
            return LessonLibrary::tr("\"%1\": \"%2\" does not exist; it must be one of: %3")
                .arg(key, name.toString(), allowed.join(Separator));
        action->targets.append(name.toString());
    }
    return QString();
}

QString readStep(const QJsonValue &value, LessonStep *step)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject())
        return LessonLibrary::tr("a step is an object with \"text\" and \"actions\"");
    if (const QString problem = unknownKey(object, {QStringLiteral("text"), QStringLiteral("actions")}); !problem.isEmpty())
        return problem;
    if (!object.contains(QLatin1String("text")))
        return LessonLibrary::tr("\"text\" is missing");
    if (const QString problem = readText(object.value(QLatin1String("text")), &step->text); !problem.isEmpty())
        return problem;
    const QJsonValue actions = object.value(QLatin1String("actions"));
    if (!actions.isUndefined() && !actions.isArray())
        return LessonLibrary::tr("\"actions\" must be a list");
    const QJsonArray list = actions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        LessonAction action;
        if (const QString problem = readAction(list[i], &action); !problem.isEmpty())
            return LessonLibrary::tr("action %1: %2").arg(i + 1).arg(problem);
        step->actions.append(action);
    }
    return QString();
}

// Reads everything but the steps' content; empty when the lesson's own keys are right.
QString readHeader(const QJsonObject &object, Lesson *lesson)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (const QString problem = unknownKey(object, {QStringLiteral("format"), QStringLiteral("id"),
                                                    QStringLiteral("title"), QStringLiteral("steps")});
        !problem.isEmpty())
        return problem;
    const QJsonValue format = object.value(QLatin1String("format"));
    if (format.isUndefined())
        return LessonLibrary::tr("\"format\" is missing (this version reads \"format\": %1)").arg(LessonLibrary::FormatVersion);
    if (!format.isDouble() || format.toDouble() != format.toInt() || format.toInt() < 1)
        return LessonLibrary::tr("\"format\" must be a whole number such as %1").arg(LessonLibrary::FormatVersion);
    if (format.toInt() > LessonLibrary::FormatVersion)
        return LessonLibrary::tr("written for a newer MemAtlas (format %1); this version reads format %2")
            .arg(format.toInt())
            .arg(LessonLibrary::FormatVersion);
    lesson->id = object.value(QLatin1String("id")).toString();
    if (!idPattern.match(lesson->id).hasMatch())
        return LessonLibrary::tr("\"id\" must be a name of lower-case letters, digits and single dashes, "
                                 "such as \"page-faults\"");
    const QString title = object.value(QLatin1String("title")).toString();
    if (title.trimmed().isEmpty())
        return LessonLibrary::tr("\"title\" is missing or empty");
    if (hasNul(title))
        return LessonLibrary::tr("\"title\" contains a NUL character (\\u0000)");
    lesson->title = translated(title);
    if (object.value(QLatin1String("steps")).toArray().isEmpty())
        return LessonLibrary::tr("\"steps\" must be a list of at least one step");
    return QString();
}
}

QString LessonLibrary::builtInDirectory()
{
    return QStringLiteral(":/lessons");
}

QStringList LessonLibrary::userDirectories()
{
    QStringList directories;
    for (const QString &location : QStandardPaths::standardLocations(QStandardPaths::AppDataLocation))
        directories.prepend(location + QStringLiteral("/lessons"));
    return directories;
}

Parsed<Lesson> LessonLibrary::parse(QByteArrayView json)
{
    Parsed<Lesson> result;
    const auto fail = [&result](const QString &message, int line = 0) {
        result.value = Lesson();
        result.error = ParseError{line, message};
        return result;
    };
    if (json.size() > MaxFileBytes)
        return fail(tr("larger than %1 KiB, which no lesson needs").arg(MaxFileBytes / 1024));
    if (json.trimmed().isEmpty())
        return fail(tr("the file is empty"));
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return fail(tr("not valid JSON: %1").arg(jsonError.errorString()), lineOf(json, jsonError.offset));
    if (!document.isObject())
        return fail(tr("the file must hold one JSON object, { ... }"));
    const QJsonObject object = document.object();
    if (const QString problem = readHeader(object, &result.value); !problem.isEmpty())
        return fail(problem);
    const QJsonArray steps = object.value(QLatin1String("steps")).toArray();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        LessonStep step;
        if (const QString problem = readStep(steps[i], &step); !problem.isEmpty())
            return fail(tr("step %1: %2").arg(i + 1).arg(problem));
        result.value.steps.append(step);
    }
    return result;
}

void LessonLibrary::loadDirectory(const QString &directory)
{
    const QDir dir(directory);
    if (!dir.exists())
        return;
    QHash<QString, QString> filesOfIds; // of this directory
    // QDir::Files without QDir::System leaves out FIFOs and devices, which could block a read.
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        const QString path = info.filePath();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            m_errors.append(tr("%1: cannot be read: %2").arg(path, file.errorString()));
            continue;
        }
        Parsed<Lesson> parsed = parse(file.read(MaxFileBytes + 1));
        if (!parsed.ok()) {
            m_errors.append(tr("%1: %2").arg(path, parsed.error.toString()));
            continue;
        }
        Lesson &lesson = parsed.value;
        lesson.file = path;
        if (const auto other = filesOfIds.constFind(lesson.id); other != filesOfIds.constEnd()) {
            m_errors.append(tr("%1: the id \"%2\" is already taken by %3").arg(path, lesson.id, *other));
            continue;
        }
        filesOfIds.insert(lesson.id, path);
        const auto replaced = std::find_if(m_lessons.begin(), m_lessons.end(),
                                           [&lesson](const Lesson &l) { return l.id == lesson.id; });
        if (replaced != m_lessons.end())
            *replaced = lesson;
        else
            m_lessons.append(lesson);
    }
}

LessonLibrary LessonLibrary::loadStandard()
{
    LessonLibrary library;
    library.loadDirectory(builtInDirectory());
    for (const QString &directory : userDirectories())
        library.loadDirectory(directory);
    return library;
}
