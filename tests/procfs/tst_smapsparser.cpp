#include "mapsparser.h"
#include "parsertestdata.h"
#include "smapsparser.h"

#include <QTest>

using Key = SmapsEntry::Key;

class TestSmapsParser : public QObject
{
    Q_OBJECT

private slots:
    void realProcess_data();
    void realProcess();
    void realExactValues();
    void kernelThread();
    void oldKernel();
    void newKeys();
    void truncated_data();
    void truncated();
    void everyTruncation();
    void garbage();
    void errors_data();
    void errors();
    void rollup();
    void rollupErrors_data();
    void rollupErrors();
    void keyNames();
    void vmFlagDescriptions_data();
    void vmFlagDescriptions();
};

// Header lines counted without the parser: the first word of a header is "start-end".
static int countHeaderLines(const QByteArray &text)
{
    int count = 0;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray first = line.split(' ').first();
        if (first.contains('-') && !first.endsWith(':'))
            ++count;
    }
    return count;
}

void TestSmapsParser::realProcess_data()
{
    QTest::addColumn<QString>("process");
    QTest::addColumn<int>("count");
    QTest::newRow("sleep") << QStringLiteral("real/sleep-stopped") << 37;
    QTest::newRow("odd mappings") << QStringLiteral("real/odd-stopped") << 26;
}

void TestSmapsParser::realProcess()
{
    // Recorded from a stopped process, so smaps, smaps_rollup and maps describe the same moment.
    QFETCH(QString, process);
    QByteArray smapsText;
    QByteArray rollupText;
    QByteArray mapsText;
    QVERIFY(readParserFixture(process + QStringLiteral("/smaps"), &smapsText));
    QVERIFY(readParserFixture(process + QStringLiteral("/smaps_rollup"), &rollupText));
    QVERIFY(readParserFixture(process + QStringLiteral("/maps"), &mapsText));

    const auto smaps = SmapsParser::parse(smapsText);
    QVERIFY2(smaps.ok(), qPrintable(smaps.error.toString()));
    QTEST(int(smaps.value.size()), "count");
    QCOMPARE(smaps.value.size(), countHeaderLines(smapsText));

    const auto maps = MapsParser::parse(mapsText);
    QVERIFY(maps.ok());
    QCOMPARE(maps.value.size(), smaps.value.size());
    for (int i = 0; i < maps.value.size(); ++i)
        QCOMPARE(smaps.value[i].mapping, maps.value[i]);

    const auto rollup = SmapsParser::parseRollup(rollupText);
    QVERIFY2(rollup.ok(), qPrintable(rollup.error.toString()));
    QCOMPARE(rollup.value.mapping.path, QStringLiteral("[rollup]"));

    // Page-granular values add up exactly; Pss is rounded down per entry, so the sum may fall short
    // of the rollup's by less than 1 kB an entry.
    const Key exact[] = {SmapsEntry::Rss, SmapsEntry::Shared_Clean, SmapsEntry::Shared_Dirty,
                         SmapsEntry::Private_Clean, SmapsEntry::Private_Dirty, SmapsEntry::Referenced,
                         SmapsEntry::Anonymous, SmapsEntry::Swap, SmapsEntry::Locked};
    for (Key key : exact) {
        quint64 sum = 0;
        for (const SmapsEntry &entry : smaps.value)
            sum += entry.value(key);
        QVERIFY2(sum == rollup.value.value(key), SmapsEntry::keyName(key));
    }
    quint64 pss = 0;
    quint64 size = 0;
    quint64 mappedBytes = 0;
    for (int i = 0; i < smaps.value.size(); ++i) {
        const SmapsEntry &entry = smaps.value[i];
        pss += entry.value(SmapsEntry::Pss);
        size += entry.value(SmapsEntry::Size);
        mappedBytes += maps.value[i].size();
        // Every key of this kernel's smaps, by name; none of them unknown.
        for (int key = 0; key < SmapsEntry::KeyCount; ++key) {
            const bool rollupOnly = key == SmapsEntry::Pss_Anon || key == SmapsEntry::Pss_File || key == SmapsEntry::Pss_Shmem;
            QCOMPARE(entry.has(Key(key)), !rollupOnly);
        }
        QVERIFY(entry.unknown.isEmpty());
        QCOMPARE(entry.thpEligible, std::optional<bool>(false));
        QVERIFY(!entry.protectionKey);
        QVERIFY(!entry.vmFlags.isEmpty());
        for (const QByteArray &flag : entry.vmFlags)
            QVERIFY2(!SmapsEntry::vmFlagDescription(flag).isEmpty(), flag.constData());
    }
    QVERIFY(pss <= rollup.value.value(SmapsEntry::Pss));
    QVERIFY(rollup.value.value(SmapsEntry::Pss) < pss + quint64(smaps.value.size()));
    QCOMPARE(size * 1024, mappedBytes);
    // Pss splits into anon, file and shmem (each rounded down on its own).
    const quint64 split = rollup.value.value(SmapsEntry::Pss_Anon) + rollup.value.value(SmapsEntry::Pss_File)
        + rollup.value.value(SmapsEntry::Pss_Shmem);
    QVERIFY(split <= rollup.value.value(SmapsEntry::Pss) && rollup.value.value(SmapsEntry::Pss) < split + 3);
}

