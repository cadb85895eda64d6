#include "core/services/revoketokensjob.h"

#include "core/api/tokenrevocation.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace trestle {

RevokeTokensJob::RevokeTokensJob(OAuthClient client, QStringList tokens, QObject *parent)
    : QObject(parent)
    , m_client(std::move(client))
    , m_tokens(std::move(tokens))
    , m_nam(new QNetworkAccessManager(this))
{
    m_tokens.removeAll(QString());
}

RevokeTokensJob::~RevokeTokensJob() = default;

void RevokeTokensJob::start()
{
    QTimer::singleShot(0, this, &RevokeTokensJob::revokeNext);
}

void RevokeTokensJob::revokeNext()
{
    if (m_tokens.isEmpty()) {
        if (m_firstError)
            Q_EMIT finished(m_firstError);
        else
            Q_EMIT finished(Done{});
        deleteLater();
        return;
    }
    auto *revocation = new TokenRevocation(m_nam, m_client, this);
    connect(revocation, &TokenRevocation::finished, this, [this, revocation](const Status &status) {
        revocation->deleteLater();
        if (!status.ok() && !m_firstError)
            m_firstError = status.error();
        revokeNext();
    });
    revocation->start(m_tokens.takeFirst());
}

} // namespace trestle
