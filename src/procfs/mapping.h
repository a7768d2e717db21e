#pragma once

#include <QString>
#include <QtGlobal>

// One line of /proc/PID/maps: a virtual memory area.
struct Mapping
{
    quint64 start = 0;
    quint64 end = 0; // exclusive
    bool readable = false;
    bool writable = false;
    bool executable = false;
    bool shared = false; // 's' rather than 'p'
    quint64 offset = 0;
    quint32 deviceMajor = 0;
    quint32 deviceMinor = 0;
    quint64 inode = 0;
    QString path; // file path or pseudo-path ("[heap]", "[anon:name]"), without " (deleted)"; empty for anonymous
    bool deleted = false; // the file path ended in " (deleted)"

    quint64 size() const { return end - start; }
    QString permissions() const; // "r-xp"
    QString device() const; // "fd:01", as maps prints it
    bool isAnonymous() const { return inode == 0 && path.isEmpty(); }
    bool isPseudo() const { return path.startsWith(QLatin1Char('[')); }
    // The maps line as the kernel prints it (without trailing newline), for export and the raw view.
    QString toMapsLine() const;

    friend bool operator==(const Mapping &, const Mapping &) = default;
};
// Members are all relocatable, so lists of tens of thousands grow by realloc instead of moving each.
Q_DECLARE_TYPEINFO(Mapping, Q_RELOCATABLE_TYPE);