void TestSmapsParser::realExactValues()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/sleep-stopped/smaps"), &text));
    const auto result = SmapsParser::parse(text);
    QVERIFY(result.ok());
    const SmapsEntry &first = result.value.first();
    QCOMPARE(first.mapping.start, quint64(0x5613fd637000));
    QCOMPARE(first.mapping.path, QStringLiteral("/usr/bin/sleep"));
    QCOMPARE(first.value(SmapsEntry::Size), 8u);
    QCOMPARE(first.value(SmapsEntry::Private_Clean), 8u);
    QCOMPARE(first.value(SmapsEntry::Pss_Dirty), 0u);
    QCOMPARE(first.uss(), 8u);
    QCOMPARE(first.vmFlags, (QByteArrayList{"rd", "mr", "mw", "me"}));

    const SmapsEntry &stack = result.value[35];
    QCOMPARE(stack.mapping.path, QStringLiteral("[stack]"));
    QCOMPARE(stack.value(SmapsEntry::Size), 132u);
    QCOMPARE(stack.value(SmapsEntry::Rss), 8u);
    QCOMPARE(stack.value(SmapsEntry::Anonymous), 8u);
    QCOMPARE(stack.vmFlags, (QByteArrayList{"rd", "wr", "mr", "mw", "me", "gd", "ac"}));
    QCOMPARE(result.value.last().mapping.path, QStringLiteral("[vsyscall]"));

    QVERIFY(readParserFixture(QStringLiteral("real/odd-stopped/smaps"), &text));
    const auto odd = SmapsParser::parse(text);
    QVERIFY(odd.ok());
    const SmapsEntry &memfd = odd.value[12];
    QCOMPARE(memfd.mapping.path, QStringLiteral("/memfd:mematlas memfd"));
    QVERIFY(memfd.mapping.deleted);
    QCOMPARE(memfd.value(SmapsEntry::Size), 12u);
    QCOMPARE(memfd.value(SmapsEntry::Rss), 4u);
    QCOMPARE(memfd.vmFlags, (QByteArrayList{"rd", "wr", "sh", "mr", "mw", "me", "ms"}));
    const SmapsEntry &spaced = odd.value[14];
    QCOMPARE(spaced.mapping.path, QStringLiteral("/tmp/mematlas-fixture/dir with space/data file.bin"));
    QCOMPARE(spaced.value(SmapsEntry::Size), 16u);
    QCOMPARE(spaced.value(SmapsEntry::Rss), 8u);
    QCOMPARE(spaced.value(SmapsEntry::Private_Dirty), 8u);
}

void TestSmapsParser::kernelThread()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/kthreadd/smaps"), &text));
    QVERIFY(text.isEmpty());
    const auto result = SmapsParser::parse(text);
    QVERIFY(result.ok());
    QVERIFY(result.value.isEmpty());
}

