#pragma once

#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;
class QTableView;

// The timeline of snapshots of one process and the diff of two of them. It only presents: taking
// snapshots and computing diffs belong to whoever owns the models.
class SnapshotPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SnapshotPanel(QWidget *parent = nullptr);

    void setTimelineModel(QAbstractItemModel *timeline);
    void setDiffModel(QAbstractItemModel *diff);
    void setSummary(const QString &text); // the totals of the shown diff, or why there is none
    bool isAutoSnapshotOn() const;
    int autoSnapshotSeconds() const;
    QTableView *diffView() const { return m_diffView; }
    QListView *timelineView() const { return m_timelineView; }
    QPushButton *saveButton() const { return m_saveButton; }

Q_SIGNALS:
    void takeSnapshotRequested();
    void autoSnapshotChanged(bool on, int seconds);
    // Two timeline rows to compare, older first.
    void compareRequested(int olderRow, int newerRow);
    void endComparisonRequested();
    void saveTimelineRequested();

private:
    void updateCompareButton();

    QPushButton *m_takeButton;
    QCheckBox *m_autoCheck;
    QSpinBox *m_autoSeconds;
    QListView *m_timelineView;
    QPushButton *m_compareButton;
    QPushButton *m_endButton;
    QPushButton *m_saveButton;
    QLabel *m_summary;
    QTableView *m_diffView;
};
