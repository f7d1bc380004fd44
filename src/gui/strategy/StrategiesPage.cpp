#include "strategy/StrategiesPage.h"

#include <QScreen>

#include "analytics/FamilyWindow.h"
#include "common/ErrorBanner.h"
#include "strategy/LineageExport.h"
#include "strategy/LineageProblemList.h"
#include "strategy/LineageScene.h"
#include "strategy/LineageView.h"
#include "strategy/PerformanceWindows.h"
#include "strategy/StrategyDetails.h"
#include "strategy/StrategyNodeItem.h"
#include "ui_StrategiesPage.h"

namespace strata {

namespace {

QString counted(qsizetype n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

} // namespace

StrategiesPage::StrategiesPage(QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::StrategiesPage>()), m_scene(new LineageScene(this)),
      m_reader(new StrategyReader(this)), m_windows(new PerformanceWindows(*this))
{
    m_ui->setupUi(this);
    QFont big = m_ui->emptyTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_ui->emptyTitle->setFont(big);
    m_ui->status->setContentsMargins(6, 2, 6, 2);
    m_ui->view->setScene(m_scene);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    m_ui->splitter->setSizes({720, 460});
    m_ui->graphSplitter->setStretchFactor(0, 5);
    m_ui->graphSplitter->setStretchFactor(1, 1);
    m_ui->graphSplitter->setSizes({560, 110});

    LineageView* view = m_ui->view;
    connect(m_ui->fitButton, &QToolButton::clicked, this,
            [this] { m_ui->view->fitRect(m_scene->shownRect()); });
    connect(m_ui->zoomInButton, &QToolButton::clicked, view, &LineageView::zoomIn);
    connect(m_ui->zoomOutButton, &QToolButton::clicked, view, &LineageView::zoomOut);
    connect(m_ui->actualSizeButton, &QToolButton::clicked, view, &LineageView::resetZoom);
    connect(view, &LineageView::zoomChanged, this, [this](double factor) {
        m_ui->zoomLabel->setText(QStringLiteral("%1%").arg(qRound(factor * 100)));
    });
    connect(m_ui->search, &QLineEdit::textChanged, this, &StrategiesPage::search);
    connect(m_ui->focusButton, &QToolButton::clicked, this, &StrategiesPage::focusOnSelected);
    connect(m_ui->showAllButton, &QToolButton::clicked, this, &StrategiesPage::showAll);
    connect(m_ui->exportPngButton, &QToolButton::clicked, this, [this] {
        LineageExport::choose(*this, *m_scene, QStringLiteral("png"), m_title, *m_ui->lineageBanner);
    });
    connect(m_ui->exportSvgButton, &QToolButton::clicked, this, [this] {
        LineageExport::choose(*this, *m_scene, QStringLiteral("svg"), m_title, *m_ui->lineageBanner);
    });
    connect(m_ui->openDemoButton, &QPushButton::clicked, this, &StrategiesPage::openDemoRequested);
    connect(m_ui->problemList, &LineageProblemList::strategyClicked, this, &StrategiesPage::selectStrategy);

    connect(m_scene, &LineageScene::layoutStarted, this, [this](int strategies) {
        m_ui->status->setText(
            tr("Laying out %1…").arg(counted(strategies, tr("strategy version"), tr("strategy versions"))));
    });
    connect(m_scene, &LineageScene::laidOut, this, &StrategiesPage::onLaidOut);
    connect(m_scene, &LineageScene::layoutFailed, this, [this](const Error& error) {
        m_ui->lineageBanner->showError(error);
        m_ui->status->setText(tr("No lineage drawn."));
        Q_EMIT lineageShown(false);
    });
    connect(m_scene, &LineageScene::strategySelected, this, &StrategiesPage::onSelected);
    connect(m_ui->details, &StrategyDetails::tearsheetRequested, this, &StrategiesPage::openTearsheet);
    connect(m_ui->details, &StrategyDetails::compareRequested, this, &StrategiesPage::compareWithFamily);
    connect(m_ui->details, &StrategyDetails::familyRequested, this, &StrategiesPage::openFamily);

    connect(m_reader, &StrategyReader::lineageRead, this,
            [this](const LineageGraph& graph) { showGraph(graph); });
    connect(m_reader, &StrategyReader::lineageFailed, this, &StrategiesPage::onLineageFailed);
    connect(m_reader, &StrategyReader::strategiesRead, this, &StrategiesPage::onStrategiesRead);
    connect(m_reader, &StrategyReader::strategiesFailed, this,
            [this](StrategyReader::Purpose purpose, const Error& error) {
                if (purpose == StrategyReader::Purpose::Details)
                    m_ui->details->showHistoryError(error);
                m_ui->lineageBanner->showError(error);
            });
    clear();
}

StrategiesPage::~StrategiesPage()
{
    // The scene goes after the page's own parts: a selection it drops on the way out must not reach them.
    disconnect(m_scene, nullptr, this, nullptr);
}

void StrategiesPage::load(const ConnectionUrl& url)
{
    const bool same = m_reader->connection() && m_reader->connection()->display() == url.display();
    m_wanted = same ? m_ui->details->strategyId() : QString();
    m_title = url.display();
    m_reader->setConnection(url);
    if (m_family && !same) {
        // Another database: what the family window showed belongs to the one that was open.
        m_family->setConnection(url);
        m_family->clear();
    }
    if (!same)
        showEmpty(tr("Reading the strategy lineage…"), tr("Reading the strategy tables of %1.").arg(m_title),
                  false);
    m_ui->status->setText(tr("Reading the strategy lineage of %1…").arg(m_title));
    m_reader->readLineage();
}

void StrategiesPage::showGraph(LineageGraph graph)
{
    m_ui->pages->setCurrentWidget(m_ui->lineagePage);
    m_ui->lineageBanner->clear();
    m_ui->details->clear();
    m_scene->setGraph(std::move(graph));
    m_ui->problemList->showProblems(m_scene->graph());
}

void StrategiesPage::clear()
{
    m_reader->setConnection(std::nullopt);
    if (m_family) {
        m_family->setConnection(std::nullopt);
        m_family->clear();
    }
    m_scene->clearLineage();
    m_ui->details->clear();
    m_ui->problemList->clear();
    m_ui->lineageBanner->clear();
    m_wanted.clear();
    m_title.clear();
    showEmpty(
        tr("No database open"),
        tr("Open a database that has the strategy tables with File > Connect, or open the strategy demo: "
           "forty strategies with their lineage, version histories and two years of daily "
           "performance."),
        true);
}

void StrategiesPage::showError(const Error& error)
{
    m_ui->lineageBanner->showError(error);
    if (!isShowingLineage())
        showEmpty(tr("The strategy lineage could not be read"), error.toText(), true);
}

void StrategiesPage::onLineageFailed(const Error& error, bool tablesMissing)
{
    m_scene->clearLineage();
    m_ui->details->clear();
    m_ui->problemList->clear();
    if (tablesMissing)
        showEmpty(
            tr("%1 has no strategy tables").arg(m_title),
            tr("%1\n\nThe lineage view reads strategy_registry, strategy_lineage, strategy_versions and "
               "strategy_performance; nothing was changed. To see strategies here, apply the strategy "
               "migration set to this database (%2), or open the strategy demo.")
                .arg(error.what, error.next),
            true);
    else
        showEmpty(tr("The strategy lineage could not be read"), error.toText(), true);
    Q_EMIT lineageShown(false);
}

void StrategiesPage::showEmpty(const QString& title, const QString& text, bool offerDemo)
{
    m_ui->emptyTitle->setText(title);
    m_ui->emptyText->setText(text);
    m_ui->openDemoButton->setVisible(offerDemo);
    m_ui->pages->setCurrentWidget(m_ui->emptyPage);
}

void StrategiesPage::onLaidOut(int strategies, int, qint64 milliseconds)
{
    m_ui->view->openAt(m_scene->shownRect());
    m_ui->status->setText(
        strategies == 0
            ? tr("No strategies.")
            : tr("%1; laid out in %2 ms. Click a strategy for its details; the wheel zooms, dragging "
                 "the background pans.")
                  .arg(m_scene->summary())
                  .arg(milliseconds));
    if (!m_ui->search->text().trimmed().isEmpty())
        search(m_ui->search->text());
    if (!m_wanted.isEmpty())
        selectStrategy(std::exchange(m_wanted, QString()));
    Q_EMIT lineageShown(true);
}

void StrategiesPage::search(const QString& text)
{
    const QList<StrategyNodeItem*> matches = m_scene->highlight(text);
    const QString wanted = text.trimmed();
    if (wanted.isEmpty() || m_scene->isLayingOut())
        return;
    if (matches.isEmpty()) {
        m_ui->status->setText(tr("No strategy matches \"%1\".").arg(wanted));
        return;
    }
    if (!matches.first()->isMissing())
        m_scene->selectStrategy(matches.first()->strategyIndex());
    m_ui->view->reveal(matches.first()->sceneBoundingRect());
    m_ui->status->setText(
        tr("%1 match \"%2\".").arg(counted(matches.size(), tr("strategy"), tr("strategies")), wanted));
}

void StrategiesPage::selectStrategy(const QString& strategyId)
{
    const int index = m_scene->graph().indexOf(strategyId);
    m_scene->selectStrategy(index);
    if (StrategyNodeItem* item = m_scene->nodeItem(index))
        m_ui->view->reveal(item->sceneBoundingRect());
}

void StrategiesPage::onSelected(int strategy)
{
    if (strategy < 0) {
        m_ui->details->clear();
        return;
    }
    m_ui->details->showStrategy(m_scene->graph(), strategy);
    const QString id = m_scene->graph().strategies().at(strategy).strategyId;
    if (m_reader->connection())
        m_reader->readStrategies(StrategyReader::Purpose::Details, {id}, id);
    else
        m_ui->details->showHistoryError(
            Error::failed(tr("No database to read the version history from."), {}, {}));
}

void StrategiesPage::focusOnSelected()
{
    const int selected = m_scene->selectedStrategy();
    if (selected < 0) {
        m_ui->status->setText(tr("Select a strategy first: the view then keeps it, its ancestors and its "
                                 "descendants."));
        return;
    }
    m_scene->focusOn(selected);
    m_ui->view->fitRect(m_scene->shownRect());
    const StrategyRecord& s = m_scene->graph().strategies().at(selected);
    m_ui->status->setText(
        tr("%1 v%2 with %3 and %4. Show all brings back the whole lineage.")
            .arg(
                s.name, s.version,
                counted(m_scene->graph().ancestors(selected).size(), tr("ancestor"), tr("ancestors")),
                counted(m_scene->graph().descendants(selected).size(), tr("descendant"), tr("descendants"))));
}

void StrategiesPage::showAll()
{
    m_scene->showAll();
    m_ui->view->fitAll();
    m_ui->status->setText(m_scene->summary());
}

void StrategiesPage::openTearsheet(const QString& strategyId)
{
    if (!m_reader->connection()) {
        m_ui->lineageBanner->showNotice(
            tr("No database is open to read the performance of %1 from.").arg(strategyId));
        return;
    }
    m_ui->status->setText(tr("Reading the performance of %1…").arg(strategyId));
    m_reader->readStrategies(StrategyReader::Purpose::Tearsheet, {strategyId}, strategyId);
}

void StrategiesPage::compareWithFamily(const QString& strategyId)
{
    const LineageGraph& graph = m_scene->graph();
    const int index = graph.indexOf(strategyId);
    if (index < 0 || !m_reader->connection()) {
        m_ui->lineageBanner->showNotice(
            tr("No database is open to read the performance of %1 from.").arg(strategyId));
        return;
    }
    QStringList ids;
    for (int p : graph.parents(index))
        ids << graph.strategies().at(p).strategyId;
    ids << strategyId;
    for (int c : graph.children(index))
        ids << graph.strategies().at(c).strategyId;
    ids.removeDuplicates();
    m_ui->status->setText(
        tr("Reading the performance of %1…").arg(counted(ids.size(), tr("strategy"), tr("strategies"))));
    m_reader->readStrategies(StrategyReader::Purpose::Comparison, ids, strategyId);
}

void StrategiesPage::openFamily(const QString& strategyId)
{
    if (!m_reader->connection()) {
        m_ui->lineageBanner->showNotice(
            tr("No database is open to read the family of %1 from.").arg(strategyId));
        return;
    }
    if (!m_family) {
        m_family = new FamilyWindow(this);
        m_family->setWindowFlag(Qt::Window);
        connect(m_family, &FamilyWindow::familyShown, this, [this](const QString& rootId) {
            m_ui->status->setText(
                tr("Family of %1 opened: %2 members.").arg(rootId).arg(m_family->family().members.size()));
        });
        connect(m_family, &FamilyWindow::familyFailed, this, [this](const Error& error) {
            m_ui->status->setText(tr("The family could not be read: %1").arg(error.what));
        });
        const QScreen* screen = this->screen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1024, 700);
        m_family->resize(PerformanceWindows::windowSize(available.size()));
        m_family->move(available.topLeft() + QPoint((available.width() - m_family->width()) / 2,
                                                    (available.height() - m_family->height()) / 2));
    }
    m_family->setConnection(m_reader->connection());
    m_family->openFamily(strategyId);
    m_family->show();
    m_family->raise();
    m_ui->status->setText(tr("Reading the family of %1…").arg(strategyId));
}

void StrategiesPage::onStrategiesRead(StrategyReader::Purpose purpose,
                                      const QList<StrategyTearsheetJob::Item>& items, const QString& focus)
{
    if (items.isEmpty())
        return;
    if (purpose == StrategyReader::Purpose::Details) {
        if (focus != m_ui->details->strategyId())
            return; // another strategy was selected meanwhile
        m_ui->details->showHistory(items.first().versions, items.first().tearsheet);
        Q_EMIT detailsShown(focus);
        return;
    }
    if (purpose == StrategyReader::Purpose::Tearsheet) {
        m_windows->showTearsheet(items.first());
        m_ui->status->setText(tr("Tearsheet of %1 opened.").arg(focus));
        Q_EMIT tearsheetShown(focus);
        return;
    }
    QList<Tearsheet> sheets;
    for (const StrategyTearsheetJob::Item& item : items)
        sheets << item.tearsheet;
    m_windows->showComparison(sheets, focus);
    m_ui->status->setText(tr("Comparing %1.").arg(counted(sheets.size(), tr("strategy"), tr("strategies"))));
    Q_EMIT comparisonShown(static_cast<int>(sheets.size()));
}

Status StrategiesPage::exportPng(const QString& path)
{
    return LineageExport::png(*m_scene, path);
}

Status StrategiesPage::exportSvg(const QString& path)
{
    return LineageExport::svg(*m_scene, path, m_title);
}

bool StrategiesPage::isBusy() const
{
    return m_reader->isReading() || m_scene->isLayingOut() || (m_family && m_family->isReading());
}

bool StrategiesPage::isShowingLineage() const
{
    return m_ui->pages->currentWidget() == m_ui->lineagePage;
}

QString StrategiesPage::emptyText() const
{
    return m_ui->emptyTitle->text() + QLatin1Char('\n') + m_ui->emptyText->text();
}

QString StrategiesPage::statusText() const
{
    return m_ui->status->text();
}

LineageView* StrategiesPage::view() const
{
    return m_ui->view;
}

StrategyDetails* StrategiesPage::details() const
{
    return m_ui->details;
}

QLineEdit* StrategiesPage::searchField() const
{
    return m_ui->search;
}

TearsheetView* StrategiesPage::tearsheetView() const
{
    return m_windows->tearsheet();
}

ComparisonChart* StrategiesPage::comparisonChart() const
{
    return m_windows->comparison();
}

LineageProblemList* StrategiesPage::problemList() const
{
    return m_ui->problemList;
}

QPushButton* StrategiesPage::openDemoButton() const
{
    return m_ui->openDemoButton;
}

ErrorBanner* StrategiesPage::banner() const
{
    return m_ui->lineageBanner;
}

} // namespace strata
