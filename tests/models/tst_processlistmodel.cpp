#include "modelroles.h"
#include "processfilterproxymodel.h"
#include "processlistmodel.h"
#include "processlistrefresher.h"
#include "treeprocsource.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
ProcessInfo process(int pid, const QString &name, const QString &user, quint64 resKb)
{
    ProcessInfo info;
    info.pid = pid;
    info.ppid = 1;
    info.name = name;
    info.arguments = {QStringLiteral("/usr/bin/") + name, QStringLiteral("--flag")};
    info.uid = 1000;
    info.user = user;
    info.state = 'S';
    info.virtKb = resKb * 4;
    info.resKb = resKb;
    info.shrKb = resKb / 2;
    info.minflt = 1000 + quint64(pid);
    info.majflt = quint64(pid);
    info.threads = 1;
    return info;
}

ProcessInfo kernelThread(int pid, const QString &name)
{
    ProcessInfo info;
    info.pid = pid;
    info.name = name;
    info.uid = 0;
    info.user = QStringLiteral("root");
    info.kernelThread = true;
    return info;
}

SmapsEntry rollup(quint64 pss, quint64 privateClean, quint64 privateDirty, quint64 swap)
{
    SmapsEntry entry;
    entry.set(SmapsEntry::Pss, pss);
    entry.set(SmapsEntry::Private_Clean, privateClean);
    entry.set(SmapsEntry::Private_Dirty, privateDirty);
    entry.set(SmapsEntry::Swap, swap);
    return entry;
}

QList<int> pidsOf(const QAbstractItemModel &model)
{
    QList<int> pids;
    for (int row = 0; row < model.rowCount(); ++row)
        pids.append(model.index(row, ProcessListModel::PidColumn).data(ModelRoles::RawValueRole).toInt());
    return pids;
}

// The number after "key:" in a procfs "Key: value" file of a fixture tree.
quint64 fixtureValue(const QString &path, QByteArrayView key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key) && line.mid(key.size()).startsWith(':'))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toULongLong();
    }
    return 0;
}

const quint64 MemTotalKb = 8 * 1024 * 1024;
}

class TestProcessListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cellValues();
    void headerTooltips();
    void diffRefreshKeepsPersistentIndexes();
    void unchangedRefreshEmitsNothing();
    void memTotalChangeUpdatesEveryRow();
    void rollupValuesAndErrors();
    void pidsNeedingRollup();
    void execDropsRollup();
    void proxyFilter_data();
    void proxyFilter();
    void proxySortsNumerically();
    void proxyPidsNeedingRollup();
    void proxyTotalsOfShownRows();
    void refresherReadsFixtureTree();

