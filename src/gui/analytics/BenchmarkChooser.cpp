#include "analytics/BenchmarkChooser.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>

namespace strata {

BenchmarkChooser::BenchmarkChooser(QWidget* parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_argument(new QLineEdit(this)),
      m_browse(new QToolButton(this)), m_apply(new QPushButton(tr("Apply"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_busy(new QProgressBar(this)), m_stage(new QLabel(this))
{
    m_kind->addItem(tr("Parent strategy"), int(BenchmarkChoice::Kind::Parent));
    m_kind->addItem(tr("None"), int(BenchmarkChoice::Kind::None));
    m_kind->addItem(tr("Another strategy…"), int(BenchmarkChoice::Kind::Strategy));
    m_kind->addItem(tr("Column of a table…"), int(BenchmarkChoice::Kind::Column));
    m_kind->addItem(tr("CSV file…"), int(BenchmarkChoice::Kind::CsvFile));
    m_kind->setToolTip(tr("What the tearsheet is measured against: every metric gets a Benchmark column"));
    m_argument->setMinimumWidth(200);
    m_argument->setClearButtonEnabled(true);
    m_browse->setText(tr("Browse…"));
    m_busy->setRange(0, 0); // a read has no count of steps worth showing: busy until it ends
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_cancel->setToolTip(tr("Stop reading the benchmark: the tearsheet keeps the one it shows"));
    m_cancel->hide();
    m_stage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stage->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Benchmark:"), this));
    layout->addWidget(m_kind);
    layout->addWidget(m_argument, 1);
    layout->addWidget(m_browse);
    layout->addWidget(m_apply);
    layout->addWidget(m_busy);
    layout->addWidget(m_cancel);
    layout->addWidget(m_stage, 1);

    connect(m_kind, qOverload<int>(&QComboBox::currentIndexChanged), this, &BenchmarkChooser::onKindChanged);
    connect(m_apply, &QPushButton::clicked, this, &BenchmarkChooser::apply);
    connect(m_cancel, &QPushButton::clicked, this, &BenchmarkChooser::cancelRequested);
    connect(m_argument, &QLineEdit::returnPressed, this, &BenchmarkChooser::apply);
    connect(m_browse, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("A benchmark series"), m_argument->text(),
                                                          tr("CSV files (*.csv *.txt);;All files (*)"));
        if (path.isEmpty())
            return;
        m_argument->setText(path);
        apply();
    });
    showChoice({});
}

BenchmarkChoice::Kind BenchmarkChooser::kindShown() const
{
    return static_cast<BenchmarkChoice::Kind>(m_kind->currentData().toInt());
}

void BenchmarkChooser::onKindChanged()
{
    const BenchmarkChoice::Kind kind = kindShown();
    const bool needsArgument = kind == BenchmarkChoice::Kind::Strategy ||
                               kind == BenchmarkChoice::Kind::Column ||
                               kind == BenchmarkChoice::Kind::CsvFile;
    m_argument->setVisible(needsArgument);
    m_apply->setVisible(needsArgument);
    m_browse->setVisible(kind == BenchmarkChoice::Kind::CsvFile);
    m_argument->setPlaceholderText(kind == BenchmarkChoice::Kind::Strategy ? tr("strategy id, e.g. MOM-0003")
                                   : kind == BenchmarkChoice::Kind::Column
                                       ? tr("table.column, or table.column@date_column")
                                       : tr("path of a CSV file with a date and a value"));
    if (m_showing)
        return;
    if (kind == m_current.kind && needsArgument)
        return; // the same kind: the operator edits its argument and applies
    m_argument->clear();
    if (!needsArgument)
        apply();
    else
        m_argument->setFocus();
}

void BenchmarkChooser::apply()
{
    const BenchmarkChoice::Kind kind = kindShown();
    const QString argument = m_argument->text().trimmed();
    QString spec;
    switch (kind) {
    case BenchmarkChoice::Kind::Parent:
        spec = QStringLiteral("parent");
        break;
    case BenchmarkChoice::Kind::None:
        spec = QStringLiteral("none");
        break;
    case BenchmarkChoice::Kind::Strategy:
        spec = QStringLiteral("strategy:") + argument;
        break;
    case BenchmarkChoice::Kind::Column:
        spec = QStringLiteral("column:") + argument;
        break;
    case BenchmarkChoice::Kind::CsvFile:
        spec = QStringLiteral("csv:") + argument;
        break;
    }
    if (kind != BenchmarkChoice::Kind::Parent && kind != BenchmarkChoice::Kind::None && argument.isEmpty()) {
        Q_EMIT invalid(
            Error::badInput(tr("No %1 was given for the benchmark.")
                                .arg(kind == BenchmarkChoice::Kind::Strategy ? tr("strategy id")
                                     : kind == BenchmarkChoice::Kind::Column ? tr("table and column")
                                                                             : tr("CSV file")),
                            tr("Type it in the field beside the benchmark's kind and press Apply; "
                               "the tearsheet is unchanged.")));
        return;
    }
    // The core reads the spec as `strata-cli strategies performance --benchmark` does.
    auto parsed = BenchmarkChoice::parse(spec);
    if (!parsed) {
        Q_EMIT invalid(parsed.error());
        return;
    }
    Q_EMIT chosen(*parsed);
}

void BenchmarkChooser::showChoice(const BenchmarkChoice& choice)
{
    m_current = choice;
    m_showing = true;
    m_kind->setCurrentIndex(m_kind->findData(int(choice.kind)));
    onKindChanged();
    switch (choice.kind) {
    case BenchmarkChoice::Kind::Strategy:
        m_argument->setText(choice.strategyId);
        break;
    case BenchmarkChoice::Kind::Column:
    case BenchmarkChoice::Kind::CsvFile: {
        // The spec without its "column:" or "csv:" prefix: what the operator typed.
        const QString spec = choice.spec();
        m_argument->setText(spec.mid(spec.indexOf(QLatin1Char(':')) + 1));
        break;
    }
    default:
        m_argument->clear();
    }
    m_showing = false;
}

void BenchmarkChooser::choose(const BenchmarkChoice& choice)
{
    showChoice(choice);
    Q_EMIT chosen(choice);
}

void BenchmarkChooser::setReading(bool reading, const QString& stage)
{
    m_reading = reading;
    m_busy->setVisible(reading);
    m_cancel->setVisible(reading);
    m_stage->setText(reading ? (stage.isEmpty() ? tr("Reading the benchmark…") : stage + QStringLiteral("…"))
                             : QString());
    m_kind->setEnabled(!reading);
    m_apply->setEnabled(!reading);
}

QString BenchmarkChooser::stageText() const
{
    return m_stage->text();
}

} // namespace strata
