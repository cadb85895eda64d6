#include "core/transfer/plansummary.h"

#include <QJsonArray>

namespace trestle {

namespace {

QJsonArray skipsToJson(const QVector<PlanSkip> &skips)
{
    QJsonArray array;
    for (const PlanSkip &skip : skips)
        array.append(
            QJsonObject{{QStringLiteral("path"), skip.path}, {QStringLiteral("reason"), skip.reason}});
    return array;
}

QJsonObject statsToJson(const QMap<QString, FileStats> &map)
{
    QJsonObject json;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        json.insert(it.key(),
                    QJsonObject{{QStringLiteral("files"), it.value().files},
                                {QStringLiteral("bytes"), it.value().bytes}});
    }
    return json;
}

QJsonArray notableToJson(const QVector<NotableEntry> &entries)
{
    QJsonArray array;
    for (const NotableEntry &entry : entries) {
        array.append(QJsonObject{{QStringLiteral("path"), entry.path},
                                 {QStringLiteral("size"), entry.size},
                                 {QStringLiteral("depth"), entry.depth}});
    }
    return array;
}

} // namespace

QJsonObject PlanSummary::toJson() const
{
    return QJsonObject{
        {QStringLiteral("kind"), jobKindName(kind)},
        {QStringLiteral("foldersToCreate"), foldersToCreate},
        {QStringLiteral("filesNew"), filesNew},
        {QStringLiteral("filesReplaced"), filesReplaced},
        {QStringLiteral("deletes"), deletes},
        {QStringLiteral("verifies"), verifies},
        {QStringLiteral("filesWithHistory"), filesWithHistory},
        {QStringLiteral("olderVersions"), olderVersions},
        {QStringLiteral("olderVersionBytes"), olderVersionBytes},
        {QStringLiteral("unchanged"), unchanged},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("bytesToCopy"), bytesToCopy},
        {QStringLiteral("sourceListCalls"), sourceListCalls},
        {QStringLiteral("destinationListCalls"), destinationListCalls},
        {QStringLiteral("estimatedApiCalls"), estimatedApiCalls},
        {QStringLiteral("estimatedSeconds"), estimatedSeconds},
        {QStringLiteral("skips"), skipsToJson(skips)},
    };
}

QJsonObject PlanSummary::figuresToJson() const
{
    return QJsonObject{
        {QStringLiteral("unchanged"), unchanged},
        {QStringLiteral("sourceListCalls"), sourceListCalls},
        {QStringLiteral("destinationListCalls"), destinationListCalls},
        {QStringLiteral("estimatedApiCalls"), estimatedApiCalls},
        {QStringLiteral("estimatedSeconds"), estimatedSeconds},
    };
}

void PlanSummary::takeFigures(const QJsonObject &figures)
{
    unchanged = figures.value(QStringLiteral("unchanged")).toInteger(unchanged);
    sourceListCalls = figures.value(QStringLiteral("sourceListCalls")).toInt(sourceListCalls);
    destinationListCalls = figures.value(QStringLiteral("destinationListCalls")).toInt(destinationListCalls);
    estimatedApiCalls = figures.value(QStringLiteral("estimatedApiCalls")).toInteger(estimatedApiCalls);
    estimatedSeconds = figures.value(QStringLiteral("estimatedSeconds")).toInteger(estimatedSeconds);
}

QJsonObject AnalyzeReport::toJson() const
{
    return QJsonObject{
        {QStringLiteral("folders"), folders},
        {QStringLiteral("files"), files},
        {QStringLiteral("bytes"), bytes},
        {QStringLiteral("maxDepth"), maxDepth},
        {QStringLiteral("byType"), statsToJson(byType)},
        {QStringLiteral("byFolder"), statsToJson(byFolder)},
        {QStringLiteral("largest"), notableToJson(largest)},
        {QStringLiteral("deepest"), notableToJson(deepest)},
        {QStringLiteral("rejected"), skipsToJson(rejected)},
        {QStringLiteral("estimatedApiCalls"), estimatedApiCalls},
        {QStringLiteral("estimatedSeconds"), estimatedSeconds},
        {QStringLiteral("listCalls"), listCalls},
    };
}

qint64 procoreCallFloor(qint64 folders, qint64 files, qint64 deletes)
{
    return folders + 2 * files + deletes;
}

qint64 secondsAtBudget(qint64 calls, int hourlyBudget)
{
    if (calls < 0 || hourlyBudget <= 0)
        return -1;
    return (calls * 3600 + hourlyBudget - 1) / hourlyBudget;
}

} // namespace trestle
