#include "liveprocsource.h"
#include "pageentry.h"
#include "pagemapreader.h"
#include "softdirty.h"
#include "treeprocsource.h"

#include <QTest>

#include <csignal>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
constexpr int Pages = 4;

// A child with four touched anonymous pages that writes page 2 when told to ('w' on its pipe).
class WritingChild
{
public:
    WritingChild()
    {
        if (::pipe(m_command) != 0 || ::pipe(m_reply) != 0)
            return;
        const long pageSize = sysconf(_SC_PAGESIZE);
        m_pid = ::fork();
        if (m_pid == 0) {
            auto *memory = static_cast<char *>(
                ::mmap(nullptr, size_t(Pages * pageSize), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
            for (int page = 0; page < Pages; ++page)
                memory[page * pageSize] = 1;
            quint64 address = quint64(reinterpret_cast<quintptr>(memory));
            ssize_t ignored = ::write(m_reply[1], &address, sizeof address);
            char command = 0;
            while (::read(m_command[0], &command, 1) == 1) {
                if (command == 'w')
                    memory[2 * pageSize] = 2;
                ignored = ::write(m_reply[1], &command, 1);
            }
            (void)ignored;
            ::_exit(0);
        }
        if (m_pid > 0 && ::read(m_reply[0], &m_address, sizeof m_address) != sizeof m_address)
            m_address = 0;
    }
    ~WritingChild()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
    }
    bool started() const { return m_pid > 0 && m_address != 0; }
    pid_t pid() const { return m_pid; }
    quint64 address() const { return m_address; }
    bool writePageTwo()
    {
        char command = 'w';
        return ::write(m_command[1], &command, 1) == 1 && ::read(m_reply[0], &command, 1) == 1;
    }

private:
    int m_command[2] = {-1, -1};
    int m_reply[2] = {-1, -1};
    pid_t m_pid = -1;
    quint64 m_address = 0;
};

QList<bool> softDirtyBits(const ProcSource &source, int pid, quint64 address)
{
    const quint64 pageSize = source.pageSize();
    const auto read = PageMapReader(source).read(pid, {{address, address + Pages * pageSize}});
    QList<bool> bits;
    if (!read.ok() || read.value.ranges.isEmpty())
        return bits;
    const auto &range = read.value.ranges.first();
    for (quint64 page = 0; page < range.pageCount; ++page)
        bits.append(PageEntry::decode(range.rawEntry(page)).softDirty);
    return bits;
}
}

// The soft-dirty reset on a real process: after clearing, exactly the page it writes is dirty.
class TestSoftDirty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clearThenWatchAWrite()
    {
        WritingChild child;
        QVERIFY(child.started());
        LiveProcSource live;
        const QList<bool> before = softDirtyBits(live, child.pid(), child.address());
        QCOMPARE(before.size(), Pages);
        if (!before.contains(true))
            QSKIP("this kernel does not track soft-dirty pages (CONFIG_MEM_SOFT_DIRTY)");

        QString error;
        QVERIFY2(SoftDirty::clear(live, child.pid(), &error), qPrintable(error));
        QCOMPARE(softDirtyBits(live, child.pid(), child.address()), QList<bool>(Pages, false));

        QVERIFY(child.writePageTwo());
        QCOMPARE(softDirtyBits(live, child.pid(), child.address()), QList<bool>({false, false, true, false}));
    }

    void refusedOutsideTheLiveSystem()
    {
        TreeProcSource tree(QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep"));
        QString error;
        QVERIFY(!SoftDirty::clear(tree, 12069, &error));
        QVERIFY2(error.contains(QStringLiteral("12069/clear_refs")) && error.contains(QStringLiteral("live")), qPrintable(error));
    }

    void vanishedProcessSaysWhy()
    {
        LiveProcSource live;
        QString error;
        QVERIFY(!SoftDirty::clear(live, 999999999, &error));
        QVERIFY2(error.contains(QStringLiteral("/proc/999999999/clear_refs")), qPrintable(error));
    }
};

QTEST_APPLESS_MAIN(TestSoftDirty)
#include "tst_softdirty.moc"