void TestSmapsParser::oldKernel()
{
    // Linux 4.4: no Pss_Dirty, LazyFree, THPeligible; KernelPageSize comes after SwapPss.
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("odd/smaps-oldkernel"), &text));
    const auto result = SmapsParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.value.size(), 3);

    const SmapsEntry &cat = result.value[0];
    QCOMPARE(cat.mapping.path, QStringLiteral("/bin/cat"));
    QCOMPARE(cat.value(SmapsEntry::Size), 44u);
    QCOMPARE(cat.value(SmapsEntry::Rss), 40u);
    QCOMPARE(cat.value(SmapsEntry::Pss), 20u);
    QCOMPARE(cat.value(SmapsEntry::Shared_Clean), 40u);
    QCOMPARE(cat.value(SmapsEntry::KernelPageSize), 4u);
    QCOMPARE(cat.value(SmapsEntry::MMUPageSize), 4u);
    QVERIFY(!cat.has(SmapsEntry::Pss_Dirty));
    QVERIFY(!cat.has(SmapsEntry::LazyFree));
    QVERIFY(!cat.has(SmapsEntry::KSM));
    QVERIFY(cat.has(SmapsEntry::Locked));
    QVERIFY(!cat.thpEligible);
    QCOMPARE(cat.vmFlags, (QByteArrayList{"rd", "ex", "mr", "mw", "me", "dw"}));
    QCOMPARE(cat.present, (1u << SmapsEntry::Size) | (1u << SmapsEntry::Rss) | (1u << SmapsEntry::Pss)
                 | (1u << SmapsEntry::Shared_Clean) | (1u << SmapsEntry::Shared_Dirty)
                 | (1u << SmapsEntry::Private_Clean) | (1u << SmapsEntry::Private_Dirty)
                 | (1u << SmapsEntry::Referenced) | (1u << SmapsEntry::Anonymous)
                 | (1u << SmapsEntry::AnonHugePages) | (1u << SmapsEntry::Shared_Hugetlb)
                 | (1u << SmapsEntry::Private_Hugetlb) | (1u << SmapsEntry::Swap) | (1u << SmapsEntry::SwapPss)
                 | (1u << SmapsEntry::KernelPageSize) | (1u << SmapsEntry::MMUPageSize) | (1u << SmapsEntry::Locked));

    const SmapsEntry &heap = result.value[1];
    QCOMPARE(heap.mapping.path, QStringLiteral("[heap]"));
    QCOMPARE(heap.value(SmapsEntry::Private_Dirty), 84u);
    QCOMPARE(heap.value(SmapsEntry::Swap), 12u);
    QCOMPARE(heap.value(SmapsEntry::SwapPss), 12u);
    QCOMPARE(heap.uss(), 84u);

    const SmapsEntry &stack = result.value[2];
    QCOMPARE(stack.mapping.start, quint64(0x7ffc1d6e1000));
    QCOMPARE(stack.value(SmapsEntry::Size), 136u);
    QCOMPARE(stack.value(SmapsEntry::Locked), 16u);
    QCOMPARE(stack.vmFlags.size(), 7);
}

void TestSmapsParser::newKeys()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("odd/smaps-newkey"), &text));
    const auto result = SmapsParser::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    QCOMPARE(result.value.size(), 1);
    const SmapsEntry &entry = result.value.first();
    QVERIFY(entry.mapping.isAnonymous());
    QCOMPARE(entry.mapping.size(), quint64(2048 * 1024));
    QCOMPARE(entry.value(SmapsEntry::Size), 2048u);
    QCOMPARE(entry.value(SmapsEntry::Rss), 1024u);
    QCOMPARE(entry.value(SmapsEntry::Pss), 1000u);
    QCOMPARE(entry.value(SmapsEntry::Pss_Dirty), 600u);
    QCOMPARE(entry.value(SmapsEntry::Shared_Clean), 48u); // the key after the unknown one
    QCOMPARE(entry.value(SmapsEntry::Private_Clean), 376u);
    QCOMPARE(entry.value(SmapsEntry::KSM), 8u);
    QCOMPARE(entry.value(SmapsEntry::LazyFree), 16u);
    QCOMPARE(entry.value(SmapsEntry::AnonHugePages), 512u);
    QCOMPARE(entry.value(SmapsEntry::SwapPss), 50u);
    QCOMPARE(entry.uss(), 976u);
    using Unknown = QPair<QByteArray, QByteArray>;
    QCOMPARE(entry.unknown, (QList<Unknown>{{"Pss_Future", "7 kB"}, {"Shiny", "on, twice"}}));
    QCOMPARE(entry.thpEligible, std::optional<bool>(true));
    QCOMPARE(entry.protectionKey, std::optional<int>(3));
    QCOMPARE(entry.vmFlags, (QByteArrayList{"rd", "wr", "mr", "mw", "me", "ac", "sd", "zz", "??", "gu"}));
}

