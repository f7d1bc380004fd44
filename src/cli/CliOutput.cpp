#include "CliOutput.h"

#include <cstdio>

#include <QJsonDocument>

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

} // namespace strata::cli
