#include "mappingmodel.h"
#include "modelroles.h"
#include "processmappingsloader.h"
#include "treeprocsource.h"
#include "units.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {
Mapping mapping(quint64 start, quint64 end, const char *perms, quint64 offset, quint32 major, quint32 minor,
                quint64 inode, const QString &path)
{
    Mapping m;
    m.start = start;
    m.end = end;
    m.readable = perms[0] == 'r';
    m.writable = perms[1] == 'w';
    m.executable = perms[2] == 'x';
    m.shared = perms[3] == 's';
    m.offset = offset;
    m.deviceMajor = major;
    m.deviceMinor = minor;
    m.inode = inode;
    m.path = path;
    return m;
}

QList<Mapping> handMadeMappings()
{
    Mapping shm = mapping(0x7f0000000000, 0x7f0000100000, "rw-s", 0, 0, 5, 77, QStringLiteral("/dev/shm/x"));
    shm.deleted = true;
    return {mapping(0x555555554000, 0x555555556000, "r--p", 0, 0xfd, 1, 1234, QStringLiteral("/usr/bin/app")),
            mapping(0x555555556000, 0x55555555a000, "r-xp", 0x2000, 0xfd, 1, 1234, QStringLiteral("/usr/bin/app")),
            mapping(0x555555560000, 0x555555581000, "rw-p", 0, 0, 0, 0, QStringLiteral("[heap]")),
            shm,
            mapping(0xffffffffff600000, 0xffffffffff601000, "--xp", 0, 0, 0, 0, QStringLiteral("[vsyscall]"))};
}

QList<SegmentClassification> handMadeClasses()
{
    return {{SegmentKind::ReadOnlyData, false},
            {SegmentKind::Code, false},
            {SegmentKind::Heap, false},
            {SegmentKind::SharedMemory, false},
            {SegmentKind::Vsyscall, true}};
}

// smaps entries for the hand-made mappings: Rss = 4 kB * (row + 1), Pss = half of it, and so on.
QList<SmapsEntry> handMadeSmaps(const QList<Mapping> &mappings)
{
    QList<SmapsEntry> entries;
    for (qsizetype i = 0; i < mappings.size(); ++i) {
        SmapsEntry entry;
        entry.mapping = mappings.at(i);
        entry.set(SmapsEntry::Size, mappings.at(i).size() / 1024);
        entry.set(SmapsEntry::KernelPageSize, 4);
        entry.set(SmapsEntry::Rss, 4 * quint64(i + 1));
        entry.set(SmapsEntry::Pss, 2 * quint64(i + 1));
        entry.set(SmapsEntry::Private_Clean, 1024);
        entry.set(SmapsEntry::Private_Dirty, quint64(i));
        entry.thpEligible = i % 2 == 0;
        entry.protectionKey = 0;
        entry.vmFlags = {"rd", "wr", "mr"};
        entries.append(entry);
    }
    return entries;
}

QList<QByteArray> nonEmptyLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

// "start-end ..." of a maps or smaps header line.
QPair<quint64, quint64> rangeOfLine(const QByteArray &line)
{
    const QList<QByteArray> bounds = line.left(line.indexOf(' ')).split('-');
    return {bounds.value(0).toULongLong(nullptr, 16), bounds.value(1).toULongLong(nullptr, 16)};
}

// The value of key in the smaps entry whose header line contains pathNeedle, read from the text by hand.
quint64 smapsValue(const QString &smapsPath, const QByteArray &pathNeedle, const QByteArray &key)
{
    bool inEntry = false;
    for (const QByteArray &line : nonEmptyLines(smapsPath)) {
        const bool header = !line.left(line.indexOf(' ')).endsWith(':'); // key lines start "Key:"
        if (header)
            inEntry = line.endsWith(pathNeedle);
        else if (inEntry && line.startsWith(QByteArray(key + ':')))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toULongLong();
    }
    return 0;
}

QString displayed(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

QVariant raw(const QAbstractItemModel &model, int row, int column)
{
    return model.index(row, column).data(ModelRoles::RawValueRole);
}
}

class TestMappingModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void columns();
    void mapsCells();
    void smapsFillInPlace();
    void smapsForOtherMappingsReset();
    void rowOfAddress_data();
    void rowOfAddress();
    void proxySortsBySize();
    void clear();
    void loaderReadsFixture();
    void loaderKernelThread();
    void loaderDropsStaleResults();
    void loaderReportsMissingProcess();
    void loaderReportsParseError();

private:
    std::unique_ptr<MappingModel> m_model;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestMappingModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestMappingModel::init()
{
    m_model = std::make_unique<MappingModel>();
    m_proxy = std::make_unique<QSortFilterProxyModel>();
    m_proxy->setSortRole(ModelRoles::RawValueRole);
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMappingModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestMappingModel::columns()
{
    QCOMPARE(MappingModel::columnOfKey(SmapsEntry::Size), -1);
    QCOMPARE(MappingModel::columnOfKey(SmapsEntry::KernelPageSize), int(MappingModel::FirstSmapsKeyColumn));
    QCOMPARE(MappingModel::columnOfKey(SmapsEntry::Locked), MappingModel::UssColumn - 1);
    for (int key = SmapsEntry::KernelPageSize; key < SmapsEntry::KeyCount; ++key) {
        const int column = MappingModel::columnOfKey(SmapsEntry::Key(key));
        QCOMPARE(MappingModel::keyOfColumn(column), std::optional(SmapsEntry::Key(key)));
        QCOMPARE(m_model->headerData(column, Qt::Horizontal).toString(),
                 QString::fromLatin1(SmapsEntry::keyName(SmapsEntry::Key(key))));
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QVERIFY(!MappingModel::keyOfColumn(MappingModel::SegmentColumn));
    QVERIFY(!MappingModel::keyOfColumn(MappingModel::UssColumn));
    for (int column = 0; column < MappingModel::ColumnCount; ++column) {
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
    QCOMPARE(m_model->columnCount(), int(MappingModel::ColumnCount));
}

void TestMappingModel::mapsCells()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setMaps(handMadeMappings(), handMadeClasses());
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 5);
    QVERIFY(!m_model->hasSmaps());
    const MappingModel &model = *m_model;

    QCOMPARE(displayed(model, 1, MappingModel::StartColumn), QStringLiteral("0x555555556000"));
    QCOMPARE(raw(model, 1, MappingModel::StartColumn).toULongLong(), 0x555555556000ull);
    QCOMPARE(displayed(model, 1, MappingModel::EndColumn), QStringLiteral("0x55555555a000"));
    QCOMPARE(displayed(model, 1, MappingModel::SizeColumn), QStringLiteral("16 KiB"));
    QCOMPARE(raw(model, 1, MappingModel::SizeColumn).toULongLong(), 16ull);
    QCOMPARE(displayed(model, 1, MappingModel::PermissionsColumn), QStringLiteral("r-xp"));
    QCOMPARE(displayed(model, 1, MappingModel::OffsetColumn), QStringLiteral("0x00002000"));
    QCOMPARE(raw(model, 1, MappingModel::OffsetColumn).toULongLong(), 0x2000ull);
    QCOMPARE(displayed(model, 1, MappingModel::DeviceColumn), QStringLiteral("fd:01"));
    QCOMPARE(displayed(model, 1, MappingModel::InodeColumn), QStringLiteral("1234"));
    QCOMPARE(displayed(model, 1, MappingModel::PathColumn), QStringLiteral("/usr/bin/app"));
    QCOMPARE(displayed(model, 1, MappingModel::SegmentColumn), Segments::name(SegmentKind::Code));
    QCOMPARE(model.index(1, MappingModel::PathColumn).data(ModelRoles::SegmentKindRole).toInt(), int(SegmentKind::Code));
    const auto range = model.index(1, MappingModel::InodeColumn).data(ModelRoles::AddressRangeRole).value<QPair<quint64, quint64>>();
    QCOMPARE(range.first, 0x555555556000ull);
    QCOMPARE(range.second, 0x55555555a000ull);

    QCOMPARE(displayed(model, 2, MappingModel::SizeColumn), QStringLiteral("132 KiB"));
    QCOMPARE(displayed(model, 2, MappingModel::InodeColumn), QStringLiteral("0"));
    QCOMPARE(displayed(model, 3, MappingModel::SizeColumn), QStringLiteral("1.0 MiB"));
    QCOMPARE(displayed(model, 3, MappingModel::PermissionsColumn), QStringLiteral("rw-s"));
    QCOMPARE(displayed(model, 3, MappingModel::PathColumn), QStringLiteral("/dev/shm/x (deleted)"));
    QCOMPARE(raw(model, 3, MappingModel::PathColumn).toString(), QStringLiteral("/dev/shm/x"));
    QVERIFY(model.index(3, MappingModel::PathColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("deleted")));
    QCOMPARE(displayed(model, 4, MappingModel::StartColumn), QStringLiteral("0xffffffffff600000"));
    QVERIFY(!model.index(4, MappingModel::SegmentColumn).data(Qt::ToolTipRole).toString().isEmpty()); // kernel half
    QVERIFY(model.classificationAt(4).kernelHalf);

    // smaps columns stay empty until smaps arrive.
    for (int column = MappingModel::FirstSmapsKeyColumn; column < MappingModel::ColumnCount; ++column) {
        QVERIFY(!model.index(0, column).data().isValid());
        QVERIFY(!raw(model, 0, column).isValid());
    }
    QVERIFY(!model.smapsAt(0));
    QCOMPARE(model.mappingAt(2).path, QStringLiteral("[heap]"));
    QCOMPARE(model.mappingAt(5), Mapping());
}

void TestMappingModel::smapsFillInPlace()
{
    const QList<Mapping> mappings = handMadeMappings();
    m_model->setMaps(mappings, handMadeClasses());
    const QPersistentModelIndex heap = m_model->index(2, MappingModel::PathColumn);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    m_model->setSmaps(handMadeSmaps(mappings));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), m_model->index(0, MappingModel::FirstSmapsKeyColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex(), m_model->index(4, MappingModel::ColumnCount - 1));
    QVERIFY(heap.isValid());
    QVERIFY(m_model->hasSmaps());

    const MappingModel &model = *m_model;
    const int rss = MappingModel::columnOfKey(SmapsEntry::Rss);
    const int pss = MappingModel::columnOfKey(SmapsEntry::Pss);
    const int pssDirty = MappingModel::columnOfKey(SmapsEntry::Pss_Dirty);
    QCOMPARE(displayed(model, 2, rss), QStringLiteral("12 KiB"));
    QCOMPARE(raw(model, 2, rss).toULongLong(), 12ull);
    QCOMPARE(model.index(2, rss).data(ModelRoles::UnitRole).toString(), QStringLiteral("kB"));
    QCOMPARE(raw(model, 2, pss).toULongLong(), 6ull);
    QVERIFY(!model.index(2, pssDirty).data().isValid()); // absent key: empty, not 0
    QCOMPARE(displayed(model, 2, MappingModel::UssColumn), QStringLiteral("1.0 MiB"));
    QCOMPARE(raw(model, 2, MappingModel::UssColumn).toULongLong(), 1026ull);
    QCOMPARE(displayed(model, 2, MappingModel::ThpEligibleColumn), QStringLiteral("yes"));
    QCOMPARE(displayed(model, 1, MappingModel::ThpEligibleColumn), QStringLiteral("no"));
    QCOMPARE(displayed(model, 2, MappingModel::ProtectionKeyColumn), QStringLiteral("0"));
    QCOMPARE(displayed(model, 2, MappingModel::VmFlagsColumn), QStringLiteral("rd wr mr"));
    const QString flagsTip = model.index(2, MappingModel::VmFlagsColumn).data(Qt::ToolTipRole).toString();
    QCOMPARE(flagsTip.count(QLatin1Char('\n')), 2);
    QVERIFY2(flagsTip.startsWith(QStringLiteral("rd: ")), qPrintable(flagsTip));
    QCOMPARE(model.smapsAt(2)->value(SmapsEntry::Rss), 12ull);
}

