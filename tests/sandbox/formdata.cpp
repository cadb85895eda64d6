#include "formdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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

void parseMultipart(const QByteArray &body, const QByteArray &contentType, QHash<QString, QString> *fields)
{
    static const QRegularExpression boundaryRe(QStringLiteral("boundary=\"?([^\";]+)\"?"),
                                               QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nameRe(QStringLiteral("\\bname=\"([^\"]*)\""),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch boundaryMatch = boundaryRe.match(QString::fromLatin1(contentType));
    if (!boundaryMatch.hasMatch())
        return;
    const QByteArray delimiter = "--" + boundaryMatch.captured(1).toLatin1();
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        const qsizetype partStart = pos + delimiter.size();
        if (body.mid(partStart, 2) == "--")
            break;
        const qsizetype next = body.indexOf(delimiter, partStart);
        if (next < 0)
            break;
        QByteArray part = body.mid(partStart, next - partStart);
        if (part.startsWith("\r\n"))
            part.remove(0, 2);
        if (part.endsWith("\r\n"))
            part.chop(2);
        const qsizetype headerEnd = part.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QString headers = QString::fromUtf8(part.left(headerEnd));
            const QRegularExpressionMatch name = nameRe.match(headers);
            if (name.hasMatch() && !headers.contains(QLatin1String("filename="), Qt::CaseInsensitive))
                fields->insert(name.captured(1), QString::fromUtf8(part.mid(headerEnd + 4)));
        }
        pos = next;
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
        parseMultipart(body, request.header("Content-Type"), &fields);
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
