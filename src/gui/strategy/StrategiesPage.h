#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "common/Result.h"
#include "connection/ConnectionUrl.h"
#include "strategy/LineageGraph.h"
#include "strategy/StrategyReader.h"

class QLineEdit;
class QPushButton;

namespace Ui {
class StrategiesPage;
}

namespace strata {

class ComparisonChart;
class ErrorBanner;
class FamilyWindow;
class LineageProblemList;
class LineageScene;
class LineageView;
class PerformanceWindows;
class StrategyDetails;
class TearsheetView;

/// The Strategies tab of the main window: the lineage of the open database's strategies laid out by
/// Graphviz (zoom, pan, search by name, focus on a strategy's ancestors and descendants, PNG/SVG export),
/// the problems found in the strategy tables, and the selected strategy's details, from which its tearsheet
/// and a comparison with its parents and children open in windows of their own. Everything is read on
/// workers. A database without the strategy tables says so, and offers the strategy demo.
class StrategiesPage : public QWidget
{
    Q_OBJECT

public:
    explicit StrategiesPage(QWidget* parent = nullptr);
    ~StrategiesPage() override;

    /// Reads the lineage of `url` on a worker; the selected strategy stays selected when it is still there.
    void load(const ConnectionUrl& url);
    /// Draws a lineage read elsewhere (no database: details show what the graph holds, nothing more).
    void showGraph(LineageGraph graph);
    /// No database open.
    void clear();
    void showError(const Error& error);

    bool isBusy() const;
    /// True while the lineage (not the "no strategy tables" message) is on show.
    bool isShowingLineage() const;
    QString emptyText() const;
    QString statusText() const;

    LineageScene* scene() const { return m_scene; }
    LineageView* view() const;
    StrategyDetails* details() const;
    QLineEdit* searchField() const;
    LineageProblemList* problemList() const;
    QPushButton* openDemoButton() const;
    ErrorBanner* banner() const;
    /// The tearsheet and comparison windows; nullptr until first opened.
    TearsheetView* tearsheetView() const;
    ComparisonChart* comparisonChart() const;

    void selectStrategy(const QString& strategyId);
    /// Fades all but the selected strategy's ancestors and descendants, and fits them in the view.
    void focusOnSelected();
    void showAll();
    /// Reads `strategyId`'s tearsheet on a worker and shows it in the tearsheet window.
    void openTearsheet(const QString& strategyId);
    /// Reads `strategyId`, its parents and its children on a worker and overlays them.
    void compareWithFamily(const QString& strategyId);
    /// Opens the family window of `strategyId` (it and its descendants: parameters against results,
    /// attribution over generations), read on a worker.
    void openFamily(const QString& strategyId);
    /// nullptr until first opened.
    FamilyWindow* familyWindow() const { return m_family; }
    Status exportPng(const QString& path);
    Status exportSvg(const QString& path);

Q_SIGNALS:
    /// The lineage is drawn (or could not be read or laid out: `ok` false).
    void lineageShown(bool ok);
    /// The selected strategy's version history and figures are shown.
    void detailsShown(const QString& strategyId);
    void tearsheetShown(const QString& strategyId);
    void comparisonShown(int strategies);
    /// "Open the strategy demo" was clicked.
    void openDemoRequested();

private:
    void onLineageFailed(const Error& error, bool tablesMissing);
    void onLaidOut(int strategies, int links, qint64 milliseconds);
    void onSelected(int strategy);
    void onStrategiesRead(StrategyReader::Purpose purpose, const QList<StrategyTearsheetJob::Item>& items,
                          const QString& focus);
    void search(const QString& text);
    void showEmpty(const QString& title, const QString& text, bool offerDemo);

    std::unique_ptr<Ui::StrategiesPage> m_ui;
    LineageScene* m_scene;
    StrategyReader* m_reader;
    PerformanceWindows* m_windows;
    FamilyWindow* m_family = nullptr; ///< a child window of the page, made on first use
    QString m_title;
    QString m_wanted; ///< the strategy to select once the lineage is drawn
};

} // namespace strata