void TestMappingModel::smapsForOtherMappingsReset()
{
    QList<Mapping> mappings = handMadeMappings();
    m_model->setMaps(mappings, handMadeClasses());
    // Between the two reads the process mapped something new below the shm mapping.
    mappings.insert(3, mapping(0x7e0000000000, 0x7e0000001000, "rw-p", 0, 0, 0, 0, QString()));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setSmaps(handMadeSmaps(mappings));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 6);
    QCOMPARE(m_model->mappingAt(3).start, 0x7e0000000000ull);
    QCOMPARE(raw(*m_model, 3, MappingModel::columnOfKey(SmapsEntry::Rss)).toULongLong(), 16ull);
    QCOMPARE(m_model->classificationAt(2).kind, SegmentKind::Heap);
    QCOMPARE(m_model->classificationAt(1).kind, SegmentKind::Code);
}

void TestMappingModel::rowOfAddress_data()
{
    QTest::addColumn<quint64>("address");
    QTest::addColumn<int>("row");
    QTest::newRow("below everything") << quint64(0x1000) << -1;
    QTest::newRow("first start") << quint64(0x555555554000) << 0;
    QTest::newRow("last byte of first") << quint64(0x555555555fff) << 0;
    QTest::newRow("end is the next start") << quint64(0x555555556000) << 1;
    QTest::newRow("gap after code") << quint64(0x55555555a000) << -1;
    QTest::newRow("inside heap") << quint64(0x555555570123) << 2;
    QTest::newRow("shm") << quint64(0x7f00000fffff) << 3;
    QTest::newRow("non-canonical hole") << quint64(0x0000800000000000) << -1;
    QTest::newRow("vsyscall") << quint64(0xffffffffff600800) << 4;
    QTest::newRow("top") << quint64(0xffffffffffffffff) << -1;
}

