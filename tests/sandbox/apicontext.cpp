#include "apicontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sandbox {

namespace {
HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

HttpResponse errorsBase(int status, const QString &message)
{
    return jsonResponse(
        status, {{QStringLiteral("errors"), QJsonObject{{QStringLiteral("base"), QJsonArray{message}}}}});
}

HttpResponse errorsString(int status, const QString &message)
{
    return jsonResponse(status, {{QStringLiteral("errors"), message}});
}

HttpResponse errorsField(int status, const QString &field, const QString &message)
{
    return jsonResponse(status, {{QStringLiteral("errors"), QJsonObject{{field, QJsonArray{message}}}}});
}

HttpResponse errorMessage(int status, const QString &message)
{
    return jsonResponse(status, {{QStringLiteral("error"), message}});
}

std::optional<Page> pageFor(const HttpRequest &request, qint64 total, int maxPerPage, HttpResponse *error)
{
    Page page;
    bool ok = true;
    const QString pageText = request.query.queryItemValue(QStringLiteral("page"));
    const QString perPageText = request.query.queryItemValue(QStringLiteral("per_page"));
    if (!pageText.isEmpty())
        page.page = pageText.toInt(&ok);
    if (ok && !perPageText.isEmpty())
        page.perPage = perPageText.toInt(&ok);
    if (!ok || page.page < 1 || page.perPage < 1) {
        if (error)
            *error = errorsString(400, QStringLiteral("page and per_page must be positive integers"));
        return std::nullopt;
    }
    page.perPage = qMin(page.perPage, maxPerPage);
    page.first = qint64(page.page - 1) * page.perPage;
    page.count = qBound(qint64(0), total - page.first, qint64(page.perPage));
    return page;
}

void setPaginationHeaders(HttpResponse &response, const HttpRequest &request, const QUrl &apiBase,
                          const Page &page, qint64 total)
{
    response.setHeader("Total", QByteArray::number(total));
    response.setHeader("Per-Page", QByteArray::number(page.perPage));
    const int lastPage = qMax<qint64>(1, (total + page.perPage - 1) / page.perPage);
    auto linkFor = [&](int number, const char *rel) {
        QUrl url = apiBase.resolved(QUrl(request.path));
        QUrlQuery query = request.query;
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::number(number));
        query.removeAllQueryItems(QStringLiteral("per_page"));
        query.addQueryItem(QStringLiteral("per_page"), QString::number(page.perPage));
        url.setQuery(query);
        return QByteArray("<") + url.toEncoded() + ">; rel=\"" + rel + "\"";
    };
    QList<QByteArray> links;
    if (page.page > 1) {
        links << linkFor(1, "first") << linkFor(qMin(page.page - 1, lastPage), "prev");
    }
    if (page.page < lastPage) {
        links << linkFor(page.page + 1, "next") << linkFor(lastPage, "last");
    }
    if (!links.isEmpty())
        response.setHeader("Link", links.join(", "));
}

} // namespace sandbox