private:
    std::unique_ptr<ProcessListModel> m_model;
    std::unique_ptr<ProcessFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestProcessListModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestProcessListModel::init()
{
    m_model = std::make_unique<ProcessListModel>();
    m_proxy = std::make_unique<ProcessFilterProxyModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestProcessListModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestProcessListModel::cellValues()
{
    // Given out of pid order: the model keeps pid order.
    m_model->setProcesses({process(300, QStringLiteral("firefox"), QStringLiteral("alice"), 1536),
                           kernelThread(2, QStringLiteral("kthreadd"))},
                          MemTotalKb);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(ProcessListModel::ColumnCount));
    QCOMPARE(pidsOf(*m_model), QList<int>({2, 300}));
    QCOMPARE(m_model->rowOfPid(300), 1);
    QCOMPARE(m_model->rowOfPid(301), -1);
    QCOMPARE(m_model->processAt(1).name, QStringLiteral("firefox"));

    const auto display = [this](int row, int column) { return m_model->index(row, column).data().toString(); };
    const auto raw = [this](int row, int column) {
        return m_model->index(row, column).data(ModelRoles::RawValueRole);
    };
    QCOMPARE(display(1, ProcessListModel::PidColumn), QStringLiteral("300"));
    QCOMPARE(raw(1, ProcessListModel::PidColumn), QVariant(300));
    QCOMPARE(display(1, ProcessListModel::UserColumn), QStringLiteral("alice"));
    QCOMPARE(display(1, ProcessListModel::CommandColumn), QStringLiteral("/usr/bin/firefox --flag"));
    QCOMPARE(display(1, ProcessListModel::VirtColumn), QStringLiteral("6.0 MiB"));
    QCOMPARE(raw(1, ProcessListModel::VirtColumn).toULongLong(), 6144ull);
    QCOMPARE(display(1, ProcessListModel::ResColumn), QStringLiteral("1.5 MiB"));
    QCOMPARE(raw(1, ProcessListModel::ResColumn).toULongLong(), 1536ull);
    QCOMPARE(display(1, ProcessListModel::ShrColumn), QStringLiteral("768 KiB"));
    QCOMPARE(raw(1, ProcessListModel::ShrColumn).toULongLong(), 768ull);
    // 1536 kB of 8 GiB: 0.018 %
    QCOMPARE(display(1, ProcessListModel::MemPercentColumn), QStringLiteral("0.0"));
    QCOMPARE(raw(1, ProcessListModel::MemPercentColumn).toDouble(), 1536.0 / double(MemTotalKb) * 100.0);
    QCOMPARE(display(1, ProcessListModel::MinorFaultsColumn), QStringLiteral("1,300"));
    QCOMPARE(raw(1, ProcessListModel::MinorFaultsColumn).toULongLong(), 1300ull);
    QCOMPARE(raw(1, ProcessListModel::MajorFaultsColumn).toULongLong(), 300ull);
    QCOMPARE(m_model->index(1, ProcessListModel::ResColumn).data(ModelRoles::UnitRole).toString(), QStringLiteral("kB"));
    QCOMPARE(m_model->index(1, ProcessListModel::UserColumn).data(ModelRoles::PidRole).toInt(), 300);

    // Not read yet: empty, no raw value, a tooltip saying when it comes.
    for (const int column : {ProcessListModel::PssColumn, ProcessListModel::UssColumn, ProcessListModel::SwapColumn}) {
        QVERIFY(!m_model->index(1, column).data().isValid());
        QVERIFY(!raw(1, column).isValid());
        QVERIFY(!m_model->index(1, column).data(Qt::ToolTipRole).toString().isEmpty());
    }

    QCOMPARE(display(0, ProcessListModel::CommandColumn), QStringLiteral("[kthreadd]"));
    QCOMPARE(display(0, ProcessListModel::ResColumn), QStringLiteral("0 KiB"));
    QVERIFY(m_model->index(0, ProcessListModel::PssColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Kernel thread")));
}

void TestProcessListModel::headerTooltips()
{
    QCOMPARE(m_model->headerData(ProcessListModel::ResColumn, Qt::Horizontal).toString(), QStringLiteral("RES"));
    const QString shr = m_model->headerData(ProcessListModel::ShrColumn, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(shr.contains(QStringLiteral("cannot be summed")), qPrintable(shr));
    for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestProcessListModel::diffRefreshKeepsPersistentIndexes()
{
    m_model->setProcesses({process(1, QStringLiteral("init"), QStringLiteral("root"), 100),
                           process(5, QStringLiteral("a"), QStringLiteral("root"), 100),
                           process(10, QStringLiteral("b"), QStringLiteral("root"), 100),
                           process(20, QStringLiteral("survivor"), QStringLiteral("bob"), 100),
                           process(30, QStringLiteral("c"), QStringLiteral("root"), 100)},
                          MemTotalKb);
    const QPersistentModelIndex survivor = m_model->index(3, ProcessListModel::ResColumn);
    const QPersistentModelIndex survivorInProxy = m_proxy->mapFromSource(survivor);
    QCOMPARE(survivor.data(ModelRoles::PidRole).toInt(), 20);

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

    // 5 and 10 exit; 7, 8, 25 and 40 start; 20 grows; 1 and 30 stay the same.
    m_model->setProcesses({process(40, QStringLiteral("d"), QStringLiteral("root"), 100),
                           process(1, QStringLiteral("init"), QStringLiteral("root"), 100),
                           process(7, QStringLiteral("e"), QStringLiteral("root"), 100),
                           process(8, QStringLiteral("f"), QStringLiteral("root"), 100),
                           process(20, QStringLiteral("survivor"), QStringLiteral("bob"), 2048),
                           process(25, QStringLiteral("g"), QStringLiteral("root"), 100),
                           process(30, QStringLiteral("c"), QStringLiteral("root"), 100)},
                          MemTotalKb);

    QCOMPARE(pidsOf(*m_model), QList<int>({1, 7, 8, 20, 25, 30, 40}));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(removed.count(), 1); // 5 and 10 are one run
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.count(), 3); // 7+8, 25, 40
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 4);
    QCOMPARE(inserted.at(2).at(1).toInt(), 6);
    QCOMPARE(changed.count(), 1); // only pid 20
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 3);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);

    QVERIFY(survivor.isValid());
    QCOMPARE(survivor.row(), 3);
    QCOMPARE(survivor.data(ModelRoles::PidRole).toInt(), 20);
    QCOMPARE(survivor.data(ModelRoles::RawValueRole).toULongLong(), 2048ull);
    QVERIFY(survivorInProxy.isValid());
    QCOMPARE(survivorInProxy.data(ModelRoles::PidRole).toInt(), 20);

    // Everything exits.
    m_model->setProcesses({}, MemTotalKb);
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!survivor.isValid());
    QCOMPARE(reset.count(), 0);
}

