#include "CliOutput.h"

#include <cstdio>
#include <memory>

#include <QJsonDocument>

#include "CommandHelp.h"
#include "JsonReport.h"

namespace strata::cli {

namespace {

void write(FILE* stream, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    if (!text.endsWith(QLatin1Char('\n')))
        std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

void CliOutput::report(const QString& text) const
{
    write(m_json ? stderr : stdout, text);
}

void CliOutput::notice(const QString& text) const
{
    write(stderr, text);
}

void CliOutput::document(const QJsonObject& object) const
{
    if (m_json)
        write(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

void CliOutput::document(const QJsonArray& array) const
{
    if (m_json)
        write(stdout, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
}

Progress CliOutput::progress(const QString& what) const
{
    auto lastDecile = std::make_shared<QPair<QString, int>>(QString(), -1);
    return Progress([this, what, lastDecile](qint64 done, qint64 total, const QString& stage) {
        if (total <= 0)
            return;
        const int decile = static_cast<int>(done * 10 / total);
        if (stage == lastDecile->first && decile == lastDecile->second)
            return;
        *lastDecile = {stage, decile};
        notice(QStringLiteral("%1: %2 %3%").arg(what, stage).arg(decile * 10));
    });
}

int CliOutput::fail(const Error& error, const QString& command) const
{
    write(stderr, QStringLiteral("strata-cli: ") + error.toText());
    if (m_json) {
        QJsonObject object{{QStringLiteral("command"), command}, {QStringLiteral("ok"), false}};
        object.insert(QStringLiteral("error"), JsonReport::error(error));
        document(object);
    }
    return static_cast<int>(error.code);
}

int CliOutput::failUsage(Error error, const QString& command) const
{
    const QString usage = CommandHelp::usageOf(command).trimmed();
    if (!usage.isEmpty())
        error.next = error.next.isEmpty() ? usage : error.next + QLatin1Char('\n') + usage;
    return fail(error, command);
}

} // namespace strata::cli
