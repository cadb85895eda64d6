#include "formdata.h"

#include "http/multipartreader.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sandbox {

namespace {
constexpr qint64 maxFormBytes = 1024 * 1024; // token and login bodies are tiny

QByteArray smallBody(const HttpRequest &request)
{
    if (request.bodyFile.isEmpty())
        return request.body;
    const auto device = request.bodyDevice();
    return device ? device->read(maxFormBytes) : QByteArray();
}

void parseUrlEncoded(const QByteArray &body, QHash<QString, QString> *fields)
{
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        fields->insert(QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
}

// Text fields only: file parts are skipped (token and login forms carry none).
void parseMultipart(const HttpRequest &request, QHash<QString, QString> *fields)
{
    const QByteArray boundary = MultipartReader::boundaryOf(request.header("Content-Type"));
    const std::unique_ptr<QIODevice> body = request.bodyDevice();
    if (boundary.isEmpty() || !body)
        return;
    MultipartReader reader(body.get(), boundary);
    MultipartReader::Part part;
    while (reader.readNextPart(&part)) {
        if (part.isFile())
            continue;
        QByteArray value;
        if (!reader.readBody(&value, maxFormBytes))
            return;
        fields->insert(QString::fromUtf8(part.name), QString::fromUtf8(value));
    }
}

void parseJson(const QByteArray &body, QHash<QString, QString> *fields)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        if (value.isString())
            fields->insert(it.key(), value.toString());
        else if (value.isDouble())
            fields->insert(it.key(), QString::number(qint64(value.toDouble())));
        else if (value.isBool())
            fields->insert(it.key(), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
    }
}
} // namespace

QHash<QString, QString> parseFormFields(const HttpRequest &request)
{
    QHash<QString, QString> fields;
    const QByteArray contentType = request.header("Content-Type").toLower();
    const QByteArray body = smallBody(request);
    if (contentType.startsWith("multipart/form-data"))
        parseMultipart(request, &fields);
    else if (contentType.contains("json") || (contentType.isEmpty() && body.trimmed().startsWith('{')))
        parseJson(body, &fields);
    else
        parseUrlEncoded(body, &fields);
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!fields.contains(item.first))
            fields.insert(item.first, item.second);
    }
    return fields;
}

} // namespace sandbox
