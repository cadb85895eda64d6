#include "http/httpmessage.h"

#include <QBuffer>
#include <QFile>

namespace sandbox {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

std::unique_ptr<QIODevice> HttpRequest::bodyDevice() const
{
    if (!bodyFile.isEmpty()) {
        auto file = std::make_unique<QFile>(bodyFile);
        if (!file->open(QIODevice::ReadOnly))
            return nullptr;
        return file;
    }
    // The buffer gets its own (implicitly shared) copy, so it stays valid if the request goes away.
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    return buffer;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (auto it = headers.begin(); it != headers.end();) {
        if (it->first.compare(name, Qt::CaseInsensitive) == 0) {
            if (replaced) {
                it = headers.erase(it);
                continue;
            }
            it->second = value;
            replaced = true;
        }
        ++it;
    }
    if (!replaced)
        headers.append({name, value});
}

HttpResponse HttpResponse::json(int status, const QByteArray &jsonBody)
{
    return text(status, jsonBody, QByteArrayLiteral("application/json; charset=utf-8"));
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return response;
}

} // namespace sandbox
