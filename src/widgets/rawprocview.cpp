#include "rawprocview.h"

#include "messagebanner.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QCheckBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using KSyntaxHighlighting::Repository;
using KSyntaxHighlighting::Theme;

// Our definitions are compiled into this static library; without a reference the linker drops them.
// Q_INIT_RESOURCE must be used outside any namespace.
static void initSyntaxResources()
{
    Q_INIT_RESOURCE(syntax);
}

namespace {

using Kind = RawProcView::Kind;
constexpr std::array AllKinds{Kind::Maps, Kind::Smaps, Kind::Status, Kind::Meminfo};

QString fileName(Kind kind)
{
    switch (kind) {
    case Kind::Maps:
        return QStringLiteral("maps");
    case Kind::Smaps:
        return QStringLiteral("smaps");
    case Kind::Status:
        return QStringLiteral("status");
    case Kind::Meminfo:
        return QStringLiteral("meminfo");
    }
    Q_UNREACHABLE();
    return {};
}

QString definitionName(Kind kind)
{
    switch (kind) {
    case Kind::Maps:
        return QStringLiteral("Linux /proc maps");
    case Kind::Smaps:
        return QStringLiteral("Linux /proc smaps");
    case Kind::Status:
    case Kind::Meminfo:
        return QStringLiteral("Linux /proc key-value");
    }
    Q_UNREACHABLE();
    return {};
}

bool isMappingText(Kind kind)
{
    return kind == Kind::Maps || kind == Kind::Smaps;
}

// "7f3a1c000000-7f3a1c021000 rw-p ..." gives [start, end); any other line (smaps "Key: value"
// lines included) gives nothing.
std::optional<std::pair<quint64, quint64>> parseAddressRange(QStringView line)
{
    const qsizetype space = line.indexOf(u' ');
    const QStringView field = space < 0 ? line : line.first(space);
    const qsizetype dash = field.indexOf(u'-');
    if (dash <= 0)
        return std::nullopt;
    bool startOk = false;
    bool endOk = false;
    const quint64 start = field.first(dash).toULongLong(&startOk, 16);
    const quint64 end = field.sliced(dash + 1).toULongLong(&endOk, 16);
    if (!startOk || !endOk || end <= start)
        return std::nullopt;
    return std::pair{start, end};
}

QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t, a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

} // namespace

RawProcView::RawProcView(QWidget *parent)
    : QWidget(parent)
    , m_banner(new MessageBanner(this))
    , m_tabs(new QTabWidget(this))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_matchCase(new QCheckBox(tr("Match case"), m_findBar))
    , m_findStatus(new QLabel(m_findBar))
{
    initSyntaxResources();
    m_repository = std::make_unique<Repository>();

    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const Kind kind : AllKinds) {
        Page &p = page(kind);
        p.editor = new QPlainTextEdit(m_tabs);
        p.editor->setObjectName(fileName(kind));
        p.editor->setReadOnly(true);
        // Keyboard selection gives a caret that the arrow keys move, line by line through the mappings.
        p.editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        p.editor->setLineWrapMode(QPlainTextEdit::NoWrap); // the kernel's columns stay columns
        p.editor->setUndoRedoEnabled(false);
        p.editor->setFont(font);
        p.editor->setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 8); // status uses tabs
        p.highlighter = new KSyntaxHighlighting::SyntaxHighlighter(p.editor->document());
        const auto definition = m_repository->definitionForName(definitionName(kind));
        if (!definition.isValid())
            qWarning("RawProcView: syntax definition \"%s\" is missing", qPrintable(definitionName(kind)));
        p.highlighter->setDefinition(definition);
        const int tab = m_tabs->addTab(p.editor, fileName(kind));
        m_tabs->setTabToolTip(tab, kind == Kind::Meminfo ? tr("/proc/meminfo") : tr("/proc/PID/%1").arg(fileName(kind)));
        if (isMappingText(kind))
            connect(p.editor, &QPlainTextEdit::cursorPositionChanged, this, [this, kind] { onCursorMoved(kind); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        m_findStatus->clear();
        updateBanner();
    });

    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_matchCase->setObjectName(QStringLiteral("matchCase"));
    m_findStatus->setObjectName(QStringLiteral("findStatus"));
    auto *previous = new QToolButton(m_findBar);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(m_findBar);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(m_findBar);
    close->setIcon(QIcon::fromTheme(QStringLiteral("dialog-close"), style()->standardIcon(QStyle::SP_TitleBarCloseButton)));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Escape)"));
    // Typing extends the current match rather than jumping past it.
    connect(m_findEdit, &QLineEdit::textEdited, this, [this] { find(false, true); });
    connect(m_matchCase, &QCheckBox::toggled, this, [this] { find(false, true); });
    connect(next, &QToolButton::clicked, this, [this] { find(false, false); });
    connect(previous, &QToolButton::clicked, this, [this] { find(true, false); });
    connect(close, &QToolButton::clicked, this, &RawProcView::closeFindBar);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(4, 2, 4, 2);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_matchCase);
    findLayout->addWidget(m_findStatus, 1);
    findLayout->addWidget(close);
    m_findBar->hide();

    auto *findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &RawProcView::openFindBar);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_findBar);

    applyTheme();
}

