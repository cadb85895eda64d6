#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace testing {

// Starts trestle-sandbox (the binary named by $TRESTLE_SANDBOX_BIN) as a child process, waits for
// the base URL it prints on its first stdout line, and offers the control endpoints of
// tests/sandbox/README.md. Test-only: blocking waits are fine here, never in product code.
// The sandbox never outlives its test: the destructor stops it, and on Linux it gets SIGTERM when
// the test process dies without running destructors (a crash, abort, or ctest's timeout kill).
class SandboxProcess final
{
    Q_DISABLE_COPY_MOVE(SandboxProcess)

public:
    SandboxProcess() = default;
    ~SandboxProcess();

    // Starts with the given extra arguments (e.g. {"--seed", "demo"}). Returns false and sets
    // errorString() when the binary is missing or prints no URL within the timeout.
    bool start(const QStringList &arguments = {}, int timeoutMs = 30000);
    void stop(); // SIGTERM, then SIGKILL after 5 s
    void kill(); // SIGKILL at once (crash tests)
    bool isRunning() const;
    qint64 processId() const;
    // SIGTERM only, then waits up to `timeoutMs` for the process to end (true if it did).
    bool terminateAndWait(int timeoutMs);

    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }
    QByteArray capturedStderr();

    // Control endpoints (blocking, test-only).
    QJsonObject stats() const; // GET /_sandbox/stats
    bool resetStats() const; // POST /_sandbox/stats/reset
    bool configure(const QJsonObject &settings) const; // POST /_sandbox/config
    bool post(const QString &controlPath) const; // POST /_sandbox/<controlPath>
    // GET /_sandbox/state?project_id=[&folder_id=]: the whole tree, or one folder's subtree (folderId
    // != 0); an empty object when the sandbox answers 404.
    QJsonObject state(qint64 projectId, qint64 folderId = 0) const;

    // Plain blocking request for tests that must drive the API by hand.
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };
    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
};

} // namespace testing