void TestProcessListModel::unchangedRefreshEmitsNothing()
{
    const QList<ProcessInfo> processes = {process(1, QStringLiteral("init"), QStringLiteral("root"), 100),
                                          process(2, QStringLiteral("a"), QStringLiteral("root"), 200)};
    m_model->setProcesses(processes, MemTotalKb);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->setProcesses(processes, MemTotalKb);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TestProcessListModel::memTotalChangeUpdatesEveryRow()
{
    const QList<ProcessInfo> processes = {process(1, QStringLiteral("init"), QStringLiteral("root"), 100),
                                          process(2, QStringLiteral("a"), QStringLiteral("root"), 200),
                                          process(3, QStringLiteral("b"), QStringLiteral("root"), 300)};
    m_model->setProcesses(processes, 0);
    QVERIFY(!m_model->index(2, ProcessListModel::MemPercentColumn).data().isValid()); // no MemTotal, no %MEM
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setProcesses(processes, 1000);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    QCOMPARE(m_model->index(2, ProcessListModel::MemPercentColumn).data().toString(), QStringLiteral("30.0"));
}

void TestProcessListModel::rollupValuesAndErrors()
{
    m_model->setProcesses({process(10, QStringLiteral("mine"), QStringLiteral("alice"), 4096),
                           process(11, QStringLiteral("theirs"), QStringLiteral("root"), 4096)},
                          MemTotalKb);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setRollup(10, rollup(3072, 1024, 512, 20));
    QCOMPARE(changed.count(), 1);
    const auto cell = [this](int row, int column, int role) { return m_model->index(row, column).data(role); };
    QCOMPARE(cell(0, ProcessListModel::PssColumn, Qt::DisplayRole).toString(), QStringLiteral("3.0 MiB"));
    QCOMPARE(cell(0, ProcessListModel::PssColumn, ModelRoles::RawValueRole).toULongLong(), 3072ull);
    QCOMPARE(cell(0, ProcessListModel::UssColumn, Qt::DisplayRole).toString(), QStringLiteral("1.5 MiB"));
    QCOMPARE(cell(0, ProcessListModel::UssColumn, ModelRoles::RawValueRole).toULongLong(), 1536ull);
    QCOMPARE(cell(0, ProcessListModel::SwapColumn, Qt::DisplayRole).toString(), QStringLiteral("20 KiB"));
    QVERIFY(!cell(0, ProcessListModel::PssColumn, ModelRoles::RowErrorRole).isValid());
    QVERIFY(m_model->rollupAt(0).has_value());

    const QString why = QStringLiteral("/proc/11/smaps_rollup: permission denied");
    m_model->setRollupError(11, why);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!cell(1, ProcessListModel::PssColumn, ModelRoles::RawValueRole).isValid());
    QCOMPARE(cell(1, ProcessListModel::PidColumn, ModelRoles::RowErrorRole).toString(), why);
    QVERIFY(cell(1, ProcessListModel::PssColumn, Qt::ToolTipRole).toString().contains(why));

    // Results for processes that have gone are ignored.
    m_model->setRollup(99, rollup(1, 1, 1, 1));
    m_model->setRollupError(99, why);
    QCOMPARE(changed.count(), 2);
}

