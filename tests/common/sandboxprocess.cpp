#include "sandboxprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

namespace testing {

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(const QStringList &arguments, int timeoutMs)
{
    const QString binary = qEnvironmentVariable("TRESTLE_SANDBOX_BIN");
    if (binary.isEmpty()) {
        m_error = QStringLiteral("TRESTLE_SANDBOX_BIN is not set (run the test through ctest)");
        return false;
    }
    m_process.setProgram(binary);
    m_process.setArguments(arguments);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // SIGTERM when the thread that started it dies, so a crashed test leaves no sandbox behind.
    // The check after prctl covers a parent that died before it took effect.
    const pid_t parent = ::getpid();
    m_process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(1);
    });
#endif
    m_process.start();
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(binary, m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    QByteArray line;
    while (!deadline.hasExpired()) {
        if (m_process.canReadLine()) {
            line = m_process.readLine().trimmed();
            break;
        }
        if (m_process.state() != QProcess::Running)
            break;
        m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    m_baseUrl = QUrl(QString::fromUtf8(line));
    if (!m_baseUrl.isValid() || m_baseUrl.scheme().isEmpty()) {
        m_error = QStringLiteral("sandbox printed no base URL (got '%1'); stderr: %2")
                      .arg(QString::fromUtf8(line), QString::fromUtf8(m_process.readAllStandardError()));
        stop();
        return false;
    }
    return true;
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void SandboxProcess::kill()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

bool SandboxProcess::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

qint64 SandboxProcess::processId() const
{
    return m_process.processId();
}

bool SandboxProcess::terminateAndWait(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return true;
    m_process.terminate();
    return m_process.waitForFinished(timeoutMs);
}

QByteArray SandboxProcess::capturedStderr()
{
    return m_process.readAllStandardError();
}

QByteArray SandboxProcess::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

SandboxProcess::Reply SandboxProcess::request(const QByteArray &method, const QUrl &url,
                                              const QByteArray &body,
                                              const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(60000);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

QJsonObject SandboxProcess::stats() const
{
    const Reply r = request("GET", m_baseUrl.resolved(QUrl(QStringLiteral("/_sandbox/stats"))));
    return QJsonDocument::fromJson(r.body).object();
}

bool SandboxProcess::resetStats() const
{
    return post(QStringLiteral("stats/reset"));
}

bool SandboxProcess::configure(const QJsonObject &settings) const
{
    const Reply r = request("POST", m_baseUrl.resolved(QUrl(QStringLiteral("/_sandbox/config"))),
                            QJsonDocument(settings).toJson(QJsonDocument::Compact),
                            {{"Content-Type", "application/json"}});
    return r.status == 200;
}

bool SandboxProcess::post(const QString &controlPath) const
{
    const Reply r = request("POST", m_baseUrl.resolved(QUrl(QStringLiteral("/_sandbox/") + controlPath)));
    return r.status == 200;
}

QJsonObject SandboxProcess::state(qint64 projectId, qint64 folderId) const
{
    QUrl url = m_baseUrl.resolved(QUrl(QStringLiteral("/_sandbox/state")));
    url.setQuery(folderId ? QStringLiteral("project_id=%1&folder_id=%2").arg(projectId).arg(folderId)
                          : QStringLiteral("project_id=%1").arg(projectId));
    const auto reply = request("GET", url);
    return reply.status == 200 ? QJsonDocument::fromJson(reply.body).object() : QJsonObject();
}

} // namespace testing
