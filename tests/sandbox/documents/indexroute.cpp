// GET /rest/v1.0/projects/{pid}/documents: the flat, paginated documents index (procore-api.md §5, §8).
#include "documents/documentnames.h"
#include "documents/documentscall.h"
#include "documents/documentsmodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace sandbox {

namespace {
constexpr int kMaxPerPage = 10000;

// "A...B" with either side optional → [from, to] (inclusive); false when unparsable.
bool parseRange(const QString &text, QDateTime *from, QDateTime *to)
{
    const int dots = text.indexOf(QLatin1String("..."));
    const QString left = dots < 0 ? text : text.left(dots);
    const QString right = dots < 0 ? QString() : text.mid(dots + 3);
    if (!left.trimmed().isEmpty()) {
        *from = parseIsoTime(left);
        if (!from->isValid())
            return false;
    }
    if (!right.trimmed().isEmpty()) {
        *to = parseIsoTime(right);
        if (!to->isValid())
            return false;
    }
    return dots >= 0 || from->isValid();
}

bool inRange(const QDateTime &time, const QDateTime &from, const QDateTime &to)
{
    return (!from.isValid() || time >= from) && (!to.isValid() || time <= to);
}
} // namespace

std::optional<HttpResponse> handleIndexRoute(DocumentsCall &call)
{
    static const QRegularExpression pattern(QStringLiteral("^/rest/v1\\.0/projects/(\\d+)/documents$"));
    const QRegularExpressionMatch match = pattern.match(call.request.path);
    if (!match.hasMatch() || call.request.method != "GET")
        return std::nullopt;
    const qint64 projectId = match.captured(1).toLongLong();
    if (auto denied = call.checkProject(projectId))
        return denied;
    DocumentsModel &model = call.model;
    model.rootFolderId(projectId);

    // Filters
    const QString type = call.query(QStringLiteral("filters[document_type]"));
    if (!type.isEmpty() && type != QLatin1String("file") && type != QLatin1String("folder"))
        return errorsField(400, QStringLiteral("document_type"), QStringLiteral("must be file or folder"));
    const QString recycle = call.query(QStringLiteral("filters[is_in_recycle_bin]")).toLower();
    const bool inRecycleBin = recycle == QLatin1String("true") || recycle == QLatin1String("1");
    qint64 folderId = 0;
    if (!call.query(QStringLiteral("filters[folder_id]")).isEmpty()) {
        bool ok = false;
        folderId = call.query(QStringLiteral("filters[folder_id]")).toLongLong(&ok);
        const DocNode *folder = ok ? model.node(folderId) : nullptr;
        if (!folder || !folder->isFolder || folder->projectId != projectId)
            return DocumentsCall::notFound();
    }
    QDateTime updatedFrom, updatedTo, createdFrom, createdTo;
    const QString updated = call.query(QStringLiteral("filters[updated_at]"));
    if (!updated.isEmpty() && !parseRange(updated, &updatedFrom, &updatedTo))
        return errorsField(400, QStringLiteral("updated_at"),
                           QStringLiteral("must be a range of ISO 8601 times: A...B"));
    const QString created = call.query(QStringLiteral("filters[created_at]"));
    if (!created.isEmpty() && !parseRange(created, &createdFrom, &createdTo))
        return errorsField(400, QStringLiteral("created_at"),
                           QStringLiteral("must be a range of ISO 8601 times: A...B"));
    const QString search = call.query(QStringLiteral("filters[search]"));
    QStringList fileTypes =
        call.request.query.allQueryItemValues(QStringLiteral("filters[file_type][]"), QUrl::FullyDecoded);
    fileTypes +=
        call.request.query.allQueryItemValues(QStringLiteral("filters[file_type]"), QUrl::FullyDecoded);
    const QString privateFilter = call.query(QStringLiteral("filters[private]")).toLower();

    QList<const DocNode *> items;
    for (qint64 id : model.projectNodeIds(projectId)) {
        const DocNode *n = model.node(id);
        if (n->isDeleted != inRecycleBin)
            continue;
        if (!type.isEmpty() && n->isFolder != (type == QLatin1String("folder")))
            continue;
        if (folderId && !model.isDescendantOf(id, folderId))
            continue;
        if (!inRange(n->updatedAt, updatedFrom, updatedTo) || !inRange(n->createdAt, createdFrom, createdTo))
            continue;
        if (!search.isEmpty() && !n->name.contains(search, Qt::CaseInsensitive))
            continue;
        if (!fileTypes.isEmpty()
            && (n->isFolder || !fileTypes.contains(fileTypeOf(n->name), Qt::CaseInsensitive)))
            continue;
        if (!privateFilter.isEmpty() && n->isPrivate != (privateFilter == QLatin1String("true")))
            continue;
        items << n;
    }

    // Sort (ties broken by id, so pages never overlap or skip)
    QString sort = call.query(QStringLiteral("sort"));
    const bool descending = sort.startsWith(QLatin1Char('-'));
    if (descending)
        sort = sort.mid(1);
    auto typeRank = [](const DocNode *n) {
        return n->isFolder ? 0 : 1;
    };
    std::function<int(const DocNode *, const DocNode *)> compare;
    if (sort == QLatin1String("name"))
        compare = [](const DocNode *a, const DocNode *b) {
            return a->name.compare(b->name, Qt::CaseInsensitive);
        };
    else if (sort == QLatin1String("updated_at"))
        compare = [](const DocNode *a, const DocNode *b) {
            return int(a->updatedAt > b->updatedAt) - int(a->updatedAt < b->updatedAt);
        };
    else if (sort == QLatin1String("created_at"))
        compare = [](const DocNode *a, const DocNode *b) {
            return int(a->createdAt > b->createdAt) - int(a->createdAt < b->createdAt);
        };
    else if (sort == QLatin1String("document_type"))
        compare = [&](const DocNode *a, const DocNode *b) {
            return typeRank(a) - typeRank(b);
        };
    else if (sort == QLatin1String("document_type_then_name"))
        compare = [&](const DocNode *a, const DocNode *b) {
            const int byType = typeRank(a) - typeRank(b);
            return byType != 0 ? byType : a->name.compare(b->name, Qt::CaseInsensitive);
        };
    else if (!sort.isEmpty() && sort != QLatin1String("id"))
        return errorsField(400, QStringLiteral("sort"),
                           QStringLiteral("is not a supported sort: %1").arg(sort));
    if (compare) {
        std::stable_sort(items.begin(), items.end(), [&](const DocNode *a, const DocNode *b) {
            const int c = compare(a, b);
            if (c != 0)
                return descending ? c > 0 : c < 0;
            return a->id < b->id;
        });
    } else if (sort == QLatin1String("id")) {
        std::sort(items.begin(), items.end(), [&](const DocNode *a, const DocNode *b) {
            return descending ? a->id > b->id : a->id < b->id;
        });
    }

    HttpResponse error;
    const std::optional<Page> page = pageFor(call.request, items.size(), kMaxPerPage, &error);
    if (!page)
        return error;
    const bool extended = call.query(QStringLiteral("view")) == QLatin1String("extended");
    QJsonArray array;
    for (qint64 i = page->first; i < page->first + page->count; ++i)
        array.append(call.json.indexItem(*items.at(i), extended));
    HttpResponse response = HttpResponse::json(200, QJsonDocument(array).toJson(QJsonDocument::Compact));
    setPaginationHeaders(response, call.request, call.context.apiBase, *page, items.size());
    return response;
}

} // namespace sandbox
