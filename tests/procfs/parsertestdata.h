#pragma once

// Shared by the parser tests: reads a fixture under tests/data/parsers/.

#include <QByteArray>
#include <QFile>
#include <QString>

// False when the file cannot be read, so a missing fixture fails the test instead of parsing as
// empty input (which some parsers accept).
[[nodiscard]] inline bool readParserFixture(const QString &relativePath, QByteArray *bytes)
{
    QFile file(QStringLiteral(MEMATLAS_TEST_DATA "/parsers/") + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *bytes = file.readAll();
    return true;
}
