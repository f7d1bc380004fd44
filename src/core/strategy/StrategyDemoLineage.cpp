#include "strategy/StrategyDemoLineage.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include "strategy/StrategyDemoCatalog.h"

namespace strata {

namespace {

struct VersionCounters
{
    int maxMajor = 1;
    QMap<int, int> maxMinor;
};

int majorOf(const QString& version)
{
    return version.section(QLatin1Char('.'), 0, 0).toInt();
}

QString numbered(const QString& name, int n)
{
    static const QStringList roman = {QString(),
                                      QStringLiteral(" II"),
                                      QStringLiteral(" III"),
                                      QStringLiteral(" IV"),
                                      QStringLiteral(" V"),
                                      QStringLiteral(" VI"),
                                      QStringLiteral(" VII"),
                                      QStringLiteral(" VIII"),
                                      QStringLiteral(" IX")};
    return name + (n < roman.size() ? roman.at(n) : QStringLiteral(" %1").arg(n + 1));
}

template <typename T> const T& pick(const QList<T>& list, DemoRandom& random)
{
    return list.at(random.between(0, static_cast<int>(list.size()) - 1));
}

void perturb(DemoStrategy& s, DemoRandom& random, double scale)
{
    s.alpha += random.normal(0, 0.00008 * scale);
    s.beta = std::clamp(s.beta + random.normal(0, 0.05 * scale), -0.5, 1.2);
    s.idiosyncratic = std::max(0.002, s.idiosyncratic * std::exp(random.normal(0, 0.06 * scale)));
    for (double& t : s.tilt)
        t += random.normal(0, 0.00006 * scale);
    s.tradesPerDay = std::max(0.5, s.tradesPerDay * std::exp(random.normal(0, 0.1 * scale)));
}

bool isAncestor(const QList<DemoStrategy>& all, int candidate, int of)
{
    for (const auto& [index, distance] : StrategyDemoLineage::ancestorsOf(all, of))
        if (index == candidate)
            return true;
    return false;
}

} // namespace

QList<QPair<int, int>> StrategyDemoLineage::ancestorsOf(const QList<DemoStrategy>& strategies, int index)
{
    QList<QPair<int, int>> found;
    QSet<int> seen{index};
    std::deque<QPair<int, int>> queue{{index, 0}};
    while (!queue.empty()) {
        const auto [at, distance] = queue.front();
        queue.pop_front();
        for (int parent : strategies.at(at).parents)
            if (!seen.contains(parent)) {
                seen.insert(parent);
                found.append({parent, distance + 1});
                queue.push_back({parent, distance + 1});
            }
    }
    return found;
}

QList<DemoStrategy> StrategyDemoLineage::generate(int count, std::uint64_t seed, const QDateTime& first,
                                                  const QDateTime& last)
{
    DemoRandom random(seed);
    const int families =
        std::clamp(static_cast<int>(std::lround(std::sqrt(count) / 1.5)), 1, std::max(1, count));
    const auto& kinds = StrategyDemoCatalog::archetypes();
    QList<DemoStrategy> out;
    QList<double> created;          // hours from an arbitrary start, rescaled at the end
    QList<QList<double>> revisedAt; // per strategy, per later version
    QList<QList<int>> members(families);
    QHash<QString, VersionCounters> versions;

    for (int i = 0; i < count; ++i) {
        DemoStrategy s;
        s.index = i;
        QString baseVersion;
        QJsonObject parentParams;
        if (i < families) {
            const auto& kind = kinds.at(i % kinds.size());
            s.family = i;
            s.archetype = static_cast<int>(i % kinds.size());
            s.name = numbered(kind.name, static_cast<int>(i / kinds.size()));
            s.signalType = kind.signalType;
            s.symbol = kind.symbol;
            s.timeframe = kind.timeframe;
            s.tags = kind.tags;
            s.params = StrategyDemoCatalog::initialParameters(random);
            s.sizerType = pick(StrategyDemoCatalog::sizerTypes(), random);
            s.regimeType = pick(StrategyDemoCatalog::regimeTypes(), random);
            s.alpha = kind.alpha * random.uniform(0.6, 1.4);
            s.beta = kind.beta * random.uniform(0.8, 1.2);
            s.idiosyncratic = kind.idiosyncratic * random.uniform(0.8, 1.2);
            for (int r = 0; r < 4; ++r)
                s.tilt[r] = kind.tilt[r] * random.uniform(0.7, 1.3);
            s.tradesPerDay = kind.tradesPerDay * random.uniform(0.7, 1.3);
            s.holdingHours = kind.holdingHours * random.uniform(0.8, 1.2);
            s.relationship = QStringLiteral("root");
            s.branch = QStringLiteral("main");
            baseVersion = QStringLiteral("1.0.0");
            versions[s.name].maxMinor[1] = 0;
            s.description = QStringLiteral("First %1 strategy on %2, %3 bars.")
                                .arg(kind.name.toLower(), s.symbol, s.timeframe);
            created << random.uniform(0, 24 * 20);
        } else {
            s.family = random.between(0, families - 1);
            const QList<int>& family = members.at(s.family);
            const int window = std::min<int>(6, static_cast<int>(family.size()));
            const int parentIndex = family.at(family.size() - 1 - random.between(0, window - 1));
            const DemoStrategy& parent = out.at(parentIndex);
            s.archetype = parent.archetype;
            s.signalType = parent.signalType;
            s.symbol = parent.symbol;
            s.timeframe = parent.timeframe;
            s.tags = parent.tags;
            s.params = parent.params;
            s.sizerType = parent.sizerType;
            s.regimeType = parent.regimeType;
            s.alpha = parent.alpha;
            s.beta = parent.beta;
            s.idiosyncratic = parent.idiosyncratic;
            s.tilt = parent.tilt;
            s.tradesPerDay = parent.tradesPerDay;
            s.holdingHours = parent.holdingHours;
            s.parents << parentIndex;
            parentParams = parent.params;

            int second = -1;
            const double roll = random.uniform();
            if (roll >= 0.82 && family.size() >= 3) {
                for (int attempt = 0; attempt < 8 && second < 0; ++attempt) {
                    const int candidate = pick(family, random);
                    if (candidate != parentIndex && !isAncestor(out, candidate, parentIndex) &&
                        !isAncestor(out, parentIndex, candidate))
                        second = candidate;
                }
            }
            VersionCounters& counters = versions[parent.name];
            if (second >= 0) {
                const DemoStrategy& other = out.at(second);
                s.parents << second;
                s.relationship = QStringLiteral("merge");
                s.name = parent.name;
                s.branch = parent.branch;
                for (const auto& p : StrategyDemoCatalog::parameters())
                    if (random.chance(0.5))
                        s.params.insert(p.name, other.params.value(p.name));
                s.alpha = (parent.alpha + other.alpha) / 2 + 0.00003;
                s.beta = (parent.beta + other.beta) / 2;
                s.idiosyncratic = (parent.idiosyncratic + other.idiosyncratic) / 2 * 0.95;
                for (int r = 0; r < 4; ++r)
                    s.tilt[r] = (parent.tilt[r] + other.tilt[r]) / 2;
                perturb(s, random, 0.5);
                baseVersion = QStringLiteral("%1.0.0").arg(++counters.maxMajor);
                counters.maxMinor[counters.maxMajor] = 0;
                s.description =
                    QStringLiteral("Merged %1 %2 with %3 %4 (%5 branch).")
                        .arg(parent.name, parent.version, other.name, other.version, other.branch);
            } else if (roll < 0.5 || (roll >= 0.82 && second < 0)) {
                s.relationship = QStringLiteral("mutation");
                s.name = parent.name;
                s.branch = parent.branch;
                StrategyDemoCatalog::mutate(s.params, random.between(1, 3), random);
                perturb(s, random, 1);
                const int major = majorOf(parent.version);
                baseVersion = QStringLiteral("%1.%2.0").arg(major).arg(++counters.maxMinor[major]);
                s.description = QStringLiteral("Tuned: %1.")
                                    .arg(StrategyDemoCatalog::describe(
                                        StrategyDemoCatalog::differences(parent.params, s.params)));
            } else if (roll < 0.67) {
                s.relationship = QStringLiteral("branch");
                s.name = parent.name;
                QStringList branches = StrategyDemoCatalog::branchNames();
                branches.removeAll(parent.branch);
                s.branch = pick(branches, random);
                StrategyDemoCatalog::mutate(s.params, random.between(1, 2), random);
                if (random.chance(0.5))
                    s.sizerType = pick(StrategyDemoCatalog::sizerTypes(), random);
                perturb(s, random, 1.5);
                const int major = majorOf(parent.version);
                baseVersion = QStringLiteral("%1.%2.0").arg(major).arg(++counters.maxMinor[major]);
                s.description = QStringLiteral("Branch %1 of %2 %3: %4.")
                                    .arg(s.branch, parent.name, parent.version,
                                         StrategyDemoCatalog::describe(
                                             StrategyDemoCatalog::differences(parent.params, s.params)));
            } else {
                s.relationship = QStringLiteral("fork");
                const QString base = kinds.at(s.archetype).name;
                const QString variant = pick(StrategyDemoCatalog::forkVariants(), random);
                int n = 0;
                while (versions.contains(numbered(base + QLatin1Char(' ') + variant, n)))
                    ++n;
                s.name = numbered(base + QLatin1Char(' ') + variant, n);
                s.branch = QStringLiteral("main");
                StrategyDemoCatalog::mutate(s.params, random.between(2, 4), random);
                if (random.chance(0.5))
                    s.regimeType = pick(StrategyDemoCatalog::regimeTypes(), random);
                s.tags << variant.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
                perturb(s, random, 2);
                baseVersion = QStringLiteral("1.0.0");
                versions[s.name].maxMinor[1] = 0;
                const QString kind = variant.toLower();
                const bool vowel = QStringLiteral("aeiou").contains(kind.left(1));
                s.description = QStringLiteral("Forked from %1 %2 as %3 %4 variant.")
                                    .arg(parent.name, parent.version,
                                         vowel ? QStringLiteral("an") : QStringLiteral("a"), kind);
            }
            double after = 0;
            for (int p : s.parents)
                after = std::max(after, created.at(p));
            created << after + random.uniform(6, 24 * 10);
        }
        s.createdBy = pick(StrategyDemoCatalog::authors(), random);

        // The version history: the version it was created as, then zero to two patch revisions.
        DemoVersion initial;
        initial.version = baseVersion;
        initial.isMajor = baseVersion.endsWith(QLatin1String(".0.0"));
        const QJsonObject diff = StrategyDemoCatalog::differences(parentParams, s.params);
        QStringList changed = s.parents.isEmpty() ? QStringList() : diff.keys();
        initial.parameterChanges = s.parents.isEmpty() ? QJsonObject() : diff;
        initial.componentChanges = StrategyDemoCatalog::componentsOf(changed);
        if (!s.parents.isEmpty() && s.sizerType != out.at(s.parents.first()).sizerType)
            initial.componentChanges.insert(
                QStringLiteral("position_sizer"),
                initial.componentChanges.value(QStringLiteral("position_sizer")).toArray() +=
                QStringLiteral("type"));
        if (!s.parents.isEmpty() && s.regimeType != out.at(s.parents.first()).regimeType)
            initial.componentChanges.insert(
                QStringLiteral("regime_detector"),
                initial.componentChanges.value(QStringLiteral("regime_detector")).toArray() +=
                QStringLiteral("type"));
        initial.changes = {{QStringLiteral("kind"), s.relationship == QLatin1String("root")
                                                        ? QStringLiteral("initial")
                                                        : s.relationship},
                           {QStringLiteral("summary"), s.description}};
        s.versions << initial;
        revisedAt << QList<double>();
        const int revisions = random.chance(0.5) ? 0 : random.between(1, 2);
        double at = created.last();
        for (int r = 1; r <= revisions; ++r) {
            QJsonObject before = s.params;
            const QStringList tweaked = StrategyDemoCatalog::mutate(s.params, 1, random);
            changed += tweaked;
            s.alpha += random.normal(0, 0.00003);
            DemoVersion revision;
            revision.version = baseVersion.section(QLatin1Char('.'), 0, 1) + QStringLiteral(".%1").arg(r);
            revision.parameterChanges = StrategyDemoCatalog::differences(before, s.params);
            revision.componentChanges = StrategyDemoCatalog::componentsOf(tweaked);
            revision.changes = {{QStringLiteral("kind"), QStringLiteral("revision")},
                                {QStringLiteral("summary"),
                                 QStringLiteral("Adjusted %1.")
                                     .arg(StrategyDemoCatalog::describe(revision.parameterChanges))}};
            s.versions << revision;
            at += random.uniform(24, 24 * 8);
            revisedAt.last() << at;
        }
        changed.removeDuplicates();
        s.changed = changed;
        s.version = s.versions.last().version;
        s.strategyId =
            QStringLiteral("%1-%2").arg(kinds.at(s.archetype).slug).arg(i + 1, 4, 10, QLatin1Char('0'));
        members[s.family] << i;
        out << s;
    }

    // Times: the raw hours, stretched over [first, last] in the same order.
    double low = 0;
    double high = 1;
    for (int i = 0; i < out.size(); ++i) {
        high = std::max(high, created.at(i));
        for (double t : revisedAt.at(i))
            high = std::max(high, t);
    }
    const qint64 spanSeconds = std::max<qint64>(1, first.secsTo(last));
    const auto when = [&](double hours) {
        return first.addSecs(
            static_cast<qint64>((hours - low) / (high - low) * static_cast<double>(spanSeconds)));
    };
    for (int i = 0; i < out.size(); ++i) {
        out[i].createdAt = when(created.at(i));
        out[i].versions[0].createdAt = out[i].createdAt;
        for (int r = 0; r < revisedAt.at(i).size(); ++r)
            out[i].versions[r + 1].createdAt = when(revisedAt.at(i).at(r));
    }

    // Statuses follow the history: superseded versions retire, recent ones are still being tried.
    QList<int> byAge(out.size());
    for (int i = 0; i < out.size(); ++i)
        byAge[i] = i;
    std::stable_sort(byAge.begin(), byAge.end(), [&](int a, int b) { return created.at(a) < created.at(b); });
    QSet<int> superseded;
    for (const DemoStrategy& s : std::as_const(out))
        if (!s.parents.isEmpty() && out.at(s.parents.first()).name == s.name)
            superseded.insert(s.parents.first());
    for (int rank = 0; rank < byAge.size(); ++rank) {
        DemoStrategy& s = out[byAge.at(rank)];
        const double age =
            byAge.size() > 1 ? static_cast<double>(rank) / static_cast<double>(byAge.size() - 1) : 1;
        const double u = random.uniform();
        if (superseded.contains(s.index) && age < 0.8)
            s.status = u < 0.75 ? StrategyStatus::Retired : StrategyStatus::Deprecated;
        else if (age > 0.8)
            s.status = u < 0.7 ? StrategyStatus::Experimental : StrategyStatus::Testing;
        else if (age > 0.55)
            s.status = u < 0.5 ? StrategyStatus::Testing : StrategyStatus::Production;
        else
            s.status = u < 0.45   ? StrategyStatus::Production
                       : u < 0.75 ? StrategyStatus::Retired
                                  : StrategyStatus::Deprecated;
    }
    return out;
}

} // namespace strata
