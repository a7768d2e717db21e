#include "pmapformat.h"

#include <QtGlobal>

#include <algorithm>
#include <optional>

namespace {

// pmap takes a key as a column when its value starts with digits ("%[0-9]"), unit or not.
std::optional<quint64> leadingNumber(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    const auto digitsEnd = std::find_if(trimmed.begin(), trimmed.end(), [](char c) { return c < '0' || c > '9'; });
    bool ok = false;
    const quint64 value = trimmed.left(digitsEnd - trimmed.begin()).toULongLong(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

// One numeric column of the table and where its values come from.
struct ValueColumn
{
    enum class Source { Known, Unknown, ThpEligible, ProtectionKey };

    QByteArray name;
    Source source = Source::Known;
    SmapsEntry::Key key = SmapsEntry::Size; // for Source::Known
    quint64 total = 0;
    qsizetype width = 0;

    // Missing values count as 0 (pmap itself stops at a mapping whose keys differ from the first's).
    quint64 valueOf(const SmapsEntry &entry) const
    {
        switch (source) {
        case Source::Known:
            return entry.value(key);
        case Source::ThpEligible:
            return entry.thpEligible.value_or(false);
        case Source::ProtectionKey:
            return quint64(entry.protectionKey.value_or(0));
        case Source::Unknown:
            for (const auto &[unknownKey, text] : entry.unknown) {
                if (unknownKey == name)
                    return leadingNumber(text).value_or(0);
            }
            break;
        }
        return 0;
    }
};

// pmap -X leaves these out as "unimportant" (procps-ng pmap.c, is_unimportant); VmFlags too.
bool hiddenByPmap(SmapsEntry::Key key)
{
    switch (key) {
    case SmapsEntry::KernelPageSize:
    case SmapsEntry::MMUPageSize:
    case SmapsEntry::AnonHugePages:
    case SmapsEntry::Shared_Clean:
    case SmapsEntry::Shared_Dirty:
    case SmapsEntry::Private_Clean:
    case SmapsEntry::Private_Dirty:
        return true;
    default:
        return false;
    }
}

// The columns in the order the kernel prints the keys. pmap takes that order from the smaps text and
// adds a key the first time it appears; every mapping of one kernel has the same keys. The Key enum
// is today's print order; 4.x kernels printed KernelPageSize and MMUPageSize after SwapPss, but
// those are hidden, so the shown columns keep their order there too.
QList<ValueColumn> valueColumns(const QList<SmapsEntry> &entries)
{
    quint32 present = 0;
    for (const SmapsEntry &entry : entries)
        present |= entry.present;
    QList<ValueColumn> columns;
    for (int key = 0; key < SmapsEntry::KeyCount; ++key) {
        const auto k = SmapsEntry::Key(key);
        if ((present & (1u << key)) && !hiddenByPmap(k))
            columns.append({SmapsEntry::keyName(k), ValueColumn::Source::Known, k});
    }
    for (const SmapsEntry &entry : entries) {
        for (const auto &[name, text] : entry.unknown) {
            const bool known = std::any_of(columns.cbegin(), columns.cend(),
                                           [&name](const ValueColumn &column) { return column.name == name; });
            if (!known && leadingNumber(text))
                columns.append({name, ValueColumn::Source::Unknown});
        }
    }
    const auto anyHas = [&entries](auto member) {
        return std::any_of(entries.cbegin(), entries.cend(), [member](const SmapsEntry &e) { return (e.*member).has_value(); });
    };
    if (anyHas(&SmapsEntry::thpEligible))
        columns.append({"THPeligible", ValueColumn::Source::ThpEligible});
    if (anyHas(&SmapsEntry::protectionKey))
        columns.append({"ProtectionKey", ValueColumn::Source::ProtectionKey});
    return columns;
}

QByteArray hex8(quint64 value)
{
    return QByteArray::number(value, 16).rightJustified(8, '0');
}

// pmap reads at most 127 bytes of the path text ("%127[^\n]") and shows what follows its last '/'.
QByteArray mappingName(const Mapping &mapping)
{
    QByteArray text = mapping.path.toUtf8();
    if (mapping.deleted)
        text += " (deleted)";
    text.truncate(127);
    return text.mid(text.lastIndexOf('/') + 1);
}

} // namespace

namespace PmapFormat {

QByteArray title(int pid, QByteArrayView cmdline, const QString &comm)
{
    // procps reads cmdline without its trailing NULs, turns the separating NULs and newlines into
    // spaces and other control characters into '?'.
    QByteArray command = cmdline.toByteArray();
    while (command.endsWith('\0'))
        command.chop(1);
    if (command.isEmpty())
        command = '[' + comm.toUtf8() + ']';
    for (char &c : command) {
        if (c == '\0' || c == '\n')
            c = ' ';
        else if ((c >= 0 && c < ' ') || c == 0x7f)
            c = '?';
    }
    return QByteArray::number(pid) + ":   " + command + '\n';
}

QByteArray extendedTable(const QList<SmapsEntry> &entries)
{
    if (entries.isEmpty())
        return {};

    // The columns pmap copies from the maps line: text as the kernel prints it, right-aligned.
    struct TextColumn
    {
        QByteArray name;
        QByteArrayList cells;
        qsizetype width = 0;
    };
    TextColumn fixed[] = {{"Address", {}}, {"Perm", {}}, {"Offset", {}}, {"Device", {}}, {"Inode", {}}};
    for (const SmapsEntry &entry : entries) {
        const Mapping &m = entry.mapping;
        fixed[0].cells.append(hex8(m.start));
        fixed[1].cells.append(m.permissions().toLatin1());
        fixed[2].cells.append(hex8(m.offset));
        fixed[3].cells.append(m.device().toLatin1());
        fixed[4].cells.append(QByteArray::number(m.inode));
    }
    qsizetype footerGap = 0;
    for (TextColumn &column : fixed) {
        column.width = column.name.size();
        for (const QByteArray &cell : std::as_const(column.cells))
            column.width = qMax(column.width, cell.size());
        footerGap += column.width + 1;
    }

    QList<ValueColumn> columns = valueColumns(entries);
    // pmap sizes a numeric column by its name and its total, which is at least as wide as any value.
    for (ValueColumn &column : columns) {
        for (const SmapsEntry &entry : entries)
            column.total += column.valueOf(entry);
        column.width = qMax(column.name.size(), QByteArray::number(column.total).size());
    }

    // Every header cell is followed by a space, the last one ("Mapping") by the newline.
    QByteArray table;
    for (const TextColumn &column : fixed)
        table += column.name.rightJustified(column.width) + ' ';
    for (const ValueColumn &column : std::as_const(columns))
        table += column.name.rightJustified(column.width) + ' ';
    table += "Mapping\n";

    for (qsizetype row = 0; row < entries.size(); ++row) {
        table += fixed[0].cells[row].rightJustified(fixed[0].width);
        for (qsizetype i = 1; i < qsizetype(std::size(fixed)); ++i)
            table += ' ' + fixed[i].cells[row].rightJustified(fixed[i].width);
        for (const ValueColumn &column : std::as_const(columns))
            table += ' ' + QByteArray::number(column.valueOf(entries[row])).rightJustified(column.width);
        table += ' ' + mappingName(entries[row].mapping) + '\n';
    }

    if (columns.isEmpty())
        return table;
    QByteArray rule(footerGap, ' ');
    QByteArray totals(footerGap, ' ');
    for (const ValueColumn &column : std::as_const(columns)) {
        rule += QByteArray(column.width, '=') + ' ';
        totals += QByteArray::number(column.total).rightJustified(column.width) + ' ';
    }
    return table + rule + '\n' + totals + "KB \n";
}

}
