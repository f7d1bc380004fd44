#include "welcome/WelcomePage.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace strata {

namespace {

QPushButton* journey(QWidget* parent, const QString& name, const QString& text, QStyle::StandardPixmap icon)
{
    auto* button = new QPushButton(parent->style()->standardIcon(icon), text, parent);
    button->setObjectName(name);
    button->setMinimumHeight(44);
    button->setIconSize(QSize(22, 22));
    QFont bold = button->font();
    bold.setBold(true);
    button->setFont(bold);
    return button;
}

QLabel* words(QWidget* parent, const QString& text)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

} // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent),
      m_migrate(journey(this, QStringLiteral("migrateDemo"), tr("Migrate the demo…"), QStyle::SP_MediaPlay)),
      m_inspect(journey(this, QStringLiteral("inspectDemo"), tr("Inspect the demo"),
                        QStyle::SP_FileDialogContentsView)),
      m_strategies(journey(this, QStringLiteral("browseStrategies"), tr("Browse strategies"),
                           QStyle::SP_FileDialogDetailedView)),
      m_connect(new QPushButton(tr("Connect to a database of your own…"), this))
{
    setObjectName(QStringLiteral("welcomePage"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_connect->setFlat(true);

    auto* title = new QLabel(tr("Welcome to Strata"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    auto* intro = words(
        this,
        tr("Strata changes the schema of a trading platform's database without surprises: SQLite state "
           "files and PostgreSQL. Each migration walks a runbook: pre-flight checks, a verified backup, "
           "the steps with a live log, and a verification, with the backup one click away if a step "
           "fails. It also shows what is in a database (its schema, indexes and drift from the migration "
           "set) and the strategies a platform keeps (their lineage and tearsheets).<br><br>"
           "Start with the demo: a copy of a risk manager's state database at v1 with v2 to apply, "
           "kept in a folder of its own. Nothing you do to it touches another database."));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(1, 1);
    const QList<std::pair<QPushButton*, QString>> journeys{
        {m_migrate,
         tr("Open the demo and start Migrations > Migrate…: the wizard walks the runbook from v1 to v2.")},
        {m_inspect, tr("Open the demo on its Schema tab: tables, columns, the index map with its advice, the "
                       "ER diagram and the drift check.")},
        {m_strategies,
         tr("Open the demo strategy database: the lineage of the strategies, each one's tearsheet, "
            "and a comparison of several.")}};
    for (int row = 0; row < journeys.size(); ++row) {
        grid->addWidget(journeys.at(row).first, row, 0);
        grid->addWidget(words(this, journeys.at(row).second), row, 1);
    }
    for (int row = 0; row < journeys.size(); ++row)
        journeys.at(row).first->setMinimumWidth(220);

    auto* column = new QWidget(this);
    column->setMaximumWidth(860);
    auto* inner = new QVBoxLayout(column);
    inner->setSpacing(14);
    inner->addWidget(title);
    inner->addWidget(intro);
    inner->addSpacing(8);
    inner->addLayout(grid);
    inner->addSpacing(8);
    inner->addWidget(m_connect, 0, Qt::AlignLeft);
    inner->addWidget(words(this, tr("The user guide is under Help > User guide.")));
    inner->addStretch();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 20);
    layout->addStretch(1);
    layout->addWidget(column, 6);
    layout->addStretch(1);

    connect(m_migrate, &QPushButton::clicked, this, &WelcomePage::migrateDemoRequested);
    connect(m_inspect, &QPushButton::clicked, this, &WelcomePage::inspectDemoRequested);
    connect(m_strategies, &QPushButton::clicked, this, &WelcomePage::browseStrategiesRequested);
    connect(m_connect, &QPushButton::clicked, this, &WelcomePage::connectRequested);
}

} // namespace strata