RawProcView::~RawProcView() = default;

void RawProcView::setText(Kind kind, const QString &text)
{
    Page &p = page(kind);
    // A refresh shows the same part at the same scroll position: the reader stays where they were.
    const qsizetype around = (p.shownFrom + p.shownTo) / 2;
    const int scrollPosition = p.editor->verticalScrollBar()->value();
    p.text = text;
    p.mappingLines.clear();
    if (isMappingText(kind)) {
        for (qsizetype from = 0; from < text.size();) {
            qsizetype to = text.indexOf(u'\n', from);
            if (to < 0)
                to = text.size();
            if (const auto range = parseAddressRange(QStringView(text).sliced(from, to - from)))
                p.mappingLines.push_back({from, *range});
            from = to + 1;
        }
    }
    showPart(kind, around);
    p.editor->verticalScrollBar()->setValue(scrollPosition);
}

void RawProcView::clear()
{
    m_highlightedMapping.reset();
    for (const Kind kind : AllKinds)
        setText(kind, QString());
    m_findStatus->clear();
}

RawProcView::Kind RawProcView::currentKind() const
{
    return static_cast<Kind>(m_tabs->currentIndex());
}

void RawProcView::setCurrentKind(Kind kind)
{
    m_tabs->setCurrentIndex(static_cast<int>(kind));
}

QPlainTextEdit *RawProcView::editor(Kind kind) const
{
    return page(kind).editor;
}

void RawProcView::highlightMapping(quint64 start, quint64 end)
{
    m_highlightedMapping = AddressRange{start, end};
    for (const Kind kind : {Kind::Maps, Kind::Smaps}) {
        if (const MappingLine *line = highlightedLine(page(kind)))
            reveal(kind, line->offset);
        markMapping(kind, true);
    }
}

void RawProcView::openFindBar()
{
    m_findBar->show();
    // Like other editors: what is selected (on one line) is what to look for.
    const QTextCursor cursor = editor(currentKind())->textCursor();
    if (cursor.hasSelection() && !cursor.selectedText().contains(QChar::ParagraphSeparator))
        m_findEdit->setText(cursor.selectedText());
    m_findEdit->selectAll();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
}

void RawProcView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

