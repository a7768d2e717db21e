#pragma once

#include "lesson.h"
#include "parseerror.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

// The lessons, read from their JSON data files (the format: resources/lessons/README.md). A file is
// checked whole when read (unknown keys, targets outside LessonTargets, markup outside the subset)
// and is either loaded whole or skipped with a message naming it and the problem.
//
// Texts go through QCoreApplication::translate("Lessons", ...) as they are read, so a lesson must be
// read again after the language changes. lupdate sees the built-in lessons' texts in a file generated
// from them at configure time (cmake/LessonStrings.cmake).
class LessonLibrary
{
    Q_DECLARE_TR_FUNCTIONS(LessonLibrary)

public:
    static constexpr int FormatVersion = 1;
    // A lesson is a few short steps; anything far larger is not one (and is not read whole).
    static constexpr qsizetype MaxFileBytes = 256 * 1024;

    // ":/lessons", compiled into the program.
    static QString builtInDirectory();
    // "<AppDataLocation>/lessons" directories, where a teacher adds lessons without rebuilding:
    // system-wide ones first, the user's own last (so it wins).
    static QStringList userDirectories();

    // One lesson file's bytes. The error says where (a line, or a step and action) and what is wrong.
    static Parsed<Lesson> parse(QByteArrayView json);

    // Reads every *.json file of directory in file-name order; a directory that does not exist is no
    // error. A lesson with the id of one read from an earlier directory replaces it in its place (a
    // teacher may adapt a built-in lesson); two files of one directory with one id are an error.
    void loadDirectory(const QString &directory);
    // The built-in lessons, then those of userDirectories().
    static LessonLibrary loadStandard();

    const QList<Lesson> &lessons() const { return m_lessons; }
    // "<file>: <reason>", one per file skipped.
    const QStringList &errors() const { return m_errors; }

private:
    QList<Lesson> m_lessons;
    QStringList m_errors;
};
