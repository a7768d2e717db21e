#include "messagebanner.h"
#include "rawprocview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using Kind = RawProcView::Kind;

namespace {

// Recorded from a real process (tests/data/widgets/raw): a python3 with a file mapped from a path with a
// space and a mapped file deleted while mapped, plus that machine's /proc/meminfo.
QString readRaw(const QString &name)
{
    QFile file(QStringLiteral(MEMATLAS_TEST_DATA "/widgets/raw/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QString::fromUtf8(file.readAll());
}

int lineContaining(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int line = 0; line < lines.size(); ++line) {
        if (lines.at(line).contains(needle))
            return line;
    }
    return -1;
}

// Highlighting runs when the event loop turns; force it so that the layouts hold the formats.
void highlightNow(QPlainTextEdit *editor)
{
    auto *highlighter = editor->document()->findChild<KSyntaxHighlighting::SyntaxHighlighter *>();
    QVERIFY(highlighter);
    highlighter->rehighlight();
    QCoreApplication::processEvents();
}

// The format the highlighter gave the character at column of line; invalid when it gave none.
QTextCharFormat formatAt(QPlainTextEdit *editor, int line, int column)
{
    const QTextBlock block = editor->document()->findBlockByNumber(line);
    const auto formats = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : formats) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

QColor foregroundAt(QPlainTextEdit *editor, int line, int column)
{
    return formatAt(editor, line, column).foreground().color();
}

QList<int> selectedLines(QPlainTextEdit *editor)
{
    QList<int> lines;
    const auto selections = editor->extraSelections();
    for (const QTextEdit::ExtraSelection &selection : selections)
        lines.append(selection.cursor.blockNumber());
    return lines;
}

std::pair<quint64, quint64> rangeOfLine(const QString &line)
{
    const QStringList parts = line.section(QLatin1Char(' '), 0, 0).split(QLatin1Char('-'));
    return {parts.at(0).toULongLong(nullptr, 16), parts.at(1).toULongLong(nullptr, 16)};
}

const QRegularExpression s_header(QStringLiteral("^([0-9a-f]+)-([0-9a-f]+) "), QRegularExpression::MultilineOption);

QList<QRegularExpressionMatch> headerMatches(const QString &text)
{
    QList<QRegularExpressionMatch> matches;
    for (auto it = s_header.globalMatch(text); it.hasNext();)
        matches.append(it.next());
    return matches;
}

// Copies of a recorded smaps as one text, each copy's user-space addresses moved to a range of its own
// by a prefix ([vsyscall], already 16 digits, stays alike in all copies).
QString manySmaps(const QString &smaps, qsizetype atLeast)
{
    static const QRegularExpression userHeader(QStringLiteral("^([0-9a-f]{12})-([0-9a-f]{12}) "),
                                               QRegularExpression::MultilineOption);
    QString text;
    for (int copy = 0; text.size() <= atLeast; ++copy)
        text += QString(smaps).replace(userHeader, QStringLiteral("%1\\1-%1\\2 ").arg(copy, 2, 16, QLatin1Char('0')));
    return text;
}

QtMessageHandler s_previousHandler = nullptr;
QStringList s_syntaxWarnings;

void collectSyntaxWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (QByteArrayView(context.category).startsWith("kf.syntaxhighlighting"))
        s_syntaxWarnings.append(message);
    s_previousHandler(type, context, message);
}

} // namespace