void TestProcessListModel::pidsNeedingRollup()
{
    const QList<ProcessInfo> processes = {kernelThread(2, QStringLiteral("kthreadd")),
                                          process(10, QStringLiteral("a"), QStringLiteral("alice"), 100),
                                          process(11, QStringLiteral("b"), QStringLiteral("alice"), 100),
                                          process(12, QStringLiteral("c"), QStringLiteral("root"), 100)};
    m_model->setProcesses(processes, MemTotalKb);
    QCOMPARE(m_model->pidsNeedingRollup(0, 3), QList<int>({10, 11, 12})); // never the kernel thread
    QCOMPARE(m_model->pidsNeedingRollup(2, 3), QList<int>({11, 12}));
    QCOMPARE(m_model->pidsNeedingRollup(-5, 100), QList<int>({10, 11, 12}));

    m_model->setRollup(10, rollup(50, 10, 10, 0));
    m_model->setRollupError(12, QStringLiteral("permission denied"));
    QCOMPARE(m_model->pidsNeedingRollup(0, 3), QList<int>({11}));

    // A new snapshot makes the rollup stale (it is still shown until read again); errors stay final.
    m_model->setProcesses(processes, MemTotalKb);
    QCOMPARE(m_model->pidsNeedingRollup(0, 3), QList<int>({10, 11}));
    QCOMPARE(m_model->index(1, ProcessListModel::PssColumn).data(ModelRoles::RawValueRole).toULongLong(), 50ull);
    m_model->setRollup(10, rollup(60, 10, 10, 0));
    QCOMPARE(m_model->pidsNeedingRollup(0, 3), QList<int>({11}));
}

void TestProcessListModel::execDropsRollup()
{
    ProcessInfo shell = process(10, QStringLiteral("bash"), QStringLiteral("alice"), 100);
    m_model->setProcesses({shell}, MemTotalKb);
    m_model->setRollupError(10, QStringLiteral("permission denied"));
    QVERIFY(m_model->pidsNeedingRollup(0, 0).isEmpty());

    // The same pid now runs another program: the old rollup state says nothing about it.
    ProcessInfo exec = process(10, QStringLiteral("vim"), QStringLiteral("alice"), 100);
    m_model->setProcesses({exec}, MemTotalKb);
    QCOMPARE(m_model->pidsNeedingRollup(0, 0), QList<int>({10}));
    QVERIFY(!m_model->index(0, 0).data(ModelRoles::RowErrorRole).isValid());
}

void TestProcessListModel::proxyFilter_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<int>>("expectedPids");

    QTest::newRow("empty") << QString() << QList<int>({42, 420, 1420, 2000});
    QTest::newRow("command substring, any case") << QStringLiteral("FIREfox") << QList<int>({420});
    QTest::newRow("argument") << QStringLiteral("--flag") << QList<int>({42, 420, 1420});
    QTest::newRow("user") << QStringLiteral("bob") << QList<int>({1420});
    QTest::newRow("pid exactly") << QStringLiteral("42") << QList<int>({42});
    QTest::newRow("pid with spaces") << QStringLiteral(" 1420 ") << QList<int>({1420});
    QTest::newRow("kernel thread by name") << QStringLiteral("[kswap") << QList<int>({2000});
    QTest::newRow("nothing") << QStringLiteral("emacs") << QList<int>();
}

