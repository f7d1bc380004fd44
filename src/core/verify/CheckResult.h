#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace strata {

/// One check and what came of it. A check that did not run says so, and why: it is never "passed".
struct CheckResult
{
    enum class State { Passed, Failed, NotRun };

    QString name; ///< e.g. "integrity_check", "size", "sha256", "amcheck"
    State state = State::NotRun;
    QString detail; ///< what was found, or why it did not run

    static CheckResult passed(QString name, QString detail = {});
    static CheckResult failed(QString name, QString detail);
    static CheckResult notRun(QString name, QString why);

    bool ok() const { return state == State::Passed; }
    QString stateName() const;
    QJsonObject toJson() const;
    static CheckResult fromJson(const QJsonObject& object);
    /// Whether every check passed (a check that did not run is not a pass).
    static bool allPassed(const QList<CheckResult>& checks);
};

} // namespace strata