void TestSmapsParser::truncated_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("errorLine");
    QTest::addColumn<QString>("errorMessage");
    // Cut inside the third entry: the two complete entries stay, and so does the third, holding
    // the keys read before the cut.
    QTest::newRow("mid-entry, mid-line") << QStringLiteral("odd/smaps-truncated-midentry") << 3 << 61
                                         << QStringLiteral("truncated line (no newline at end of input): "
                                                           "\"Private_Dirty:         4\"");
    QTest::newRow("mid-header") << QStringLiteral("odd/smaps-truncated-header") << 3 << 76
                                << QStringLiteral("truncated line (no newline at end of input): \"55ff5edc5000-55ff5e\"");
}

void TestSmapsParser::truncated()
{
    QFETCH(QString, fixture);
    QByteArray text;
    QByteArray fullText;
    QVERIFY(readParserFixture(fixture, &text));
    QVERIFY(readParserFixture(QStringLiteral("real/odd-stopped/smaps"), &fullText));
    QVERIFY(fullText.startsWith(text));
    const auto full = SmapsParser::parse(fullText);
    const auto result = SmapsParser::parse(text);
    QVERIFY(!result.ok());
    QTEST(int(result.value.size()), "count");
    QTEST(result.error.line, "errorLine");
    QTEST(result.error.message, "errorMessage");
    QCOMPARE(result.value[0].values, full.value[0].values);
    QCOMPARE(result.value[1].vmFlags, full.value[1].vmFlags);
    QCOMPARE(result.value[2].mapping, full.value[2].mapping);

    const SmapsEntry &third = result.value[2];
    if (result.error.line == 61) {
        QVERIFY(third.has(SmapsEntry::Private_Clean));
        QVERIFY(!third.has(SmapsEntry::Private_Dirty));
        QVERIFY(!third.has(SmapsEntry::Locked));
        QCOMPARE(third.value(SmapsEntry::Rss), 4u);
        QVERIFY(!third.thpEligible);
        QVERIFY(third.vmFlags.isEmpty());
    } else {
        QCOMPARE(third.values, full.value[2].values);
        QCOMPARE(third.vmFlags, full.value[2].vmFlags);
    }
}

void TestSmapsParser::everyTruncation()
{
    // Cut anywhere: no crash, every entry before the cut intact, the cut reported on the right line.
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/odd-stopped/smaps"), &text));
    const auto full = SmapsParser::parse(text);
    QVERIFY(full.ok());
    for (qsizetype cut = 0; cut < text.size(); cut += 7) {
        const QByteArrayView prefix(text.constData(), cut);
        const auto result = SmapsParser::parse(prefix);
        const int completeLines = int(prefix.count('\n'));
        const bool atLineBoundary = cut == 0 || prefix.endsWith('\n');
        QCOMPARE(result.ok(), atLineBoundary);
        QCOMPARE(result.error.line, atLineBoundary ? 0 : completeLines + 1);
        // 25 lines an entry: the entry whose header is complete is there.
        QCOMPARE(result.value.size(), (completeLines + 24) / 25);
        for (int i = 0; i + 1 < result.value.size(); ++i) {
            QCOMPARE(result.value[i].values, full.value[i].values);
            QCOMPARE(result.value[i].vmFlags, full.value[i].vmFlags);
        }
    }
}

void TestSmapsParser::garbage()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("odd/garbage.bin"), &text));
    const auto result = SmapsParser::parse(text);
    QVERIFY(result.value.isEmpty());
    QCOMPARE(result.error.line, 1);
    QVERIFY2(result.error.message.startsWith(QLatin1String("expected a maps header line, got \"<\\xe9\\xd7")),
             qPrintable(result.error.message));
    QVERIFY(!SmapsParser::parseRollup(text).ok());
}