class TestRawProcView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_maps = readRaw(QStringLiteral("maps"));
        m_smaps = readRaw(QStringLiteral("smaps"));
        m_status = readRaw(QStringLiteral("status"));
        m_meminfo = readRaw(QStringLiteral("meminfo"));
        m_mapsLines = m_maps.split(QLatin1Char('\n'));
        m_smapsLines = m_smaps.split(QLatin1Char('\n'));
    }

    void definitionsLoadFromQrc_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("maps") << QStringLiteral("Linux /proc maps");
        QTest::newRow("smaps") << QStringLiteral("Linux /proc smaps");
        QTest::newRow("key-value") << QStringLiteral("Linux /proc key-value");
    }

    void definitionsLoadFromQrc()
    {
        QFETCH(QString, name);
        RawProcView view; // registers the resources
        s_syntaxWarnings.clear();
        s_previousHandler = qInstallMessageHandler(collectSyntaxWarnings);
        {
            KSyntaxHighlighting::Repository repository;
            const KSyntaxHighlighting::Definition definition = repository.definitionForName(name);
            QVERIFY(definition.isValid());
            QVERIFY(definition.filePath().startsWith(QLatin1String(":/org.kde.syntax-highlighting/syntax-addons/")));
            QVERIFY(!definition.formats().isEmpty()); // loads the whole file, included definitions too
        }
        qInstallMessageHandler(s_previousHandler);
        QVERIFY2(s_syntaxWarnings.isEmpty(), qPrintable(s_syntaxWarnings.join(QLatin1Char('\n'))));
    }

    void mapsFieldsGetDistinctColours()
    {
        RawProcView view;
        view.setText(Kind::Maps, m_maps);
        QPlainTextEdit *editor = view.editor(Kind::Maps);
        highlightNow(editor);

        const int line = lineContaining(m_maps, QStringLiteral("/tmp/mematlas raw/data file.bin"));
        QVERIFY(line >= 0);
        const QString text = m_mapsLines.at(line);
        const QColor address = foregroundAt(editor, line, 0);
        const QColor perms = foregroundAt(editor, line, int(text.indexOf(QLatin1Char(' '))) + 1);
        const QColor offset = foregroundAt(editor, line, int(text.indexOf(QLatin1String(" 00000000"))) + 1);
        const QColor path = foregroundAt(editor, line, int(text.indexOf(QLatin1String("/tmp"))));
        QVERIFY(address.isValid() && perms.isValid() && offset.isValid() && path.isValid());
        QCOMPARE_NE(address, perms);
        QCOMPARE_NE(perms, path);
        QCOMPARE_NE(address, path);
        QCOMPARE_NE(offset, address);
        // The path with a space in it is one path to its end.
        QCOMPARE(foregroundAt(editor, line, int(text.size()) - 1), path);
        QVERIFY(formatAt(editor, line, int(text.indexOf(QLatin1Char('-')))).isValid());

        const int heap = lineContaining(m_maps, QStringLiteral("[heap]"));
        const QColor pseudo = foregroundAt(editor, heap, int(m_mapsLines.at(heap).indexOf(QLatin1Char('['))));
        QVERIFY(pseudo.isValid());
        QCOMPARE_NE(pseudo, path);
        QCOMPARE(foregroundAt(editor, heap, 0), address);

        const int deleted = lineContaining(m_maps, QStringLiteral(" (deleted)"));
        const QString deletedText = m_mapsLines.at(deleted);
        QCOMPARE(foregroundAt(editor, deleted, int(deletedText.indexOf(QLatin1String("/tmp")))), path);
        const QTextCharFormat marker = formatAt(editor, deleted, int(deletedText.indexOf(QLatin1String("(deleted)"))));
        QVERIFY(marker.isValid());
        QVERIFY(marker != formatAt(editor, deleted, int(deletedText.indexOf(QLatin1String("/tmp")))));
    }

    // This machine's kernel lacks CONFIG_ANON_VMA_NAME, so no recorded process can have these lines.
    void anonNamesAndEscapedPaths()
    {
        RawProcView view;
        const QString text = QStringLiteral(
            "7f0000000000-7f0000003000 rw-p 00000000 00:00 0                          [anon:arena 1]\n"
            "7f0000003000-7f0000004000 r--p 00000000 fe:00 12                         /tmp/a\\012b\n");
        view.setText(Kind::Maps, text);
        QPlainTextEdit *editor = view.editor(Kind::Maps);
        highlightNow(editor);
        const QString first = text.section(QLatin1Char('\n'), 0, 0);
        const QString second = text.section(QLatin1Char('\n'), 1, 1);
        const QColor bracket = foregroundAt(editor, 0, int(first.indexOf(QLatin1Char('['))));
        const QColor name = foregroundAt(editor, 0, int(first.indexOf(QLatin1String("arena"))));
        QVERIFY(bracket.isValid() && name.isValid());
        QCOMPARE_NE(bracket, name);
        QCOMPARE(foregroundAt(editor, 0, int(first.indexOf(QLatin1String(" 1]"))) + 1), name);
        QCOMPARE(foregroundAt(editor, 0, int(first.size()) - 1), bracket);
        const QColor path = foregroundAt(editor, 1, int(second.indexOf(QLatin1String("/tmp"))));
        const QColor escape = foregroundAt(editor, 1, int(second.indexOf(QLatin1Char('\\'))));
        QCOMPARE_NE(path, escape);
        QCOMPARE(foregroundAt(editor, 1, int(second.size()) - 1), path);
    }

    void smapsKeysValuesUnitsAndFlags()
    {
        RawProcView view;
        view.setText(Kind::Smaps, m_smaps);
        QPlainTextEdit *editor = view.editor(Kind::Smaps);
        highlightNow(editor);

        // The header line is coloured like a maps line.
        QVERIFY(foregroundAt(editor, 0, 0).isValid());
        QCOMPARE_NE(foregroundAt(editor, 0, 0), foregroundAt(editor, 0, int(m_smapsLines.at(0).indexOf(QLatin1Char('/')))));

        const int size = lineContaining(m_smaps, QStringLiteral("Size:"));
        const QString sizeText = m_smapsLines.at(size);
        QVERIFY(sizeText.startsWith(QLatin1String("Size:")));
        const QColor key = foregroundAt(editor, size, 0);
        const QColor value = foregroundAt(editor, size, int(sizeText.indexOf(QRegularExpression(QStringLiteral("[0-9]")))));
        const QColor unit = foregroundAt(editor, size, int(sizeText.indexOf(QLatin1String("kB"))));
        QVERIFY(key.isValid() && value.isValid() && unit.isValid());
        QCOMPARE_NE(key, value);
        QCOMPARE_NE(value, unit);
        QCOMPARE_NE(key, unit);

        const int thp = lineContaining(m_smaps, QStringLiteral("THPeligible:"));
        QVERIFY(foregroundAt(editor, thp, 0).isValid());
        QCOMPARE_NE(foregroundAt(editor, thp, 0), key);
        QCOMPARE(foregroundAt(editor, thp, int(m_smapsLines.at(thp).size()) - 1), value);

        const int flags = lineContaining(m_smaps, QStringLiteral("VmFlags: rd"));
        const QColor flag = foregroundAt(editor, flags, int(m_smapsLines.at(flags).indexOf(QLatin1String(" rd"))) + 1);
        QVERIFY(flag.isValid());
        QCOMPARE(foregroundAt(editor, flags, 0), key);
        QCOMPARE_NE(flag, key);
        QCOMPARE_NE(flag, value);
    }

    void statusAndMeminfoLines()
    {
        RawProcView view;
        view.setText(Kind::Status, m_status);
        view.setText(Kind::Meminfo, m_meminfo);
        QPlainTextEdit *status = view.editor(Kind::Status);
        QPlainTextEdit *meminfo = view.editor(Kind::Meminfo);
        highlightNow(status);
        highlightNow(meminfo);
        const QStringList statusLines = m_status.split(QLatin1Char('\n'));

        const int uid = lineContaining(m_status, QStringLiteral("Uid:"));
        const QColor key = foregroundAt(status, uid, 0);
        const QColor id = foregroundAt(status, uid, int(statusLines.at(uid).indexOf(QLatin1Char('\t'))) + 1);
        QVERIFY(key.isValid() && id.isValid());
        QCOMPARE_NE(key, id);

        const int vmRss = lineContaining(m_status, QStringLiteral("VmRSS:"));
        const QString vmRssText = statusLines.at(vmRss);
        const QColor number = foregroundAt(status, vmRss, int(vmRssText.indexOf(QRegularExpression(QStringLiteral("[0-9]")))));
        QCOMPARE(foregroundAt(status, vmRss, 0), key);
        QCOMPARE_NE(number, id);

        const int capEff = lineContaining(m_status, QStringLiteral("CapEff:"));
        const QColor mask = foregroundAt(status, capEff, int(statusLines.at(capEff).indexOf(QLatin1Char('\t'))) + 1);
        QVERIFY(mask.isValid());
        QCOMPARE_NE(mask, key);
        QCOMPARE_NE(mask, number);

        const int cpus = lineContaining(m_status, QStringLiteral("Cpus_allowed_list:"));
        QCOMPARE(foregroundAt(status, cpus, int(statusLines.at(cpus).size()) - 1), number);

        const QString memTotal = m_meminfo.section(QLatin1Char('\n'), 0, 0);
        QVERIFY(memTotal.startsWith(QLatin1String("MemTotal:")));
        QCOMPARE(foregroundAt(meminfo, 0, 0), key);
        QCOMPARE(foregroundAt(meminfo, 0, int(memTotal.indexOf(QRegularExpression(QStringLiteral("[0-9]"))))), number);
        QCOMPARE_NE(foregroundAt(meminfo, 0, int(memTotal.indexOf(QLatin1String("kB")))), number);
    }

    void highlightMappingMarksItsLines()
    {
        RawProcView view;
        view.resize(900, 500);
        view.setText(Kind::Maps, m_maps);
        view.setText(Kind::Smaps, m_smaps);
        QSignalSpy clicked(&view, &RawProcView::mappingClicked);

        // A mapping in the middle: one maps line; in smaps its header down to the line before the next header.
        const int mapsLine = lineContaining(m_maps, QStringLiteral("/tmp/mematlas raw/data file.bin"));
        const auto [start, end] = rangeOfLine(m_mapsLines.at(mapsLine));
        view.highlightMapping(start, end);
        QCOMPARE(selectedLines(view.editor(Kind::Maps)), QList<int>{mapsLine});
        const int header = lineContaining(m_smaps, m_mapsLines.at(mapsLine).section(QLatin1Char(' '), 0, 0) + QLatin1Char(' '));
        const int nextHeader = lineContaining(m_smaps, m_mapsLines.at(mapsLine + 1).section(QLatin1Char(' '), 0, 0) + QLatin1Char(' '));
        QVERIFY(header > 0 && nextHeader > header + 20);
        QList<int> expected;
        for (int line = header; line < nextHeader; ++line)
            expected.append(line);
        QCOMPARE(selectedLines(view.editor(Kind::Smaps)), expected);
        const QTextEdit::ExtraSelection first = view.editor(Kind::Smaps)->extraSelections().constFirst();
        QVERIFY(first.format.boolProperty(QTextFormat::FullWidthSelection));
        QCOMPARE(view.editor(Kind::Maps)->textCursor().blockNumber(), mapsLine);
        QCOMPARE(view.editor(Kind::Smaps)->textCursor().blockNumber(), header);

        // The last smaps entry runs to the last line of text.
        const QString lastMaps = m_mapsLines.at(m_mapsLines.size() - 2);
        const auto [lastStart, lastEnd] = rangeOfLine(lastMaps);
        view.highlightMapping(lastStart, lastEnd);
        QCOMPARE(selectedLines(view.editor(Kind::Maps)), QList<int>{int(m_mapsLines.size()) - 2});
        const QList<int> lastEntry = selectedLines(view.editor(Kind::Smaps));
        QCOMPARE(lastEntry.constFirst(), lineContaining(m_smaps, lastMaps.section(QLatin1Char(' '), 0, 0)));
        QCOMPARE(lastEntry.constLast(), int(m_smapsLines.size()) - 2);

        // A range no line names clears the marks; moving the caret for the selection announces nothing.
        view.highlightMapping(1, 2);
        QVERIFY(view.editor(Kind::Maps)->extraSelections().isEmpty());
        QVERIFY(view.editor(Kind::Smaps)->extraSelections().isEmpty());
        QCOMPARE(clicked.count(), 0);

        // The mark survives a refresh of the text, which does not move the reader either.
        view.highlightMapping(start, end);
        view.setText(Kind::Maps, m_maps);
        QCOMPARE(selectedLines(view.editor(Kind::Maps)), QList<int>{mapsLine});
        QCOMPARE(clicked.count(), 0);
    }

    void clickingALineAnnouncesItsMapping()
    {
        RawProcView view;
        view.resize(900, 500);
        view.setText(Kind::Maps, m_maps);
        view.setText(Kind::Smaps, m_smaps);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy clicked(&view, &RawProcView::mappingClicked);

        QPlainTextEdit *maps = view.editor(Kind::Maps);
        const auto clickLine = [](QPlainTextEdit *editor, int line, int column) {
            editor->verticalScrollBar()->setValue(line - 2); // in lines, without wrapping
            QTextCursor cursor(editor->document()->findBlockByNumber(line));
            cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor, column);
            QTest::mouseClick(editor->viewport(), Qt::LeftButton, {}, editor->cursorRect(cursor).center());
        };
        const int heap = lineContaining(m_maps, QStringLiteral("[heap]"));
        clickLine(maps, heap, 10);
        QCOMPARE(clicked.count(), 1);
        const auto [heapStart, heapEnd] = rangeOfLine(m_mapsLines.at(heap));
        QCOMPARE(clicked.at(0).at(0).toULongLong(), heapStart);
        QCOMPARE(clicked.at(0).at(1).toULongLong(), heapEnd);
        clickLine(maps, heap, 40); // same line: nothing new
        QCOMPARE(clicked.count(), 1);

        // The caret moved by the keyboard counts as well.
        QTest::keyClick(maps, Qt::Key_Down);
        QCOMPARE(maps->textCursor().blockNumber(), heap + 1);
        QCOMPARE(clicked.count(), 2);
        QCOMPARE(clicked.at(1).at(0).toULongLong(), rangeOfLine(m_mapsLines.at(heap + 1)).first);

        // In smaps, any line of an entry names the entry's mapping.
        view.setCurrentKind(Kind::Smaps);
        QPlainTextEdit *smaps = view.editor(Kind::Smaps);
        const int secondHeader = lineContaining(m_smaps, m_mapsLines.at(1).section(QLatin1Char(' '), 0, 0));
        clickLine(smaps, secondHeader + 4, 2);
        QCOMPARE(clicked.count(), 3);
        QCOMPARE(clicked.at(2).at(0).toULongLong(), rangeOfLine(m_mapsLines.at(1)).first);
        QCOMPARE(clicked.at(2).at(1).toULongLong(), rangeOfLine(m_mapsLines.at(1)).second);
        clickLine(smaps, secondHeader + 1, 2); // same entry
        QCOMPARE(clicked.count(), 3);
    }

    void findBarSearchesAndWraps()
    {
        RawProcView view;
        view.resize(900, 500);
        view.setText(Kind::Maps, m_maps);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QPlainTextEdit *maps = view.editor(Kind::Maps);
        maps->setFocus();
        auto *findEdit = view.findChild<QLineEdit *>(QStringLiteral("findEdit"));
        auto *status = view.findChild<QLabel *>(QStringLiteral("findStatus"));
        auto *matchCase = view.findChild<QCheckBox *>(QStringLiteral("matchCase"));
        QVERIFY(findEdit && status && matchCase);
        QVERIFY(!findEdit->isVisible());

        QTest::keyClick(maps, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(findEdit->isVisible());
        QVERIFY(findEdit->hasFocus());

        QList<int> libcLines;
        for (int line = 0; line < m_mapsLines.size(); ++line) {
            if (m_mapsLines.at(line).endsWith(QLatin1String("/libc.so.6")))
                libcLines.append(line);
        }
        QVERIFY(libcLines.size() >= 3);

        QTest::keyClicks(findEdit, QStringLiteral("/LIBC.so.6")); // found as typed
        QCOMPARE(maps->textCursor().blockNumber(), libcLines.at(0));
        QCOMPARE(maps->textCursor().selectedText(), QStringLiteral("/libc.so.6"));
        for (int i = 1; i < libcLines.size(); ++i) {
            QTest::keyClick(findEdit, Qt::Key_Return);
            QCOMPARE(maps->textCursor().blockNumber(), libcLines.at(i));
            QVERIFY(status->text().isEmpty());
        }
        QTest::keyClick(findEdit, Qt::Key_Return);
        QCOMPARE(maps->textCursor().blockNumber(), libcLines.at(0));
        QCOMPARE(status->text(), QStringLiteral("Wrapped around"));
        QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(maps->textCursor().blockNumber(), libcLines.constLast());
        QTest::keyClick(findEdit, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(maps->textCursor().blockNumber(), libcLines.at(libcLines.size() - 2));

        matchCase->setChecked(true);
        QCOMPARE(status->text(), QStringLiteral("Not found"));
        findEdit->selectAll();
        QTest::keyClicks(findEdit, QStringLiteral("no such mapping"));
        QCOMPARE(status->text(), QStringLiteral("Not found"));

        QTest::keyClick(findEdit, Qt::Key_Escape);
        QVERIFY(!findEdit->isVisible());
        QVERIFY(maps->hasFocus());
    }

    void darkPaletteSwitchesTheme()
    {
        RawProcView view;
        view.resize(700, 400);
        view.setText(Kind::Maps, m_maps);
        QPlainTextEdit *maps = view.editor(Kind::Maps);
        highlightNow(maps);
        const QColor lightAddress = foregroundAt(maps, 0, 0);
        QVERIFY(maps->palette().color(QPalette::Base).lightness() >= 128);

        QPalette dark = view.palette();
        dark.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
        dark.setColor(QPalette::Base, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        view.setPalette(dark);
        QCoreApplication::processEvents();
        QVERIFY(maps->palette().color(QPalette::Base).lightness() < 128);
        QVERIFY(maps->palette().color(QPalette::Text).lightness() >= 128);
        QVERIFY(foregroundAt(maps, 0, 0).isValid());
        QCOMPARE_NE(foregroundAt(maps, 0, 0), lightAddress);

        // What is drawn: below the last line, the editor's background.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setText(Kind::Maps, m_mapsLines.at(0));
        const QImage shot = maps->viewport()->grab().toImage();
        QVERIFY(shot.pixelColor(shot.width() - 5, shot.height() - 5).lightness() < 128);
    }

    // A 60,000-mapping smaps is 44 MB; such texts are shown a part at a time.
    void largeTextIsShownInParts()
    {
        RawProcView view;
        view.resize(900, 500);
        view.setCurrentKind(Kind::Smaps);
        const QString large = manySmaps(m_smaps, 3 * RawProcView::ShownTextLimit);
        view.setText(Kind::Smaps, large);
        QPlainTextEdit *smaps = view.editor(Kind::Smaps);
        const QString shown = smaps->toPlainText();
        QVERIFY(shown.size() <= RawProcView::ShownTextLimit);
        QVERIFY(shown.size() > RawProcView::ShownTextLimit - 2 * m_smaps.size() / 100);
        QVERIFY(large.startsWith(shown));
        QVERIFY(s_header.match(large.mid(shown.size(), 40)).hasMatch()); // cut between two entries
        auto *banner = view.findChild<MessageBanner *>();
        QVERIFY(banner && banner->isVisibleTo(&view));
        QVERIFY2(banner->text().contains(QLatin1String("smaps")) && banner->text().contains(QLatin1String("mappings 1 to")),
                 qPrintable(banner->text()));
        highlightNow(smaps);
        QVERIFY(!smaps->document()->firstBlock().layout()->formats().isEmpty());

        // Selecting a mapping near the end (the last copy's [stack]) shows the tail of the text, with the mapping marked.
        const QList<QRegularExpressionMatch> headers = headerMatches(large);
        const QRegularExpressionMatch stack = headers.at(headers.size() - 2);
        QVERIFY(large.mid(stack.capturedStart()).section(QLatin1Char('\n'), 0, 0).endsWith(QLatin1String("[stack]")));
        view.highlightMapping(stack.captured(1).toULongLong(nullptr, 16), stack.captured(2).toULongLong(nullptr, 16));
        const QString tail = smaps->toPlainText();
        QVERIFY(tail.size() <= RawProcView::ShownTextLimit);
        QVERIFY(large.endsWith(tail));
        const QList<int> marked = selectedLines(smaps);
        const qsizetype entrySize = headers.constLast().capturedStart() - stack.capturedStart();
        QCOMPARE(marked.size(), int(large.mid(stack.capturedStart(), entrySize).count(QLatin1Char('\n'))));
        QVERIFY(smaps->document()->findBlockByNumber(marked.constFirst()).text().startsWith(stack.captured(0)));
        QCOMPARE(smaps->textCursor().blockNumber(), marked.constFirst());

        // Lines of the part announce the mappings of the whole text.
        QSignalSpy clicked(&view, &RawProcView::mappingClicked);
        QTest::keyClick(smaps, Qt::Key_Up);
        QCOMPARE(clicked.count(), 1);
        const QRegularExpressionMatch previous = headers.at(headers.size() - 3);
        QCOMPARE(clicked.at(0).at(0).toULongLong(), previous.captured(1).toULongLong(nullptr, 16));
        QCOMPARE(clicked.at(0).at(1).toULongLong(), previous.captured(2).toULongLong(nullptr, 16));

        // Find searches the whole text and shows the part with the match.
        const QRegularExpressionMatch middle = headers.at(headers.size() / 2);
        view.openFindBar();
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("findEdit")), middle.captured(0));
        QCOMPARE(smaps->textCursor().selectedText(), middle.captured(0));
        QVERIFY(smaps->textCursor().block().text().startsWith(middle.captured(0)));
        QVERIFY(large.contains(smaps->toPlainText()));
        QVERIFY(!large.startsWith(smaps->toPlainText()) && !large.endsWith(smaps->toPlainText()));
        QCOMPARE(clicked.constLast().at(0).toULongLong(), middle.captured(1).toULongLong(nullptr, 16));

        // A text that fits is shown whole again.
        view.setText(Kind::Smaps, m_smaps);
        QCOMPARE(smaps->toPlainText(), m_smaps);
        QVERIFY(!banner->isVisibleTo(&view));
    }

    // Texts without mappings are cut between lines; meminfo is never this long, but the rule is the same.
    void largeTextWithoutMappingsIsCutBetweenLines()
    {
        RawProcView view;
        view.setCurrentKind(Kind::Meminfo);
        QString large;
        while (large.size() <= 2 * RawProcView::ShownTextLimit)
            large += m_meminfo;
        large += QStringLiteral("Last:  1 kB\n");
        view.setText(Kind::Meminfo, large);
        QPlainTextEdit *meminfo = view.editor(Kind::Meminfo);
        const QString shown = meminfo->toPlainText();
        QVERIFY(shown.size() <= RawProcView::ShownTextLimit);
        QVERIFY(large.startsWith(shown));
        QVERIFY(shown.endsWith(QLatin1Char('\n')));
        QVERIFY(view.findChild<MessageBanner *>()->isVisibleTo(&view));

        view.openFindBar();
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("findEdit")), QStringLiteral("Last:"));
        QVERIFY(large.endsWith(meminfo->toPlainText()));
        QCOMPARE(meminfo->textCursor().block().text(), QStringLiteral("Last:  1 kB"));
    }

    void clearEmptiesEverything()
    {
        RawProcView view;
        view.setText(Kind::Maps, m_maps);
        view.setText(Kind::Status, m_status);
        view.highlightMapping(rangeOfLine(m_mapsLines.at(0)).first, rangeOfLine(m_mapsLines.at(0)).second);
        view.clear();
        QVERIFY(view.editor(Kind::Maps)->document()->isEmpty());
        QVERIFY(view.editor(Kind::Status)->document()->isEmpty());
        QVERIFY(view.editor(Kind::Maps)->extraSelections().isEmpty());
    }

private:
    QString m_maps;
    QString m_smaps;
    QString m_status;
    QString m_meminfo;
    QStringList m_mapsLines;
    QStringList m_smapsLines;
};

QTEST_MAIN(TestRawProcView)
#include "tst_rawprocview.moc"
