#include "kpageflags.h"
#include "pageentry.h"

#include <QTest>

class TestPageEntry : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void flagName_data();
    void flagName();
    void flagNames_data();
    void flagNames();
};

void TestPageEntry::decode_data()
{
    QTest::addColumn<quint64>("raw");
    // present, swapped, fileOrSharedAnon, guardRegion, uffdWriteProtected, exclusive, softDirty
    QTest::addColumn<QList<bool>>("flags");
    QTest::addColumn<quint64>("pfn");
    QTest::addColumn<quint32>("swapType");
    QTest::addColumn<quint64>("swapOffset");

    QTest::newRow("not mapped") << quint64(0) << QList<bool>{false, false, false, false, false, false, false}
                                << quint64(0) << 0u << quint64(0);
    QTest::newRow("present anon, exclusive, soft-dirty") << quint64(0x8180000000012345)
                                                         << QList<bool>{true, false, false, false, false, true, true}
                                                         << quint64(0x12345) << 0u << quint64(0);
    QTest::newRow("present file page") << quint64(0xa000000000000abc)
                                       << QList<bool>{true, false, true, false, false, false, false}
                                       << quint64(0xabc) << 0u << quint64(0);
    // Without CAP_SYS_ADMIN the PFN reads 0 while the flags stay.
    QTest::newRow("present, PFN hidden") << quint64(0xa100000000000000)
                                         << QList<bool>{true, false, true, false, false, true, false}
                                         << quint64(0) << 0u << quint64(0);
    QTest::newRow("largest PFN") << quint64(0x807fffffffffffff)
                                 << QList<bool>{true, false, false, false, false, false, false}
                                 << quint64(0x7fffffffffffff) << 0u << quint64(0);
    // type 3, offset 0x1234: (0x1234 << 5) | 3 = 0x24683
    QTest::newRow("swapped") << quint64(0x4000000000024683) << QList<bool>{false, true, false, false, false, false, false}
                             << quint64(0) << 3u << quint64(0x1234);
    QTest::newRow("swapped, largest type and offset") << quint64(0x40ffffffffffffff)
                                                      << QList<bool>{false, true, false, false, false, false, true}
                                                      << quint64(0) << 31u << quint64(0x3ffffffffffff);
    QTest::newRow("uffd-wp") << quint64(0x8200000000000001) << QList<bool>{true, false, false, false, true, false, false}
                             << quint64(1) << 0u << quint64(0);
    QTest::newRow("guard region") << quint64(0x0400000000000000)
                                  << QList<bool>{false, false, false, true, false, false, false}
                                  << quint64(0) << 0u << quint64(0);
    QTest::newRow("zero bits 59-60 ignored") << quint64(0x1800000000000000)
                                             << QList<bool>{false, false, false, false, false, false, false}
                                             << quint64(0) << 0u << quint64(0);
    QTest::newRow("all ones") << ~quint64(0) << QList<bool>{true, true, true, true, true, true, true}
                              << quint64(0x7fffffffffffff) << 0u << quint64(0);
}

void TestPageEntry::decode()
{
    QFETCH(quint64, raw);
    const PageEntry e = PageEntry::decode(raw);
    QCOMPARE(e.raw, raw);
    QTEST((QList<bool>{e.present, e.swapped, e.fileOrSharedAnon, e.guardRegion, e.uffdWriteProtected, e.exclusive,
                       e.softDirty}),
          "flags");
    QTEST(e.pfn, "pfn");
    QTEST(e.swapType, "swapType");
    QTEST(e.swapOffset, "swapOffset");
}

void TestPageEntry::flagName_data()
{
    QTest::addColumn<int>("bit");
    QTest::addColumn<QByteArray>("name");
    const char *const names[] = {"LOCKED", "ERROR", "REFERENCED", "UPTODATE", "DIRTY", "LRU", "ACTIVE",
                                 "SLAB", "WRITEBACK", "RECLAIM", "BUDDY", "MMAP", "ANON", "SWAPCACHE",
                                 "SWAPBACKED", "COMPOUND_HEAD", "COMPOUND_TAIL", "HUGE", "UNEVICTABLE",
                                 "HWPOISON", "NOPAGE", "KSM", "THP", "OFFLINE", "ZERO_PAGE", "IDLE", "PGTABLE"};
    static_assert(std::size(names) == KPageFlags::StableBitCount);
    for (int bit = 0; bit < KPageFlags::StableBitCount; ++bit)
        QTest::addRow("bit %d", bit) << bit << QByteArray(names[bit]);
    QTest::newRow("out of range") << int(KPageFlags::StableBitCount) << QByteArray();
    QTest::newRow("negative") << -1 << QByteArray();
}

void TestPageEntry::flagName()
{
    QFETCH(int, bit);
    QTEST(QByteArray(KPageFlags::name(KPageFlags::Bit(bit))), "name");
}

void TestPageEntry::flagNames_data()
{
    QTest::addColumn<quint64>("flags");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("none") << quint64(0) << QStringList();
    // A typical anonymous page: UPTODATE, LRU, ACTIVE, MMAP, ANON, SWAPBACKED.
    QTest::newRow("anon page") << quint64((1 << 3) | (1 << 5) | (1 << 6) | (1 << 11) | (1 << 12) | (1 << 14))
                               << QStringList{QStringLiteral("UPTODATE"), QStringLiteral("LRU"), QStringLiteral("ACTIVE"),
                                              QStringLiteral("MMAP"), QStringLiteral("ANON"), QStringLiteral("SWAPBACKED")};
    QTest::newRow("free page") << quint64(1 << 10) << QStringList{QStringLiteral("BUDDY")};
    QTest::newRow("first and last stable") << quint64(1 | (1 << 26))
                                           << QStringList{QStringLiteral("LOCKED"), QStringLiteral("PGTABLE")};
    QTest::newRow("unstable bits ignored") << ((quint64(1) << 27) | (quint64(1) << 32) | (quint64(1) << 63) | (1 << 21))
                                           << QStringList{QStringLiteral("KSM")};
}

void TestPageEntry::flagNames()
{
    QFETCH(quint64, flags);
    QTEST(KPageFlags::names(flags), "names");
}

QTEST_APPLESS_MAIN(TestPageEntry)
#include "tst_pageentry.moc"