void TestMappingModel::rowOfAddress()
{
    QFETCH(quint64, address);
    QFETCH(int, row);
    QCOMPARE(m_model->rowOfAddress(address), -1);
    m_model->setMaps(handMadeMappings(), handMadeClasses());
    QCOMPARE(m_model->rowOfAddress(address), row);
}

void TestMappingModel::proxySortsBySize()
{
    m_model->setMaps(handMadeMappings(), handMadeClasses());
    m_proxy->sort(MappingModel::SizeColumn, Qt::DescendingOrder);
    QList<quint64> starts;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        starts.append(raw(*m_proxy, row, MappingModel::StartColumn).toULongLong());
    // 1 MiB, 132 KiB, 16 KiB, 8 KiB, 4 KiB: by number, not by the text "132 KiB" < "16 KiB" < "4 KiB"
    QCOMPARE(starts, QList<quint64>({0x7f0000000000, 0x555555560000, 0x555555556000, 0x555555554000,
                                     0xffffffffff600000}));
    m_model->setSmaps(handMadeSmaps(handMadeMappings()));
    m_proxy->sort(MappingModel::columnOfKey(SmapsEntry::Rss), Qt::DescendingOrder);
    QCOMPARE(raw(*m_proxy, 0, MappingModel::StartColumn).toULongLong(), 0xffffffffff600000ull);
}

void TestMappingModel::clear()
{
    m_model->setMaps(handMadeMappings(), handMadeClasses());
    m_model->setSmaps(handMadeSmaps(handMadeMappings()));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->hasSmaps());
    QCOMPARE(m_model->rowOfAddress(0x555555554000), -1);
}

