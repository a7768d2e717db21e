#include "processstat.h"

#include "parsehelpers_p.h"
#include "procfstext.h"

using namespace ParseHelpers;

namespace {

// proc_pid_stat(5) numbers fields from 1: pid (1), comm (2), state (3), then these.
enum Field {
    State = 3,
    PPid = 4,
    Flags = 9,
    MinFlt = 10,
    CMinFlt,
    MajFlt,
    CMajFlt,
    UTime,
    STime,
    NumThreads = 20,
    StartTime = 22,
    VSize,
    Rss,
    LastKept = Rss
};

} // namespace

Parsed<ProcessStat> ProcessStat::parse(QByteArrayView text)
{
    Parsed<ProcessStat> result;
    ProcessStat &stat = result.value;
    const auto fail = [&result](const QString &message) {
        result.error = {1, message};
        return result;
    };
    if (!text.endsWith('\n'))
        return fail(truncatedLine(text));
    const QByteArrayView line = text.chopped(1);

    // comm is whatever the process named itself, ')' and ' ' included: it ends at the last ')'.
    const qsizetype open = line.indexOf('(');
    const qsizetype close = line.lastIndexOf(')');
    quint64 pid = 0;
    if (open < 0 || close < open || parseNumber(line.first(open), &pid) != Number::Ok
        || pid > quint64(std::numeric_limits<int>::max()))
        return fail(expected(QT_TRANSLATE_NOOP("Procfs", "'pid (comm) state ...'"), line));
    stat.pid = int(pid);
    stat.comm = QString::fromUtf8(line.sliced(open + 1, close - open - 1));

    quint64 ppid = 0;
    quint64 numThreads = 0;
    std::array<quint64 *, LastKept + 1> kept{};
    kept[PPid] = &ppid;
    kept[Flags] = &stat.flags;
    kept[MinFlt] = &stat.minflt;
    kept[CMinFlt] = &stat.cminflt;
    kept[MajFlt] = &stat.majflt;
    kept[CMajFlt] = &stat.cmajflt;
    kept[UTime] = &stat.utime;
    kept[STime] = &stat.stime;
    kept[NumThreads] = &numThreads;
    kept[StartTime] = &stat.startTime;
    kept[VSize] = &stat.vsize;
    kept[Rss] = &stat.rssPages;

    QByteArrayView rest = line.sliced(close + 1);
    int field = 2;
    while (!rest.isEmpty()) {
        if (rest[0] != ' ')
            return fail(expected(QT_TRANSLATE_NOOP("Procfs", "a space between fields"), rest));
        rest = rest.sliced(1);
        const qsizetype space = rest.indexOf(' ');
        const QByteArrayView token = space < 0 ? rest : rest.first(space);
        rest = rest.sliced(token.size());
        ++field;
        if (field == State) {
            if (token.size() != 1)
                return fail(expected(QT_TRANSLATE_NOOP("Procfs", "a state letter"), token));
            stat.state = token[0];
            continue;
        }
        quint64 *const target = field <= LastKept ? kept[field] : nullptr;
        // Fields we do not keep may be negative (nice, cutime, ...): they only have to be numbers.
        const QByteArrayView digits = !target && token.startsWith('-') ? token.sliced(1) : token;
        quint64 value = 0;
        const Number status = parseNumber(digits, &value);
        if (status == Number::Invalid || (status == Number::Overflow && target))
            return fail(ProcfsText::tr("field %1: %2")
                            .arg(field)
                            .arg(numberError(status, QT_TRANSLATE_NOOP("Procfs", "a number"), token)));
        if (target)
            *target = value;
    }
    if (field < LastKept)
        return fail(ProcfsText::tr("expected at least %1 fields, got %2").arg(int(LastKept)).arg(field));
    if (ppid > quint64(std::numeric_limits<int>::max()) || numThreads > quint64(std::numeric_limits<int>::max()))
        return fail(ProcfsText::tr("ppid or thread count is too large: %1").arg(quoted(line)));
    stat.ppid = int(ppid);
    stat.numThreads = int(numThreads);
    return result;
}