void TestSmapsParser::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");

    const QByteArray header = "1000-2000 rw-p 00000000 00:00 0 \n";
    QTest::newRow("key before any header") << QByteArray("Rss:       4 kB\n") << 0 << 1
                                           << QStringLiteral("expected a maps header line, got \"Rss:       4 kB\"");
    QTest::newRow("no unit") << header + "Rss:       4\n" << 1 << 2
                             << QStringLiteral("expected 'N kB' after \"Rss:\", got \"4\"");
    QTest::newRow("other unit") << header + "Size: 4 MB\n" << 1 << 2
                                << QStringLiteral("expected 'N kB' after \"Size:\", got \"4 MB\"");
    QTest::newRow("no number") << header + "Pss:  kB\n" << 1 << 2
                               << QStringLiteral("expected 'N kB' after \"Pss:\", got \"kB\"");
    QTest::newRow("negative") << header + "Swap: -4 kB\n" << 1 << 2
                              << QStringLiteral("expected 'N kB' after \"Swap:\", got \"-4 kB\"");
    QTest::newRow("overflow") << header + "Rss: 18446744073709551616 kB\n" << 1 << 2
                              << QStringLiteral("value of Rss is too large: \"18446744073709551616 kB\"");
    QTest::newRow("THPeligible 2") << header + "THPeligible: 2\n" << 1 << 2
                                   << QStringLiteral("expected 0 or 1 after \"THPeligible:\", got \"2\"");
    QTest::newRow("ProtectionKey too big") << header + "ProtectionKey: 2147483648\n" << 1 << 2
                                           << QStringLiteral("expected a key number after \"ProtectionKey:\", got \"2147483648\"");
    QTest::newRow("ProtectionKey overflow") << header + "ProtectionKey: 18446744073709551616\n" << 1 << 2
                                            << QStringLiteral("value of ProtectionKey is too large: \"18446744073709551616\"");
    QTest::newRow("no colon") << header + "Rss 4 kB\n" << 1 << 2
                              << QStringLiteral("expected a maps header or a 'Key: value' line, got \"Rss 4 kB\"");
    QTest::newRow("binary key") << header + "\x80\x81: 4 kB\n" << 1 << 2
                                << QStringLiteral("expected a maps header or a 'Key: value' line, got \"\\x80\\x81: 4 kB\"");
    QTest::newRow("empty key") << header + ": 4 kB\n" << 1 << 2
                               << QStringLiteral("expected a maps header or a 'Key: value' line, got \": 4 kB\"");
    QTest::newRow("empty line") << header + "Rss: 4 kB\n\nPss: 4 kB\n" << 1 << 3
                                << QStringLiteral("expected a maps header or a 'Key: value' line, got \"\"");
    QTest::newRow("bad header after an entry") << header + "Rss: 4 kB\n3000-1000 r--p 00000000 00:00 0\n" << 1 << 3
                                               << QStringLiteral("address range ends before it starts: "
                                                                 "\"3000-1000 r--p 00000000 00:00 0\"");
}

void TestSmapsParser::errors()
{
    QFETCH(QByteArray, text);
    const auto result = SmapsParser::parse(text);
    QTEST(int(result.value.size()), "count");
    QTEST(result.error.line, "line");
    QTEST(result.error.message, "message");
}

void TestSmapsParser::rollup()
{
    QByteArray text;
    QVERIFY(readParserFixture(QStringLiteral("real/sleep-stopped/smaps_rollup"), &text));
    const auto result = SmapsParser::parseRollup(text);
    QVERIFY2(result.ok(), qPrintable(result.error.toString()));
    const SmapsEntry &r = result.value;
    QCOMPARE(r.mapping.start, quint64(0x5613fd637000));
    QCOMPARE(r.mapping.end, quint64(0x7ffc7807e000));
    QCOMPARE(r.mapping.permissions(), QStringLiteral("---p"));
    QCOMPARE(r.value(SmapsEntry::Rss), 1880u);
    QCOMPARE(r.value(SmapsEntry::Pss), 305u);
    QCOMPARE(r.value(SmapsEntry::Pss_Dirty), 104u);
    QCOMPARE(r.value(SmapsEntry::Pss_Anon), 104u);
    QCOMPARE(r.value(SmapsEntry::Pss_File), 201u);
    QCOMPARE(r.value(SmapsEntry::Pss_Shmem), 0u);
    QCOMPARE(r.value(SmapsEntry::Shared_Clean), 1740u);
    QCOMPARE(r.value(SmapsEntry::Private_Clean), 36u);
    QCOMPARE(r.value(SmapsEntry::Private_Dirty), 104u);
    QCOMPARE(r.uss(), 140u);
    QVERIFY(r.has(SmapsEntry::Pss_Shmem));
    QVERIFY(!r.has(SmapsEntry::Size)); // rollup has no Size, KernelPageSize, MMUPageSize
    QVERIFY(!r.has(SmapsEntry::KernelPageSize));
    QVERIFY(r.vmFlags.isEmpty());
    QVERIFY(!r.thpEligible);
}

