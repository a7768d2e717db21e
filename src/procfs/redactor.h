#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

// Makes procfs text fit for sharing: command lines shrink to the program's name, and file paths
// outside the system's directories (a home, a project, a mount) become /redacted/file-N. One path is
// always the same alias, in maps, smaps and the exe link alike, so mappings of one file still group
// and the executable is still recognised. Library and system paths stay: they say what ran, not who.
class Redactor
{
public:
    static bool isSystemPath(QStringView path);

    QString path(const QString &original); // an alias, or the path itself when it may stay
    QByteArray mapsText(QByteArrayView text); // maps, smaps: the path of each mapping line
    static QByteArray cmdline(QByteArrayView text); // "/home/a/x --secret\0" -> "x\0"

private:
    QHash<QString, QString> m_aliases;
};