bool RawProcView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            find(key->modifiers() & Qt::ShiftModifier, false);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            closeFindBar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void RawProcView::showPart(Kind kind, qsizetype around)
{
    Page &p = page(kind);
    const qsizetype size = p.text.size();
    // Parts begin where a mapping's text does (a maps line, an smaps entry), so no entry is cut in two;
    // texts without mappings are cut between lines.
    const auto boundaryAtOrBefore = [&p](qsizetype pos) -> qsizetype {
        if (p.mappingLines.empty())
            return pos <= 0 ? 0 : p.text.lastIndexOf(u'\n', pos - 1) + 1;
        const qsizetype before = mappingLinesBefore(p, pos + 1);
        return before == 0 ? 0 : p.mappingLines[size_t(before) - 1].offset;
    };
    const auto boundaryAtOrAfter = [&p, size](qsizetype pos) -> qsizetype {
        if (pos <= 0)
            return 0;
        if (p.mappingLines.empty()) {
            const qsizetype newline = p.text.indexOf(u'\n', pos - 1);
            return newline < 0 ? size : newline + 1;
        }
        const qsizetype before = mappingLinesBefore(p, pos);
        return before == qsizetype(p.mappingLines.size()) ? size : p.mappingLines[size_t(before)].offset;
    };
    qsizetype from = 0;
    qsizetype to = size;
    if (size > ShownTextLimit) {
        // Centred on `around`; at the end of the text, all of its tail. Either way `around`'s entry is in.
        from = boundaryAtOrBefore(std::max<qsizetype>(0, around - ShownTextLimit / 2));
        if (size - from <= ShownTextLimit)
            from = std::min(boundaryAtOrAfter(size - ShownTextLimit), boundaryAtOrBefore(around));
        else
            to = std::max(boundaryAtOrBefore(from + ShownTextLimit), boundaryAtOrAfter(around + 1));
    }
    {
        // Loading moves the caret to the first line: no choice of the user's to announce.
        const QSignalBlocker blocker(p.editor);
        p.editor->setPlainText(from == 0 && to == size ? p.text : p.text.sliced(from, to - from));
    }
    p.shownFrom = from;
    p.shownTo = to;
    p.cursorRange.reset();
    markMapping(kind, false);
    updateBanner();
}

qsizetype RawProcView::mappingLinesBefore(const Page &page, qsizetype offset)
{
    return std::lower_bound(page.mappingLines.cbegin(), page.mappingLines.cend(), offset,
                            [](const MappingLine &line, qsizetype o) { return line.offset < o; })
        - page.mappingLines.cbegin();
}

const RawProcView::MappingLine *RawProcView::highlightedLine(const Page &page) const
{
    if (!m_highlightedMapping)
        return nullptr;
    const auto found = std::find_if(page.mappingLines.cbegin(), page.mappingLines.cend(),
                                    [this](const MappingLine &line) { return line.range == *m_highlightedMapping; });
    return found == page.mappingLines.cend() ? nullptr : &*found;
}

void RawProcView::reveal(Kind kind, qsizetype offset)
{
    const Page &p = page(kind);
    if (offset < p.shownFrom || offset >= p.shownTo)
        showPart(kind, offset);
}

void RawProcView::markMapping(Kind kind, bool scroll)
{
    if (!isMappingText(kind))
        return;
    Page &p = page(kind);
    QList<QTextEdit::ExtraSelection> selections;
    const MappingLine *found = highlightedLine(p);
    if (found && found->offset >= p.shownFrom && found->offset < p.shownTo) {
        QTextDocument *document = p.editor->document();
        const QTextBlock first = document->findBlock(int(found->offset - p.shownFrom));
        // An smaps entry runs from its header to the next header (whose preceding '\n' ends the entry's last block).
        const MappingLine *following = found + 1;
        const bool isLast = following == p.mappingLines.data() + p.mappingLines.size();
        const qsizetype entryEnd = std::min(isLast ? p.text.size() : following->offset, p.shownTo);
        const QTextBlock last = kind == Kind::Maps ? first : document->findBlock(int(entryEnd - p.shownFrom - 1));
        // Full-width line backgrounds in the application's highlight colour, softened so the syntax colours stay readable.
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(blend(p.editor->palette().color(QPalette::Base), palette().color(QPalette::Highlight), 0.25));
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        for (QTextBlock block = first; block.isValid(); block = block.next()) {
            selection.cursor = QTextCursor(block);
            selections.append(selection);
            if (block == last)
                break;
        }
        if (scroll) {
            // Known before the caret moves, so that moving it announces nothing.
            p.cursorRange = found->range;
            // The last line first, then the first: both end up in view when they fit.
            p.editor->setTextCursor(QTextCursor(last));
            p.editor->ensureCursorVisible();
            p.editor->setTextCursor(QTextCursor(first));
            p.editor->ensureCursorVisible();
        }
    }
    p.editor->setExtraSelections(selections);
}

