#pragma once

#include <QWidget>

#include "analytics/BenchmarkChoice.h"
#include "common/Error.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace strata {

/// What the tearsheet is measured against: the parent strategy (the default), none, another strategy by id,
/// a table's column of the open database (TABLE.COLUMN, or TABLE.COLUMN@DATE_COLUMN) or a CSV file. The
/// parent and none apply at once; the others when Apply (or Return) is pressed. While the window reads the
/// new benchmark on a worker it shows the stage it is at and a Cancel button (cancelRequested).
class BenchmarkChooser : public QWidget
{
    Q_OBJECT

public:
    explicit BenchmarkChooser(QWidget* parent = nullptr);

    /// Shows `choice` as the one in effect, without asking for a read.
    void showChoice(const BenchmarkChoice& choice);
    /// Shows `choice` and asks for it (chosen), as the operator's Apply does.
    void choose(const BenchmarkChoice& choice);
    /// A read is running (`stage` says where it is) or has ended.
    void setReading(bool reading, const QString& stage = {});
    bool isReading() const { return m_reading; }
    /// The choice in effect (the last shown with showChoice).
    const BenchmarkChoice& current() const { return m_current; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* argumentField() const { return m_argument; }
    QPushButton* applyButton() const { return m_apply; }
    /// Shown while a read is running.
    QPushButton* cancelButton() const { return m_cancel; }
    QString stageText() const;

Q_SIGNALS:
    void chosen(const strata::BenchmarkChoice& choice);
    /// What the operator typed is not a benchmark (an empty id, a column without its table).
    void invalid(const strata::Error& error);
    /// The operator cancelled the read running (Cancel).
    void cancelRequested();

private:
    void onKindChanged();
    void apply();
    BenchmarkChoice::Kind kindShown() const;

    QComboBox* m_kind;
    QLineEdit* m_argument;
    QToolButton* m_browse;
    QPushButton* m_apply;
    QPushButton* m_cancel;
    QProgressBar* m_busy;
    QLabel* m_stage;
    BenchmarkChoice m_current;
    bool m_reading = false;
    bool m_showing = false;
};

} // namespace strata
