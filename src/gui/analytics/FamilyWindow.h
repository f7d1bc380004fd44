#pragma once

#include <memory>
#include <optional>

#include <QWidget>

#include "analytics/FamilyView.h"
#include "common/Error.h"
#include "connection/ConnectionUrl.h"

class QLabel;
class QPushButton;
class QSplitter;

namespace strata {

class AttributionChart;
class ErrorBanner;
class FamilyReadJob;
class FamilyTable;
class JobRunner;
class ParallelCoordinatesChart;
class TearsheetView;

/// A strategy and its descendants in a window of their own: parameters against results as parallel
/// coordinates, the members in a sortable table, and the component attribution over generations. Picking a
/// member in one picks it in the other. Everything is read on a worker (FamilyReadJob); progress and errors
/// show in the banner. Report… writes the strategy's tearsheet and this family view as one HTML file and a
/// PDF beside it.
class FamilyWindow : public QWidget
{
    Q_OBJECT

public:
    explicit FamilyWindow(QWidget* parent = nullptr);
    ~FamilyWindow() override;

    /// The database to read; nullopt stops any read still running.
    void setConnection(std::optional<ConnectionUrl> url);
    /// Reads the family of `strategyId` on a worker and shows it.
    void openFamily(const QString& strategyId);
    /// Shows a family read elsewhere.
    void showFamily(const FamilyView& family);
    /// Shows no family (the database changed or closed).
    void clear();
    /// Stops the read running; the banner says it was cancelled.
    void cancel();
    /// Reads the root's analytics on a worker, then writes `htmlPath` and the PDF beside it (same name,
    /// .pdf). reportWritten or reportFailed follows.
    void writeReport(const QString& htmlPath);
    bool isReading() const;

    const FamilyView& family() const { return m_family; }
    FamilyTable* table() const { return m_table; }
    ParallelCoordinatesChart* parallelCoordinates() const { return m_parallel; }
    AttributionChart* attribution() const { return m_attribution; }
    ErrorBanner* banner() const { return m_banner; }
    QPushButton* reportButton() const { return m_reportButton; }
    QPushButton* cancelButton() const { return m_cancelButton; }
    QString heading() const;

    /// The PDF written beside an HTML report: the same name with .pdf.
    static QString pdfPathFor(const QString& htmlPath);

Q_SIGNALS:
    void familyShown(const QString& rootId);
    void familyFailed(const strata::Error& error);
    void reportWritten(const QStringList& paths);
    void reportFailed(const strata::Error& error);

private:
    void start(const QString& strategyId, bool withAnalytics, const QString& reportPath);
    void onFinished(bool ok, const Error& error, const QString& reportPath);
    void writeReportFiles(const QString& reportPath);
    void setReading(bool reading);
    void selectMember(const QString& strategyId);
    void askForReport();

    std::optional<ConnectionUrl> m_url;
    std::unique_ptr<JobRunner> m_runner;
    FamilyReadJob* m_job = nullptr;
    FamilyView m_family;
    QString m_rootId;
    ErrorBanner* m_banner;
    QLabel* m_title;
    QLabel* m_note;
    QPushButton* m_reportButton;
    QPushButton* m_cancelButton;
    ParallelCoordinatesChart* m_parallel;
    FamilyTable* m_table;
    AttributionChart* m_attribution;
    TearsheetView* m_reportSheet = nullptr; ///< drawn off screen for the report's tearsheet charts
};

} // namespace strata