void TestProcessListModel::proxyFilter()
{
    QFETCH(QString, search);
    QFETCH(QList<int>, expectedPids);

    m_model->setProcesses({process(42, QStringLiteral("sshd"), QStringLiteral("root"), 100),
                           process(420, QStringLiteral("firefox"), QStringLiteral("alice"), 100),
                           process(1420, QStringLiteral("make"), QStringLiteral("bob"), 100),
                           kernelThread(2000, QStringLiteral("kswapd0"))},
                          MemTotalKb);
    m_proxy->sort(ProcessListModel::PidColumn, Qt::AscendingOrder);
    m_proxy->setSearchText(search);
    QCOMPARE(pidsOf(*m_proxy), expectedPids);

    // The filter holds for rows that arrive later.
    ProcessInfo late = process(4200, QStringLiteral("firefox-bin"), QStringLiteral("carol"), 100);
    m_model->setProcesses({process(42, QStringLiteral("sshd"), QStringLiteral("root"), 100),
                           process(420, QStringLiteral("firefox"), QStringLiteral("alice"), 100),
                           process(1420, QStringLiteral("make"), QStringLiteral("bob"), 100),
                           kernelThread(2000, QStringLiteral("kswapd0")), late},
                          MemTotalKb);
    const bool lateMatches = search.isEmpty() || search.contains(QStringLiteral("flag"), Qt::CaseInsensitive)
        || search.contains(QStringLiteral("fox"), Qt::CaseInsensitive);
    if (lateMatches)
        expectedPids.append(4200);
    QCOMPARE(pidsOf(*m_proxy), expectedPids);
}

void TestProcessListModel::proxySortsNumerically()
{
    // As text "100.0 MiB" < "2.0 GiB" < "512 KiB" < "9 KiB"; as numbers the other way round.
    m_model->setProcesses({process(1, QStringLiteral("a"), QStringLiteral("u"), 100 * 1024),
                           process(2, QStringLiteral("b"), QStringLiteral("u"), 2 * 1024 * 1024),
                           process(3, QStringLiteral("c"), QStringLiteral("u"), 512),
                           process(4, QStringLiteral("d"), QStringLiteral("u"), 9)},
                          MemTotalKb);
    m_proxy->sort(ProcessListModel::ResColumn, Qt::AscendingOrder);
    QCOMPARE(pidsOf(*m_proxy), QList<int>({4, 3, 1, 2}));
    m_proxy->sort(ProcessListModel::ResColumn, Qt::DescendingOrder);
    QCOMPARE(pidsOf(*m_proxy), QList<int>({2, 1, 3, 4}));

    // A refresh that changes RES moves the row (dynamic sort) without resetting the proxy.
    QSignalSpy reset(m_proxy.get(), &QAbstractItemModel::modelReset);
    m_model->setProcesses({process(1, QStringLiteral("a"), QStringLiteral("u"), 100 * 1024),
                           process(2, QStringLiteral("b"), QStringLiteral("u"), 2 * 1024 * 1024),
                           process(3, QStringLiteral("c"), QStringLiteral("u"), 512),
                           process(4, QStringLiteral("d"), QStringLiteral("u"), 4 * 1024 * 1024)},
                          MemTotalKb);
    QCOMPARE(pidsOf(*m_proxy), QList<int>({4, 2, 1, 3}));
    QCOMPARE(reset.count(), 0);

    // Rows without a rollup sort after those with one.
    m_model->setRollup(3, rollup(10, 1, 1, 0));
    m_model->setRollup(1, rollup(5, 1, 1, 0));
    m_proxy->sort(ProcessListModel::PssColumn, Qt::AscendingOrder);
    QCOMPARE(pidsOf(*m_proxy).mid(0, 2), QList<int>({1, 3}));
}

void TestProcessListModel::proxyPidsNeedingRollup()
{
    m_model->setProcesses({process(1, QStringLiteral("a"), QStringLiteral("u"), 300),
                           process(2, QStringLiteral("b"), QStringLiteral("u"), 100),
                           process(3, QStringLiteral("c"), QStringLiteral("u"), 200)},
                          MemTotalKb);
    m_proxy->sort(ProcessListModel::ResColumn, Qt::DescendingOrder); // 1, 3, 2
    m_model->setRollup(3, rollup(10, 1, 1, 0));
    QCOMPARE(m_proxy->pidsNeedingRollup(0, 1), QList<int>({1}));
    QCOMPARE(m_proxy->pidsNeedingRollup(0, 99), QList<int>({1, 2}));
}

