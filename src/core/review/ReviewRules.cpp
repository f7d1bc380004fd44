#include "review/ReviewRules.h"

#include "review/PostgresRuleCatalog.h"
#include "review/SqliteRuleCatalog.h"

namespace strata {

const QList<ReviewRule>& ReviewRules::all()
{
    static const QList<ReviewRule> rules = [] {
        QList<ReviewRule> list = PostgresRuleCatalog::rules();
        list += SqliteRuleCatalog::rules();
        return list;
    }();
    return rules;
}

const ReviewRule* ReviewRules::find(const QString& id)
{
    for (const auto& rule : all())
        if (rule.id == id)
            return &rule;
    return nullptr;
}

QStringList ReviewRules::ids()
{
    QStringList list;
    for (const auto& rule : all())
        list << rule.id;
    return list;
}

QString ReviewRules::idList()
{
    return ids().join(QStringLiteral(", "));
}

} // namespace strata
