#pragma once

#include "core/api/apicall.h"
#include "core/api/apitypes.h"
#include "core/api/ratelimitmeter.h"
#include "core/common/result.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QNetworkAccessManager;

namespace trestle {

class ConnectionContext;

// The typed Procore REST client (procore-api.md §3–§8). One per thread: it owns its
// QNetworkAccessManager, which is not thread-safe; all clients of a connection share one
// ConnectionContext (base URL, company, TokenManager, RateLimitMeter).
//
// Every call is asynchronous: it schedules, and later calls `done` exactly once in this client's
// thread (never synchronously from inside the call, and never after the client is destroyed).
// Listing calls follow the pagination for you (Link/Total) and optionally report each page.
// Non-idempotent creates are never blindly retried: after an ambiguous failure the client first
// looks whether the item exists (listing the parent folder), and only creates again if not.
class ProcoreClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcoreClient)

public:
    template<typename T>
    using Callback = std::function<void(Result<T>)>;
    template<typename T>
    using PageCallback = std::function<void(const QList<T> &page)>;

    struct FolderQuery
    {
        bool excludeFolders = false;
        bool excludeFiles = false;
        bool latestVersionOnly = false; // show_latest_file_version_only
    };

    struct FolderChange
    {
        std::optional<QString> name; // rename
        std::optional<qint64> parentId; // move
    };

    struct NewFile
    {
        qint64 parentId = 0; // 0 = the project's root folder
        QString name;
        QString description;
        QString uploadUuid; // from a finished storage upload (the recommended path)
    };

    struct FileChange
    {
        std::optional<QString> name; // rename
        std::optional<qint64> parentId; // move
        QString uploadUuid; // non-empty: a new version
        QString description;
    };

    struct DocumentQuery
    {
        std::optional<qint64> folderId; // filters[folder_id]: a subtree
        std::optional<DocumentEntry::Type> type; // filters[document_type]
        QDateTime updatedFrom, updatedTo; // filters[updated_at]=A...B (either may be open)
        std::optional<bool> inRecycleBin; // filters[is_in_recycle_bin]
        QString sort; // e.g. "name", "-updated_at"
        bool extended = true; // view=extended: files carry their current version (size, url)
    };

    struct SegmentSpec
    {
        qint64 size = 0;
        QByteArray sha256Hex;
        QByteArray md5Hex; // optional
    };

    explicit ProcoreClient(std::shared_ptr<ConnectionContext> context, QObject *parent = nullptr);
    ~ProcoreClient() override;

    std::shared_ptr<ConnectionContext> context() const { return m_context; }
    QNetworkAccessManager *networkAccessManager() const { return m_nam; }

    // Interactive (browsing) or Background (jobs); applies to calls started afterwards.
    void setPriority(RateLimitMeter::Priority priority);
    // No bytes for this long → Timeout (then retried if the call may be).
    void setTimeout(std::chrono::milliseconds timeout);
    void setRetryPolicy(const RetryPolicy &policy);
    // per_page for listings; clamped to 1…2000 (procore-api.md §12).
    void setPageSize(int pageSize);
    int pageSize() const { return m_pageSize; }

    // Aborts every call in flight; their callbacks run with Error::Kind::Cancelled.
    void cancelAll();

    void me(Callback<Me> done);
    void companies(Callback<QList<Company>> done, PageCallback<Company> onPage = {});
    void projects(qint64 companyId, Callback<QList<Project>> done, PageCallback<Project> onPage = {});

    void rootFolder(qint64 projectId, const FolderQuery &query, Callback<Folder> done);
    void folder(qint64 projectId, qint64 folderId, const FolderQuery &query, Callback<Folder> done);
    void createFolder(qint64 projectId, qint64 parentId, const QString &name, Callback<Folder> done);
    void updateFolder(qint64 projectId, qint64 folderId, const FolderChange &change, Callback<Folder> done);
    void deleteFolder(qint64 projectId, qint64 folderId, Callback<Done> done);

    void file(qint64 projectId, qint64 fileId, Callback<File> done);
    // With newFile.uploadUuid (2 calls per file with the upload).
    void createFile(qint64 projectId, const NewFile &newFile, Callback<File> done);
    // The deprecated single-call path (`file[data]`): streams `data` (not owned; must stay alive
    // until `done`). Retried after an ambiguous failure only when `data` is seekable.
    void createFileWithData(qint64 projectId, const NewFile &newFile, QIODevice *data, Callback<File> done);
    // The same, sharing the body device: it lives as long as the call and every request of it,
    // which Qt may still read after the caller has gone (a killed job cannot stop this call).
    void createFileWithData(qint64 projectId, const NewFile &newFile, std::shared_ptr<QIODevice> data,
                            Callback<File> done);
    void updateFile(qint64 projectId, qint64 fileId, const FileChange &change, Callback<File> done);
    void deleteFile(qint64 projectId, qint64 fileId, Callback<Done> done);

    // A new version through POST file_versions. Not retried after an ambiguous failure (there is
    // no way to look the version up by upload): prefer updateFile() with an upload uuid.
    void createFileVersion(qint64 projectId, qint64 fileId, const QString &uploadUuid, const QString &notes,
                           Callback<FileVersion> done);
    void fileVersion(qint64 projectId, qint64 versionId, Callback<FileVersion> done);

    void documents(qint64 projectId, const DocumentQuery &query, Callback<QList<DocumentEntry>> done,
                   PageCallback<DocumentEntry> onPage = {});

    // Form upload (A): url + fields for a storage POST.
    void createUpload(qint64 projectId, const QString &fileName, const QString &contentType, qint64 size,
                      Callback<Upload> done);
    // Segmented upload (B): one signed PUT per segment.
    void createSegmentedUpload(qint64 projectId, const QList<SegmentSpec> &segments, Callback<Upload> done);
    // Completes (B) with the ETags of the PUTs, in the original order.
    void completeUpload(qint64 projectId, const Upload &upload, Callback<Upload> done);
    void upload(qint64 projectId, const QString &uuid, Callback<Upload> done);

