#pragma once

#include <QWidget>

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class MessageBanner;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace KSyntaxHighlighting {
class Repository;
class SyntaxHighlighter;
}

// The texts as the kernel printed them: a process's maps, smaps and status, and the system's meminfo,
// one read-only tab each, coloured by our own KSyntaxHighlighting definitions (resources/syntax),
// searchable (Ctrl+F), and tied to the shared mapping selection through highlightMapping() and
// mappingClicked().
//
// A text longer than ShownTextLimit is shown a part at a time, cut between mappings: for a
// 60,000-mapping smaps (44 MB, 1.5 million lines) QTextDocument alone needs 4.5 s, colouring it 10 s
// more, and it walks every line again whenever the width changes. highlightMapping() and Find (which
// searches the whole text) move the part shown; a banner says which part it is.
class RawProcView : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Maps, Smaps, Status, Meminfo };
    Q_ENUM(Kind)

    // In characters (about 2,600 smaps entries); a part this long takes about 0.45 s to load and colour.
    static constexpr qsizetype ShownTextLimit = 2 * 1024 * 1024;

    explicit RawProcView(QWidget *parent = nullptr);
    ~RawProcView() override;

    // Setting a kind's text again (a refresh) keeps the part and scroll position shown; clear() first
    // when the text is another process's.
    void setText(Kind kind, const QString &text);
    void clear();

    Kind currentKind() const;
    void setCurrentKind(Kind kind);

    QPlainTextEdit *editor(Kind kind) const;

    // Marks the lines of the mapping [start, end) in the maps and smaps texts and scrolls to them.
    void highlightMapping(quint64 start, quint64 end);

    void openFindBar();

Q_SIGNALS:
    // The user put the cursor on a line of the mapping [start, end) in the maps or smaps text.
    void mappingClicked(quint64 start, quint64 end);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using AddressRange = std::pair<quint64, quint64>;
    // A maps line, or the header line of an smaps entry, and the range it names.
    struct MappingLine
    {
        qsizetype offset; // into Page::text
        AddressRange range;
    };
    struct Page
    {
        QPlainTextEdit *editor = nullptr;
        KSyntaxHighlighting::SyntaxHighlighter *highlighter = nullptr;
        QString text; // all of it; the editor holds [shownFrom, shownTo)
        qsizetype shownFrom = 0;
        qsizetype shownTo = 0;
        std::vector<MappingLine> mappingLines; // ascending offsets
        std::optional<AddressRange> cursorRange; // the mapping under the cursor, last announced
    };

    Page &page(Kind kind) { return m_pages[static_cast<size_t>(kind)]; }
    const Page &page(Kind kind) const { return m_pages[static_cast<size_t>(kind)]; }
    // How many of the page's mapping lines start before offset.
    static qsizetype mappingLinesBefore(const Page &page, qsizetype offset);
    const MappingLine *highlightedLine(const Page &page) const;
    void showPart(Kind kind, qsizetype from);
    void reveal(Kind kind, qsizetype offset);
    void markMapping(Kind kind, bool scroll);
    void applyTheme();
    void updateBanner();
    void onCursorMoved(Kind kind);
    void find(bool backward, bool fromSelectionStart);
    void closeFindBar();

    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
    std::array<Page, 4> m_pages;
    std::optional<AddressRange> m_highlightedMapping;
    MessageBanner *m_banner;
    QTabWidget *m_tabs;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QCheckBox *m_matchCase;
    QLabel *m_findStatus;
};