void TestProcessListModel::proxyTotalsOfShownRows()
{
    m_model->setProcesses({process(1, QStringLiteral("bash"), QStringLiteral("u"), 300),
                           process(2, QStringLiteral("bash"), QStringLiteral("u"), 100),
                           process(3, QStringLiteral("vim"), QStringLiteral("u"), 200)},
                          MemTotalKb);
    m_model->setRollup(1, rollup(120, 1, 1, 0));
    m_model->setRollup(3, rollup(70, 1, 1, 0));
    m_proxy->setSearchText(QStringLiteral("bash"));
    const ProcessFilterProxyModel::Totals totals = m_proxy->shownTotals();
    QCOMPARE(totals.rows, 2);
    QCOMPARE(totals.resKb, quint64(400));
    QCOMPARE(totals.shrKb, quint64(150 + 50));
    QCOMPARE(totals.pssKb, quint64(120)); // vim's 70 is filtered out, pid 2 has no rollup yet
    QCOMPARE(totals.rowsWithPss, 1);
}

void TestProcessListModel::refresherReadsFixtureTree()
{
    const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash");
    if (!QFile::exists(root + QStringLiteral("/meminfo")))
        QSKIP("fixture tree tests/data/trees/bash is missing");
    auto source = std::make_shared<const TreeProcSource>(root);
    const QList<int> pids = source->pids();
    QVERIFY(pids.size() >= 2);

    ProcessListRefresher refresher(source);
    QSignalSpy read(&refresher, &ProcessListRefresher::processesRead);
    QVERIFY(refresher.refresh());
    QVERIFY(refresher.isRefreshing());
    QVERIFY(!refresher.refresh()); // one at a time
    QVERIFY(read.wait(10000));
    QVERIFY(!refresher.isRefreshing());
    QCOMPARE(read.count(), 1);

    const auto processes = read.at(0).at(0).value<QList<ProcessInfo>>();
    const quint64 memTotal = read.at(0).at(1).toULongLong();
    QCOMPARE(memTotal, fixtureValue(root + QStringLiteral("/meminfo"), "MemTotal"));
    QCOMPARE(processes.size(), pids.size());
    m_model->setProcesses(processes, memTotal);
    QCOMPARE(pidsOf(*m_model), pids);
    const int pid = pids.first();
    const QString pidDir = root + QLatin1Char('/') + QString::number(pid);
    QCOMPARE(m_model->index(0, ProcessListModel::ResColumn).data(ModelRoles::RawValueRole).toULongLong(),
             fixtureValue(pidDir + QStringLiteral("/status"), "VmRSS"));

    // Rollups: the fixture's values for a recorded pid, the source's message for one that is not there.
    QSignalSpy rollupRead(&refresher, &ProcessListRefresher::rollupRead);
    QSignalSpy rollupFailed(&refresher, &ProcessListRefresher::rollupFailed);
    connect(&refresher, &ProcessListRefresher::rollupRead, m_model.get(), &ProcessListModel::setRollup);
    connect(&refresher, &ProcessListRefresher::rollupFailed, m_model.get(), &ProcessListModel::setRollupError);
    refresher.requestRollups({pid, pid, 999999});
    QTRY_COMPARE_WITH_TIMEOUT(rollupRead.count() + rollupFailed.count(), 2, 10000);
    QCOMPARE(rollupRead.count(), 1);
    QCOMPARE(rollupRead.at(0).at(0).toInt(), pid);
    QCOMPARE(rollupFailed.at(0).at(0).toInt(), 999999);
    QVERIFY2(rollupFailed.at(0).at(1).toString().contains(QStringLiteral("999999/smaps_rollup")),
             qPrintable(rollupFailed.at(0).at(1).toString()));
    QCOMPARE(m_model->index(0, ProcessListModel::PssColumn).data(ModelRoles::RawValueRole).toULongLong(),
             fixtureValue(pidDir + QStringLiteral("/smaps_rollup"), "Pss"));
    QVERIFY(!m_model->needsRollup(0));
}

QTEST_GUILESS_MAIN(TestProcessListModel)
#include "tst_processlistmodel.moc"