private:
    using ReplyHandler = std::function<void(const Result<ApiReply> &, ApiCall *)>;

    ApiCall *send(ApiRequest request, ReplyHandler handler);
    template<typename T>
    void fetchPages(ApiRequest request, std::function<Result<QList<T>>(const ApiReply &)> parse,
                    Callback<QList<T>> done, PageCallback<T> onPage, std::shared_ptr<QList<T>> items);
    template<typename T>
    void sendAndParse(ApiRequest request, std::function<Result<T>(const QByteArray &, const QString &)> parse,
                      Callback<T> done);
    // The non-idempotent create: send; on an ambiguous failure, `lookup` says whether the item
    // exists (then that is the result) before the create is sent again.
    template<typename T>
    void createChecked(ApiRequest request,
                       std::function<Result<T>(const QByteArray &, const QString &)> parse,
                       std::function<void(Callback<std::optional<T>>)> lookup, Callback<T> done, int attempt,
                       bool takenMeansExists);
    // POST /files (createFile, createFileWithData) as a checked create: after an ambiguous failure
    // the file is looked up in its folder by name before the create is sent again.
    void createFileChecked(qint64 projectId, ApiRequest request, const NewFile &newFile, Callback<File> done);
    // The parent's live (not deleted) child named `name`, among its folders or among its files.
    template<typename Child>
    void findChild(qint64 projectId, qint64 parentId, const QString &name, QList<Child> Folder::*children,
                   Callback<std::optional<Child>> done);
    ApiRequest projectRequest(const QByteArray &method, const QString &path, qint64 projectId) const;
    // DELETE of a folder or file at `path`: a "not found" after a retry means the first try took.
    void deleteDocument(qint64 projectId, const QString &path, Callback<Done> done);
    // Runs `fn` on the next event loop turn (callbacks never run inside the call that caused them).
    void post(std::function<void()> fn);

    std::shared_ptr<ConnectionContext> m_context;
    QNetworkAccessManager *m_nam;
    ApiCall::Options m_options;
    int m_pageSize = 2000;
    QSet<ApiCall *> m_calls;
};

} // namespace trestle
