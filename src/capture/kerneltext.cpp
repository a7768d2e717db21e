#include "kerneltext.h"

#include <QByteArrayView>

namespace {
// The kernel prints "Rss:            %8lu kB": the key and colon padded to 16 columns, the value
// right-aligned in 8, so values line up in column 24. Private_Hugetlb is too long for that; the
// kernel gives it one space and a 7-wide value ("Private_Hugetlb: %7lu"), ending in the same column.
QByteArray keyLine(QByteArrayView key, QByteArrayView value, bool kB)
{
    QByteArray label = key.toByteArray() + ':';
    label = label.size() < 16 ? label.leftJustified(16) : label + ' ';
    QByteArray line = label + value.toByteArray().rightJustified(24 - label.size());
    if (kB)
        line += " kB";
    return line + '\n';
}
}

namespace KernelText {

QByteArray mapsLine(const Mapping &mapping)
{
    return mapping.toMapsLine().toUtf8() + '\n';
}

QByteArray smapsEntry(const SmapsEntry &entry)
{
    QByteArray text = mapsLine(entry.mapping);
    for (int key = 0; key < SmapsEntry::KeyCount; ++key) {
        const auto k = SmapsEntry::Key(key);
        if (entry.has(k))
            text += keyLine(SmapsEntry::keyName(k), QByteArray::number(entry.value(k)), true);
    }
    for (const auto &[key, value] : entry.unknown) {
        const QByteArray trimmed = value.trimmed();
        const bool kB = trimmed.endsWith(" kB");
        text += keyLine(key, kB ? trimmed.chopped(3).trimmed() : trimmed, kB);
    }
    if (entry.thpEligible)
        text += keyLine("THPeligible", QByteArray::number(int(*entry.thpEligible)), false);
    if (entry.protectionKey)
        text += keyLine("ProtectionKey", QByteArray::number(*entry.protectionKey), false);
    if (!entry.vmFlags.isEmpty()) {
        // Every flag is followed by a space, the last one too.
        text += "VmFlags: ";
        for (const QByteArray &flag : entry.vmFlags)
            text += flag + ' ';
        text += '\n';
    }
    return text;
}

}
