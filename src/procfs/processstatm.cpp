#include "processstatm.h"

#include "parsehelpers_p.h"
#include "procfstext.h"

using namespace ParseHelpers;

Parsed<ProcessStatm> ProcessStatm::parse(QByteArrayView text)
{
    Parsed<ProcessStatm> result;
    ProcessStatm &statm = result.value;
    quint64 *const fields[] = {&statm.size, &statm.resident, &statm.shared, &statm.text,
                               &statm.lib, &statm.data, &statm.dirty};
    if (!text.endsWith('\n')) {
        result.error = {1, ProcfsText::tr("truncated: expected seven numbers and a newline, got %1").arg(quoted(text))};
        return result;
    }
    const char *p = text.data();
    const char *const end = p + text.size() - 1;
    for (quint64 *field : fields) {
        if (field != fields[0]) {
            if (p == end || *p != ' ') {
                result.error = {1, expected(QT_TRANSLATE_NOOP("Procfs", "seven numbers separated by spaces"), text)};
                return result;
            }
            ++p;
        }
        const char *const start = p;
        const Number status = readUnsigned<10>(p, end, field);
        if (status != Number::Ok) {
            result.error = {1, numberError(status, QT_TRANSLATE_NOOP("Procfs", "a page count"), QByteArrayView(start, end - start))};
            return result;
        }
    }
    if (p != end)
        result.error = {1, ProcfsText::tr("unexpected text after seven numbers: %1").arg(quoted(QByteArrayView(p, end - p)))};
    return result;
}
