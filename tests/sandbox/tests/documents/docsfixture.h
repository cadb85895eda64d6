#pragma once

#include "sandboxprocess.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

// Shared by the Documents suites: a running trestle-sandbox, tokens for the service account and
// the demo user, the first company and project, and small blocking HTTP helpers (test-only).
class DocsFixture final
{
    Q_DISABLE_COPY_MOVE(DocsFixture)

public:
    DocsFixture() = default;

    // Starts the sandbox with `arguments` and signs in. false + error() on failure.
    bool start(const QStringList &arguments = {});
    QString error() const { return m_error; }
    testing::SandboxProcess &sandbox() { return m_sandbox; }

    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
        QJsonObject object() const;
        QJsonArray array() const;
    };

    // A /rest (or /fas) call on the API host with Bearer + Procore-Company-Id. `token` empty =
    // the service account's.
    Reply api(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
              const QByteArray &body = {}, const QByteArray &contentType = {},
              const QByteArray &token = {}) const;
    Reply json(const QByteArray &method, const QString &path, const QJsonObject &body,
               const QUrlQuery &query = {}, const QByteArray &token = {}) const;
    // A request to any URL (storage) without Authorization.
    Reply plain(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;

    QUrlQuery projectQuery() const; // project_id=<first project>
    QByteArray tokenFor(const QString &login, const QString &password); // authorization-code flow
    qint64 rootId();

    struct Part
    {
        QByteArray name;
        QByteArray value;
        QByteArray fileName; // non-empty: a file part
    };
    static QByteArray boundary() { return QByteArrayLiteral("----TrestleDocsTestBoundary7MA4YWxk"); }
    static QByteArray multipartType() { return "multipart/form-data; boundary=" + boundary(); }
    static QByteArray multipart(const QList<Part> &parts);

    // Multipart POST /files with file[data] (small contents).
    Reply createFileWithData(qint64 parentId, const QString &name, const QByteArray &content,
                             const QList<Part> &extra = {}) const;
    // §6 A end to end: create upload, POST to storage; returns the upload uuid ("" on failure).
    QString formUpload(const QByteArray &content, const QString &fileName,
                       const QByteArray &token = {}) const;
    // Follows a file version url: /fas (with token) → 302 → storage (without). Returns the final reply.
    Reply download(const QString &versionUrl, Reply *hop = nullptr) const;

    QByteArray serviceToken;
    QByteArray userToken; // demo@trestle.test
    qint64 companyId = 0;
    qint64 projectId = 0;
    QList<qint64> projectIds;

private:
    testing::SandboxProcess m_sandbox;
    QString m_error;
};
