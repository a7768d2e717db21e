// Races with vanishing processes: 1,000 short-lived processes are started and killed while the
// process list refreshes and while their maps, smaps, status, stat, statm, cmdline and pagemap are
// read. Nothing may crash, hang or throw, and every failed read must say the process exited.
#include "liveprocsource.h"
#include "mapsparser.h"
#include "pagemapreader.h"
#include "processinfo.h"
#include "processlistrefresher.h"
#include "processstat.h"
#include "processstatm.h"
#include "processstatus.h"
#include "smapsparser.h"
#include "snapshot.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <deque>
#include <thread>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
constexpr int ProcessCount = 1000;

// Pids handed from the spawner to the readers.
class PidQueue
{
public:
    void push(int pid)
    {
        QMutexLocker lock(&m_mutex);
        m_pids.push_back(pid);
    }
    int pop() // 0 when empty
    {
        QMutexLocker lock(&m_mutex);
        if (m_pids.empty())
            return 0;
        const int pid = m_pids.front();
        m_pids.pop_front();
        return pid;
    }

private:
    QMutex m_mutex;
    std::deque<int> m_pids;
};

struct Tally
{
    std::atomic<int> reads{0};
    std::atomic<int> succeeded{0};
    std::atomic<int> exited{0};
    QMutex mutex;
    QStringList misreported; // failures that did not say "exited"

    void count(ReadResult::Status status, const QString &message)
    {
        ++reads;
        if (status == ReadResult::Status::Ok) {
            ++succeeded;
        } else if (status == ReadResult::Status::ProcessExited && message.contains(QLatin1String("exited"))) {
            ++exited;
        } else {
            QMutexLocker lock(&mutex);
            misreported << message;
        }
    }
};

// Every reader the GUI uses on one process, each counted.
void readEverything(const ProcSource &source, int pid, Tally *tally)
{
    const QString dir = QString::number(pid) + QLatin1Char('/');
    for (const char *name : {"maps", "smaps", "status", "stat", "statm", "cmdline"}) {
        const ReadResult read = source.readFile(dir + QLatin1String(name));
        tally->count(read.status, read.message);
        if (!read.ok())
            continue;
        // What was read is parsed: a read cut short by the exit must still parse or fail cleanly.
        const QByteArrayView text(read.data);
        if (qstrcmp(name, "maps") == 0)
            MapsParser::parse(text);
        else if (qstrcmp(name, "smaps") == 0)
            SmapsParser::parse(text);
        else if (qstrcmp(name, "status") == 0)
            ProcessStatus::parse(text);
        else if (qstrcmp(name, "stat") == 0)
            ProcessStat::parse(text);
        else if (qstrcmp(name, "statm") == 0)
            ProcessStatm::parse(text);
    }
    QString error;
    const std::optional<ProcessInfo> info = ProcessInfo::read(source, pid, &error);
    tally->count(info ? ReadResult::Status::Ok : ReadResult::Status::ProcessExited, info ? QString() : error);
    const ReadOutcome<PageMapSnapshot> pages = PageMapReader(source).read(pid, {});
    tally->count(pages.ok() ? ReadResult::Status::Ok : pages.status, pages.error);
}
} // namespace

class TstVanishingProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readersSurviveVanishingProcesses()
    {
        const auto source = std::make_shared<LiveProcSource>();
        PidQueue queue;
        PidQueue children; // for the refresher's smaps_rollup reads
        Tally tally;
        std::atomic<bool> spawning{true};
        std::atomic<int> spawned{0};

        // Children live 0-6 ms; the spawner reaps them as they go so zombies do not pile up.
        std::thread spawner([&] {
            for (int i = 0; i < ProcessCount; ++i) {
                const pid_t pid = fork();
                if (pid == 0) {
                    poll(nullptr, 0, i % 7); // async-signal-safe: the parent has threads
                    _exit(0);
                }
                if (pid < 0)
                    continue;
                ++spawned;
                queue.push(int(pid));
                children.push(int(pid));
                if (i % 3 == 0) // some die by signal, in the middle of whatever reads them
                    kill(pid, SIGKILL);
                while (waitpid(-1, nullptr, WNOHANG) > 0) {
                }
                poll(nullptr, 0, 1); // a second or more in all, so the list refreshes many times meanwhile
            }
            while (waitpid(-1, nullptr, 0) > 0) {
            }
            spawning = false;
        });
        std::vector<std::thread> readers;
        for (int r = 0; r < 2; ++r) {
            readers.emplace_back([&] {
                while (spawning) {
                    const int pid = queue.pop();
                    if (pid == 0)
                        std::this_thread::yield();
                    else
                        readEverything(*source, pid, &tally);
                }
            });
        }

        // Meanwhile the process list refreshes as fast as it can, as the GUI's timer would.
        ProcessListRefresher refresher(source);
        QSignalSpy lists(&refresher, &ProcessListRefresher::processesRead);
        connect(&refresher, &ProcessListRefresher::rollupRead, this, [&] { tally.count(ReadResult::Status::Ok, QString()); });
        connect(&refresher, &ProcessListRefresher::rollupFailed, this,
                [&](int, const QString &why) { tally.count(ReadResult::Status::ProcessExited, why); });
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, &refresher, [&] {
            refresher.refresh();
            QList<int> pids;
            for (int pid = children.pop(); pid != 0 && pids.size() < 20; pid = children.pop())
                pids.append(pid);
            refresher.requestRollups(pids);
        });
        ticker.start(5);
        QElapsedTimer elapsed;
        elapsed.start();
        while (spawning && elapsed.elapsed() < 240'000)
            QTest::qWait(20);
        ticker.stop();
        QVERIFY2(!spawning, "the spawner did not finish in four minutes");
        spawner.join();
        for (std::thread &reader : readers)
            reader.join();
        QTRY_VERIFY(!refresher.isRefreshing());

        qInfo("%d processes, %d reads: %d succeeded, %d said the process exited; %lld process-list refreshes",
              spawned.load(), tally.reads.load(), tally.succeeded.load(), tally.exited.load(), qlonglong(lists.size()));
        QCOMPARE(spawned.load(), ProcessCount);
        QVERIFY2(tally.misreported.isEmpty(), qPrintable(tally.misreported.mid(0, 10).join(QLatin1Char('\n'))));
        QVERIFY(tally.reads > 0);
        QVERIFY(tally.exited > 0); // the race was really run: some reads met a process that was gone
        QVERIFY(lists.size() >= 2);
    }
};

QTEST_GUILESS_MAIN(TstVanishingProcesses)
#include "tst_vanishingprocesses.moc"
