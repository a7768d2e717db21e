// What the fuzzers found stays fixed: every saved input (tests/data/fuzz-regressions/TARGET/NAME,
// beside NAME.expected, the outcome it must give now) goes through the same checks as the fuzz
// target TARGET (tests/fuzz/fuzzchecks.h), and so does each target's seed corpus.
#include "fuzzchecks.h"
#include "fuzzseeds.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {

const QString DataDir = QStringLiteral(MEMATLAS_TEST_DATA);
const QString SourceDir = QDir::cleanPath(DataDir + QStringLiteral("/../.."));

FuzzChecks::Check checkFor(const QString &target)
{
    for (const FuzzChecks::Target &known : FuzzChecks::targets()) {
        if (known.name == target)
            return known.check;
    }
    return nullptr;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void regressions_data();
    void regressions();
    void seeds_data();
    void seeds();
    void everyTargetHasSeeds();
};

void TestFuzzRegressions::regressions_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedFile");
    const QDir regressions(DataDir + QStringLiteral("/fuzz-regressions"));
    for (const QString &target : regressions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir inputs(regressions.filePath(target));
        for (const QString &name : inputs.entryList(QDir::Files, QDir::Name)) {
            if (!name.endsWith(QLatin1String(".expected")))
                QTest::addRow("%s/%s", qPrintable(target), qPrintable(name))
                    << target << contents(inputs.filePath(name)) << inputs.filePath(name + QStringLiteral(".expected"));
        }
    }
}

void TestFuzzRegressions::regressions()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedFile);
    const FuzzChecks::Check check = checkFor(target);
    QVERIFY2(check, qPrintable(QStringLiteral("no fuzz target is called %1").arg(target)));
    QFile expected(expectedFile);
    QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(expectedFile + QStringLiteral(" is missing")));

    const FuzzChecks::Result result = check(input);
    QVERIFY2(result.violations.isEmpty(), qPrintable(result.violations.join(QLatin1Char('\n'))));
    QString outcome = QString::fromUtf8(expected.readAll());
    if (outcome.endsWith(QLatin1Char('\n')))
        outcome.chop(1);
    QCOMPARE(result.outcome, outcome);
}

void TestFuzzRegressions::seeds_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("input");
    for (const FuzzChecks::Target &target : FuzzChecks::targets()) {
        for (const FuzzSeeds::Seed &seed : FuzzSeeds::seeds(target.name, SourceDir))
            QTest::addRow("%s/%s", target.name.data(), qPrintable(seed.name)) << QString(target.name) << seed.name << seed.bytes;
    }
}

void TestFuzzRegressions::seeds()
{
    QFETCH(QString, target);
    QFETCH(QString, name);
    QFETCH(QByteArray, input);
    const FuzzChecks::Result result = checkFor(target)(input);
    QVERIFY2(result.violations.isEmpty(), qPrintable(result.violations.join(QLatin1Char('\n'))));
    // Recorded files and bundles read whole; only the ones damaged by hand may fail (parsers/odd,
    // and the old-kernel tree's maps, cut short on purpose: tests/data/README.md).
    if (!name.startsWith(QLatin1String("parsers_odd_")) && name != QLatin1String("trees_old-kernel_12069_maps"))
        QVERIFY2(result.outcome.startsWith(QLatin1String("ok")), qPrintable(result.outcome));
}

void TestFuzzRegressions::everyTargetHasSeeds()
{
    for (const FuzzChecks::Target &target : FuzzChecks::targets())
        QVERIFY2(!FuzzSeeds::seeds(target.name, SourceDir).isEmpty(), target.name.data());
}

QTEST_APPLESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