void TestSmapsParser::rollupErrors_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty (kernel thread)") << QStringLiteral("real/kthreadd/smaps") << 0
                                           << QStringLiteral("smaps_rollup is empty: expected a \"[rollup]\" header line");
    QTest::newRow("full smaps") << QStringLiteral("real/sleep-stopped/smaps") << 26
                                << QStringLiteral("a second header line in smaps_rollup: \"5613fd639000-5613fd63e000 r-xp "
                                                  "00002000 fe:00 248056        \"...");
}

void TestSmapsParser::rollupErrors()
{
    QFETCH(QString, fixture);
    QByteArray text;
    QVERIFY(readParserFixture(fixture, &text));
    const auto result = SmapsParser::parseRollup(text);
    QVERIFY(!result.ok());
    QTEST(result.error.line, "line");
    QTEST(result.error.message, "message");
}

void TestSmapsParser::keyNames()
{
    const char *const expected[] = {"Size", "KernelPageSize", "MMUPageSize", "Rss", "Pss", "Pss_Dirty", "Pss_Anon",
                                    "Pss_File", "Pss_Shmem", "Shared_Clean", "Shared_Dirty", "Private_Clean",
                                    "Private_Dirty", "Referenced", "Anonymous", "KSM", "LazyFree", "AnonHugePages",
                                    "ShmemPmdMapped", "FilePmdMapped", "Shared_Hugetlb", "Private_Hugetlb", "Swap",
                                    "SwapPss", "Locked"};
    static_assert(std::size(expected) == SmapsEntry::KeyCount);
    for (int key = 0; key < SmapsEntry::KeyCount; ++key) {
        QCOMPARE(SmapsEntry::keyName(Key(key)), expected[key]);
        QCOMPARE(SmapsEntry::keyFromName(expected[key]), std::optional<Key>(Key(key)));
    }
    QCOMPARE(SmapsEntry::keyName(SmapsEntry::KeyCount), "");
    QVERIFY(!SmapsEntry::keyFromName("rss"));
    QVERIFY(!SmapsEntry::keyFromName("Rss "));
    QVERIFY(!SmapsEntry::keyFromName(""));
    QVERIFY(!SmapsEntry::keyFromName("VmFlags"));
    QVERIFY(!SmapsEntry::keyFromName("THPeligible"));
}

void TestSmapsParser::vmFlagDescriptions_data()
{
    QTest::addColumn<QByteArray>("flag");
    QTest::addColumn<QString>("description");
    QTest::newRow("rd") << QByteArray("rd") << QStringLiteral("readable");
    QTest::newRow("wr") << QByteArray("wr") << QStringLiteral("writable");
    QTest::newRow("gd") << QByteArray("gd") << QStringLiteral("stack segment grows down");
    QTest::newRow("ac") << QByteArray("ac") << QStringLiteral("area is accountable");
    QTest::newRow("sd") << QByteArray("sd") << QStringLiteral("soft-dirty");
    QTest::newRow("??") << QByteArray("??") << QStringLiteral("flag unknown to the kernel's name table");
    QTest::newRow("unknown code") << QByteArray("zz") << QString();
    QTest::newRow("one letter") << QByteArray("r") << QString();
    QTest::newRow("three letters") << QByteArray("rdx") << QString();
    QTest::newRow("upper case") << QByteArray("RD") << QString();
    QTest::newRow("empty") << QByteArray() << QString();
    // Every code in proc(5) and Documentation/filesystems/proc.rst has a description.
    const char *const codes[] = {"ex", "sh", "mr", "mw", "me", "ms", "pf", "dw", "lo", "io", "sr", "rr", "dc", "de",
                                 "nr", "ht", "sf", "nl", "ar", "wf", "dd", "mm", "hg", "nh", "mg", "bt", "mt", "um",
                                 "uw", "ui", "ss", "sl", "lf", "dp", "gu"};
    for (const char *code : codes)
        QTest::newRow(code) << QByteArray(code) << QStringLiteral("(any)");
}

void TestSmapsParser::vmFlagDescriptions()
{
    QFETCH(QByteArray, flag);
    QFETCH(QString, description);
    const QString actual = SmapsEntry::vmFlagDescription(flag);
    if (description == QLatin1String("(any)"))
        QVERIFY2(actual.size() > 3, flag.constData());
    else
        QCOMPARE(actual, description);
}

QTEST_APPLESS_MAIN(TestSmapsParser)
#include "tst_smapsparser.moc"