void RawProcView::applyTheme()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const Theme theme = m_repository->defaultTheme(dark ? Repository::DarkTheme : Repository::LightTheme);
    const QColor background = QColor::fromRgba(theme.editorColor(Theme::BackgroundColor));
    const QColor text = QColor::fromRgba(theme.textColor(Theme::Normal));
    for (Page &p : m_pages) {
        QPalette editorPalette = p.editor->palette();
        editorPalette.setColor(QPalette::Base, background);
        editorPalette.setColor(QPalette::Text, text);
        editorPalette.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(Theme::TextSelection)));
        editorPalette.setColor(QPalette::HighlightedText, text);
        p.editor->setPalette(editorPalette);
        // Palette changes come for many reasons; recolouring a large text is worth skipping if it's the same theme.
        if (p.highlighter->theme().name() != theme.name()) {
            p.highlighter->setTheme(theme);
            if (p.highlighter->document())
                p.highlighter->rehighlight();
        }
    }
    markMapping(Kind::Maps, false);
    markMapping(Kind::Smaps, false);
}

void RawProcView::updateBanner()
{
    const Kind kind = currentKind();
    const Page &p = page(kind);
    if (p.shownFrom == 0 && p.shownTo == p.text.size()) {
        m_banner->clearMessage();
        return;
    }
    const QLocale locale = this->locale();
    QString part = tr("%1 of it").arg(locale.formattedDataSize(p.shownTo - p.shownFrom));
    if (!p.mappingLines.empty()) {
        part = tr("mappings %1 to %2 of %3")
                   .arg(locale.toString(mappingLinesBefore(p, p.shownFrom) + 1),
                        locale.toString(mappingLinesBefore(p, p.shownTo)), locale.toString(qsizetype(p.mappingLines.size())));
    }
    m_banner->showMessage(MessageBanner::Level::Information,
                          tr("%1 is %2, more than can be shown at once without stalling the window: showing %3. "
                             "Find, or selecting a mapping, shows another part.")
                              .arg(fileName(kind), locale.formattedDataSize(p.text.size()), part));
}

void RawProcView::onCursorMoved(Kind kind)
{
    Page &p = page(kind);
    const qsizetype lineStart = p.shownFrom + p.editor->textCursor().block().position();
    // The last mapping line at or above the caret: in smaps every line below a header belongs to it.
    const qsizetype atOrAbove = mappingLinesBefore(p, lineStart + 1);
    std::optional<AddressRange> range;
    if (atOrAbove > 0) {
        const MappingLine &above = p.mappingLines[size_t(atOrAbove) - 1];
        if (kind == Kind::Smaps || above.offset == lineStart)
            range = above.range;
    }
    if (range == p.cursorRange)
        return;
    p.cursorRange = range;
    if (range)
        Q_EMIT mappingClicked(range->first, range->second);
}

void RawProcView::find(bool backward, bool fromSelectionStart)
{
    m_findStatus->clear();
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return;
    const Kind kind = currentKind();
    Page &p = page(kind);
    const QTextCursor cursor = p.editor->textCursor();
    const qsizetype selectionStart = p.shownFrom + cursor.selectionStart();
    const qsizetype selectionEnd = p.shownFrom + cursor.selectionEnd();
    const Qt::CaseSensitivity sensitivity = m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    // The whole text, not only the part shown; from = -1 searches backward from the end.
    const auto search = [&](qsizetype from) {
        return backward ? p.text.lastIndexOf(needle, from, sensitivity) : p.text.indexOf(needle, from, sensitivity);
    };
    qsizetype at = backward ? (selectionStart > 0 ? search(selectionStart - 1) : -1)
                            : search(fromSelectionStart ? selectionStart : selectionEnd);
    if (at < 0) {
        at = search(backward ? -1 : 0);
        if (at >= 0)
            m_findStatus->setText(tr("Wrapped around"));
    }
    if (at < 0) {
        m_findStatus->setText(tr("Not found"));
        return;
    }
    reveal(kind, at);
    QTextCursor match(p.editor->document());
    match.setPosition(int(at - p.shownFrom));
    match.setPosition(int(std::min(at + needle.size(), p.shownTo) - p.shownFrom), QTextCursor::KeepAnchor);
    p.editor->setTextCursor(match);
}

void RawProcView::closeFindBar()
{
    m_findBar->hide();
    m_findStatus->clear();
    editor(currentKind())->setFocus();
}