void TestMappingModel::loaderReadsFixture()
{
    const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep");
    auto source = std::make_shared<const TreeProcSource>(root);
    const QList<int> pids = source->pids();
    if (pids.isEmpty())
        QSKIP("fixture tree tests/data/trees/sleep is missing");
    const int pid = pids.first();
    const QString dir = root + QLatin1Char('/') + QString::number(pid);
    const QList<QByteArray> mapsLines = nonEmptyLines(dir + QStringLiteral("/maps"));
    qsizetype heapLine = -1;
    for (qsizetype i = 0; i < mapsLines.size(); ++i) {
        if (mapsLines.at(i).endsWith("[heap]"))
            heapLine = i;
    }
    QVERIFY(heapLine >= 0);
    const auto heapRange = rangeOfLine(mapsLines.at(heapLine));

    ProcessMappingsLoader loader;
    connect(&loader, &ProcessMappingsLoader::mapsLoaded, m_model.get(),
            [this](int, const QList<Mapping> &mappings, const QList<SegmentClassification> &classes) {
                m_model->setMaps(mappings, classes);
            });
    connect(&loader, &ProcessMappingsLoader::smapsLoaded, m_model.get(),
            [this](int, const QList<SmapsEntry> &entries) { m_model->setSmaps(entries); });
    QSignalSpy mapsLoaded(&loader, &ProcessMappingsLoader::mapsLoaded);
    QSignalSpy smapsLoaded(&loader, &ProcessMappingsLoader::smapsLoaded);
    QSignalSpy failed(&loader, &ProcessMappingsLoader::loadFailed);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    loader.load(source, pid);
    QVERIFY(loader.isLoading());
    QCOMPARE(loader.pid(), pid);
    QVERIFY(smapsLoaded.wait(10000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(!loader.isLoading());
    QCOMPARE(mapsLoaded.count(), 1);
    QCOMPARE(mapsLoaded.at(0).at(0).toInt(), pid);
    QCOMPARE(smapsLoaded.at(0).at(0).toInt(), pid);
    QCOMPARE(reset.count(), 1); // smaps matched the maps: filled in place

    QCOMPARE(m_model->rowCount(), int(mapsLines.size()));
    const int row = m_model->rowOfAddress(heapRange.first);
    QCOMPARE(row, int(heapLine));
    QCOMPARE(displayed(*m_model, row, MappingModel::StartColumn), Units::formatAddress(heapRange.first));
    QCOMPARE(raw(*m_model, row, MappingModel::EndColumn).toULongLong(), heapRange.second);
    QCOMPARE(raw(*m_model, row, MappingModel::SizeColumn).toULongLong(), (heapRange.second - heapRange.first) / 1024);
    QCOMPARE(displayed(*m_model, row, MappingModel::PermissionsColumn), QStringLiteral("rw-p"));
    QCOMPARE(displayed(*m_model, row, MappingModel::PathColumn), QStringLiteral("[heap]"));
    QCOMPARE(m_model->index(row, 0).data(ModelRoles::SegmentKindRole).toInt(), int(SegmentKind::Heap));
    const QString smapsPath = dir + QStringLiteral("/smaps");
    QCOMPARE(raw(*m_model, row, MappingModel::columnOfKey(SmapsEntry::Rss)).toULongLong(),
             smapsValue(smapsPath, "[heap]", "Rss"));
    QCOMPARE(raw(*m_model, row, MappingModel::columnOfKey(SmapsEntry::Pss)).toULongLong(),
             smapsValue(smapsPath, "[heap]", "Pss"));
    QCOMPARE(raw(*m_model, row, MappingModel::columnOfKey(SmapsEntry::Private_Dirty)).toULongLong(),
             smapsValue(smapsPath, "[heap]", "Private_Dirty"));
}

void TestMappingModel::loaderKernelThread()
{
    const QString root = QStringLiteral(MEMATLAS_TEST_DATA "/trees/kthread");
    auto source = std::make_shared<const TreeProcSource>(root);
    const QList<int> pids = source->pids();
    if (pids.isEmpty())
        QSKIP("fixture tree tests/data/trees/kthread is missing");
    ProcessMappingsLoader loader;
    QSignalSpy mapsLoaded(&loader, &ProcessMappingsLoader::mapsLoaded);
    QSignalSpy smapsLoaded(&loader, &ProcessMappingsLoader::smapsLoaded);
    QSignalSpy failed(&loader, &ProcessMappingsLoader::loadFailed);
    loader.load(source, pids.first());
    QVERIFY(smapsLoaded.wait(10000));
    QCOMPARE(failed.count(), 0);
    QVERIFY(mapsLoaded.at(0).at(1).value<QList<Mapping>>().isEmpty());
    QVERIFY(smapsLoaded.at(0).at(1).value<QList<SmapsEntry>>().isEmpty());
}

void TestMappingModel::loaderDropsStaleResults()
{
    const auto first = std::make_shared<const TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/bash"));
    const auto second = std::make_shared<const TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep"));
    if (first->pids().isEmpty() || second->pids().isEmpty())
        QSKIP("fixture trees bash and sleep are missing");
    const int stalePid = first->pids().first();
    const int pid = second->pids().first();
    QVERIFY(stalePid != pid);

    ProcessMappingsLoader loader;
    QSignalSpy mapsLoaded(&loader, &ProcessMappingsLoader::mapsLoaded);
    QSignalSpy smapsLoaded(&loader, &ProcessMappingsLoader::smapsLoaded);
    QSignalSpy failed(&loader, &ProcessMappingsLoader::loadFailed);
    loader.load(first, stalePid);
    loader.load(second, pid);
    QVERIFY(smapsLoaded.wait(10000));
    QTest::qWait(300); // time for the stale request's reads to finish too
    QCOMPARE(mapsLoaded.count(), 1);
    QCOMPARE(mapsLoaded.at(0).at(0).toInt(), pid);
    QCOMPARE(smapsLoaded.count(), 1);
    QCOMPARE(smapsLoaded.at(0).at(0).toInt(), pid);
    QCOMPARE(failed.count(), 0);

    // cancel() silences the current request as well.
    loader.load(second, pid);
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QTest::qWait(300);
    QCOMPARE(mapsLoaded.count(), 1);
}

void TestMappingModel::loaderReportsMissingProcess()
{
    const auto source = std::make_shared<const TreeProcSource>(QStringLiteral(MEMATLAS_TEST_DATA "/trees/sleep"));
    ProcessMappingsLoader loader;
    QSignalSpy mapsLoaded(&loader, &ProcessMappingsLoader::mapsLoaded);
    QSignalSpy failed(&loader, &ProcessMappingsLoader::loadFailed);
    loader.load(source, 999999);
    QVERIFY(failed.wait(10000));
    QCOMPARE(mapsLoaded.count(), 0);
    QCOMPARE(failed.at(0).at(0).toInt(), 999999);
    QCOMPARE(failed.at(0).at(1).value<ReadResult::Status>(), ReadResult::Status::ProcessExited);
    const QString message = failed.at(0).at(2).toString();
    QVERIFY2(message.contains(QStringLiteral("999999/maps")), qPrintable(message));
    QVERIFY(!loader.isLoading());
}

void TestMappingModel::loaderReportsParseError()
{
    QTemporaryDir tree;
    QVERIFY(tree.isValid());
    QVERIFY(QDir(tree.path()).mkpath(QStringLiteral("77")));
    QFile maps(tree.path() + QStringLiteral("/77/maps"));
    QVERIFY(maps.open(QIODevice::WriteOnly));
    maps.write("00400000-00401000 r-xp 00000000 08:01 42 /bin/x\n"
               "zz-this is not a mapping\n");
    maps.close();

    ProcessMappingsLoader loader;
    QSignalSpy mapsLoaded(&loader, &ProcessMappingsLoader::mapsLoaded);
    QSignalSpy smapsLoaded(&loader, &ProcessMappingsLoader::smapsLoaded);
    QSignalSpy failed(&loader, &ProcessMappingsLoader::loadFailed);
    loader.load(std::make_shared<const TreeProcSource>(tree.path()), 77);
    QVERIFY(failed.wait(10000));
    // What parsed before the bad line still comes, then the error naming file and line.
    QCOMPARE(mapsLoaded.count(), 1);
    const auto mappings = mapsLoaded.at(0).at(1).value<QList<Mapping>>();
    QCOMPARE(mappings.size(), 1);
    QCOMPARE(mappings.at(0).start, 0x400000ull);
    QCOMPARE(mapsLoaded.at(0).at(2).value<QList<SegmentClassification>>().size(), 1);
    QCOMPARE(failed.at(0).at(1).value<ReadResult::Status>(), ReadResult::Status::Ok);
    const QString message = failed.at(0).at(2).toString();
    QVERIFY2(message.contains(QStringLiteral("77/maps: line 2")), qPrintable(message));
    QCOMPARE(smapsLoaded.count(), 0);
    QVERIFY(!loader.isLoading());
}

QTEST_GUILESS_MAIN(TestMappingModel)
#include "tst_mappingmodel.moc"
