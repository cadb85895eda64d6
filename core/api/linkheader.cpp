#include "core/api/linkheader.h"

#include <QRegularExpression>
#include <QString>

namespace trestle {

QUrl nextLinkFromHeader(const QByteArray &header, const QUrl &base)
{
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>\\s*;([^,<]*)"));
    static const QRegularExpression relNext(QStringLiteral("rel\\s*=\\s*\"?next\"?"));
    auto it = entry.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.captured(2).contains(relNext))
            return base.resolved(QUrl(m.captured(1)));
    }
    return QUrl();
}

} // namespace trestle
