#include "core/api/procoreclient.h"

#include "core/api/apierrors.h"
#include "core/api/connectioncontext.h"
#include "core/api/jsonparse.h"
#include "core/api/linkheader.h"
#include "core/api/sendoncebody.h"
#include "core/common/logging.h"

#include <QFutureWatcher>
#include <QHttpMultiPart>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThreadPool>
#include <QTimer>

#include <type_traits>

namespace trestle {

namespace {

constexpr int kMaxPageSize = 2000; // procore-api.md §12
// A 200 whose body does not parse (e.g. cut short without a transport error) is re-fetched this
// many times for idempotent calls before it is reported as MalformedReply.
constexpr int kMalformedRetries = 2;
// Replies larger than this are parsed on the global thread pool, not on the client's thread: a
// 10,000-item folder is ~3 MB of JSON and took ~100 ms of the window's thread to parse (issue 7,
// bench_browser). Small replies, the engine's hot path, are parsed in place: no thread hop.
constexpr qsizetype kParseOffThreadBytes = 256 * 1024;

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QHttpPart textPart(const QByteArray &name, const QString &value)
{
    QHttpPart part;
    part.setHeader(QNetworkRequest::ContentDispositionHeader, QByteArray("form-data; name=\"" + name + "\""));
    part.setBody(value.toUtf8());
    return part;
}

// Builds the multipart body of the files endpoints afresh for every attempt. Each multipart holds a
// share of `data`: the multipart lives as long as its reply, and Qt may read the body of an aborted
// or orphaned request until the reply is deleted.
std::function<QHttpMultiPart *()> fileMultipart(const QByteArray &prefix,
                                                QList<QPair<QByteArray, QString>> fields,
                                                std::shared_ptr<QIODevice> data = {},
                                                const QString &fileName = {})
{
    return [prefix, fields, data, fileName]() -> QHttpMultiPart * {
        if (data && !data->isSequential() && data->pos() != 0 && !data->seek(0))
            return nullptr;
        if (data && data->isSequential() && data->pos() != 0)
            return nullptr; // already consumed: cannot be sent again
        auto *multipart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        bool first = true;
        for (const auto &[name, value] : fields) {
            QHttpPart part = textPart(prefix + '[' + name + ']', value);
            if (std::exchange(first, false)) {
                // Creates a file or a version: Qt must not send it again by itself after a lost
                // connection; one part that refuses to rewind makes the whole body refuse.
                part.setBodyDevice(new SendOnceBody(value.toUtf8(), multipart));
            }
            multipart->append(part);
        }
        if (data) {
            QHttpPart part;
            QString safeName = fileName;
            safeName.remove(QLatin1Char('"')).remove(QLatin1Char('\r')).remove(QLatin1Char('\n'));
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QByteArray("form-data; name=\"" + prefix + "[data]\"; filename=\""
                                      + safeName.toUtf8() + "\""));
            part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
            part.setBodyDevice(data.get()); // streamed, never read whole
            multipart->append(part);
            // The connection's functor keeps the share until the multipart is destroyed.
            QObject::connect(multipart, &QObject::destroyed, [keep = data] { Q_UNUSED(keep) });
        }
        return multipart;
    };
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

std::chrono::milliseconds backoff(const RetryPolicy &policy, int attempt)
{
    const qint64 base = policy.baseDelay.count();
    const qint64 exp = qMin<qint64>(policy.maxDelay.count(), base << qMin(attempt, 16));
    return std::chrono::milliseconds(
        exp / 2 + QRandomGenerator::global()->bounded(quint32(qMax<qint64>(1, exp / 2))));
}

} // namespace

ProcoreClient::ProcoreClient(std::shared_ptr<ConnectionContext> context, QObject *parent)
    : QObject(parent), m_context(std::move(context)), m_nam(new QNetworkAccessManager(this))
{
    // Redirects are refused per request (ManualRedirectPolicy); this is the default for others.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ProcoreClient::~ProcoreClient()
{
    // Destroyed calls abort their replies and give their meter slots back; no callback runs.
    const QSet<ApiCall *> calls = std::exchange(m_calls, {});
    for (ApiCall *call : calls) {
        call->disconnect(this);
        delete call;
    }
}

void ProcoreClient::setPriority(RateLimitMeter::Priority priority)
{
    m_options.priority = priority;
}

void ProcoreClient::setTimeout(std::chrono::milliseconds timeout)
{
    m_options.timeout = timeout;
}

void ProcoreClient::setRetryPolicy(const RetryPolicy &policy)
{
    m_options.retry = policy;
}

void ProcoreClient::setPageSize(int pageSize)
{
    m_pageSize = qBound(1, pageSize, kMaxPageSize);
}

void ProcoreClient::cancelAll()
{
    const QSet<ApiCall *> calls = m_calls;
    for (ApiCall *call : calls)
        call->abort();
}

void ProcoreClient::post(std::function<void()> fn)
{
    QTimer::singleShot(0, this, std::move(fn));
}

ApiCall *ProcoreClient::send(ApiRequest request, ReplyHandler handler)
{
    auto *call = new ApiCall(m_context, m_nam, std::move(request), m_options, this);
    m_calls.insert(call);
    connect(call, &ApiCall::finished, this, [this, handler = std::move(handler)](ApiCall *c) {
        m_calls.remove(c);
        c->deleteLater();
        handler(c->result(), c);
    });
    call->start();
    return call;
}

ApiRequest ProcoreClient::projectRequest(const QByteArray &method, const QString &path,
                                         qint64 projectId) const
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.query.addQueryItem(QStringLiteral("project_id"), QString::number(projectId));
    return request;
}

template<typename T>
void ProcoreClient::sendAndParse(ApiRequest request,
                                 std::function<Result<T>(const QByteArray &, const QString &)> parse,
                                 Callback<T> done)
{
    auto attempt = std::make_shared<int>(0);
    auto run = std::make_shared<std::function<void()>>();
    *run = [this, request, parse, done, attempt, run]() {
        send(request, [this, parse, done, attempt, run](const Result<ApiReply> &r, ApiCall *call) {
            if (!r.ok()) {
                *run = nullptr; // break the cycle
                return done(r.error());
            }
            const QString endpoint = call->request().endpoint();
            const bool idempotent = call->request().idempotent;
            // What to do with the parsed value, on the client's thread.
            auto parsed = [this, done, attempt, run, endpoint, idempotent](Result<T> value) {
                if (!value.ok() && idempotent && (*attempt)++ < kMalformedRetries) {
                    qCInfo(lcApi) << endpoint << "reply did not parse, fetching again";
                    return post(*run);
                }
                *run = nullptr;
                done(std::move(value));
            };
            const QByteArray body = r.value().body;
            if (body.size() <= kParseOffThreadBytes)
                return parsed(parse(body, endpoint));
            // The parse functions are pure. The watcher lives on this thread as the client's
            // child: the result arrives here, and a client destroyed meanwhile takes its watcher
            // (and with it the callback) along.
            using Parsed = std::shared_ptr<Result<T>>;
            auto promise = std::make_shared<QPromise<Parsed>>();
            auto *watcher = new QFutureWatcher<Parsed>(this);
            connect(watcher, &QFutureWatcher<Parsed>::finished, this, [watcher, parsed]() mutable {
                watcher->deleteLater();
                Parsed value = watcher->future().resultCount() > 0 ? watcher->future().result() : nullptr;
                parsed(value ? std::move(*value)
                             : Result<T>(Error(Error::Kind::Internal, tr("The reply could not be parsed."))));
            });
            watcher->setFuture(promise->future());
            QThreadPool::globalInstance()->start([promise, parse, body, endpoint] {
                promise->start();
                promise->addResult(std::make_shared<Result<T>>(parse(body, endpoint)));
                promise->finish();
            });
        });
    };
    (*run)();
}

template<typename T>
void ProcoreClient::fetchPages(ApiRequest request, std::function<Result<QList<T>>(const ApiReply &)> parse,
                               Callback<QList<T>> done, PageCallback<T> onPage,
                               std::shared_ptr<QList<T>> items)
{
    send(request, [=](const Result<ApiReply> &r, ApiCall *call) {
        if (!r.ok())
            return done(r.error());
        Result<QList<T>> page = parse(r.value());
        if (!page.ok())
            return done(page.error());
        if (onPage)
            onPage(page.value());
        *items += page.value();

        bool totalKnown = false;
        const qint64 total = r.value().header("Total").toLongLong(&totalKnown);
        const QUrl current = call->request().absoluteUrl.isValid() ? call->request().absoluteUrl : QUrl();
        QUrl next = nextLinkFromHeader(r.value().header("Link"), m_context->apiBase());
        if (!next.isValid() && totalKnown && items->size() < total && !page.value().isEmpty()) {
            // No Link header but Total says there is more: ask for the next page number.
            ApiRequest following = call->request();
            QUrlQuery query =
                following.absoluteUrl.isValid() ? QUrlQuery(following.absoluteUrl) : following.query;
            const int pageNumber = qMax(1, query.queryItemValue(QStringLiteral("page")).toInt());
            query.removeAllQueryItems(QStringLiteral("page"));
            query.addQueryItem(QStringLiteral("page"), QString::number(pageNumber + 1));
            if (following.absoluteUrl.isValid())
                following.absoluteUrl.setQuery(query);
            else
                following.query = query;
            return fetchPages<T>(following, parse, done, onPage, items);
        }
        const bool finished = !next.isValid() || page.value().isEmpty()
            || (totalKnown && items->size() >= total) || next == current;
        if (finished)
            return done(*items);
        ApiRequest following = call->request();
        following.absoluteUrl = next;
        fetchPages<T>(following, parse, done, onPage, items);
    });
}

template<typename T>
void ProcoreClient::createChecked(ApiRequest request,
                                  std::function<Result<T>(const QByteArray &, const QString &)> parse,
                                  std::function<void(Callback<std::optional<T>>)> lookup, Callback<T> done,
                                  int attempt, bool takenMeansExists)
{
    send(request, [=](const Result<ApiReply> &r, ApiCall *call) {
        Error error;
        bool ambiguous = false;
        if (r.ok()) {
            Result<T> value = parse(r.value().body, call->request().endpoint());
            if (value.ok())
                return done(std::move(value));
            error = value.error();
            ambiguous = true; // it answered 2xx but the body is unusable: the item may well exist
        } else {
            error = r.error();
            // "Name taken" may be our own earlier attempt: QNAM resends a request by itself when a
            // connection dies before the answer, and another worker may have created the same
            // folder. Only where that is the wanted result (folders: "make sure X exists") is it
            // looked up; for files it stays an error, as the caller must decide.
            const bool nameTaken = takenMeansExists && error.httpStatus() == 422
                && error.detail().contains(QLatin1String("\"name\""));
            if (nameTaken) {
                return lookup([=](const Result<std::optional<T>> &found) {
                    done(found.ok() && found.value().has_value() ? Result<T>(*found.value())
                                                                 : Result<T>(error));
                });
            }
            if (!error.isTransient())
                return done(error);
            ambiguous = call->maybeReachedServer();
        }
        if (attempt + 1 >= m_options.retry.maxAttempts)
            return done(error);
        auto again = [=] {
            QTimer::singleShot(backoff(m_options.retry, attempt), this, [=] {
                createChecked<T>(request, parse, lookup, done, attempt + 1, takenMeansExists);
            });
        };
        if (!ambiguous)
            return again(); // never reached the server: nothing to check
        qCInfo(lcApi) << call->request().endpoint() << "failed ambiguously (" << Error::kindName(error.kind())
                      << "); checking whether it happened before creating again";
        lookup([=](const Result<std::optional<T>> &found) {
            if (!found.ok())
                return done(error);
            if (found.value().has_value())
                return done(*found.value());
            again();
        });
    });
}

template<typename Child>
void ProcoreClient::findChild(qint64 projectId, qint64 parentId, const QString &name,
                              QList<Child> Folder::*children, Callback<std::optional<Child>> done)
{
    // Only the kind looked for is listed: a folder's files (or subfolders) can be many.
    FolderQuery query;
    query.excludeFiles = !std::is_same_v<Child, File>;
    query.excludeFolders = !std::is_same_v<Child, Folder>;
    auto pick = [name, children, done](Result<Folder> parent) {
        if (!parent.ok())
            return done(parent.error());
        for (const Child &child : parent.value().*children) {
            if (child.name == name && !child.isDeleted)
                return done(std::optional<Child>(child));
        }
        done(std::optional<Child>());
    };
    if (parentId > 0)
        folder(projectId, parentId, query, pick);
    else
        rootFolder(projectId, query, pick);
}

void ProcoreClient::me(Callback<Me> done)
{
    ApiRequest request;
    request.path = QStringLiteral("/rest/v1.0/me");
    request.companyHeader = m_context->isServiceAccount();
    sendAndParse<Me>(request, JsonParse::me, done);
}

void ProcoreClient::companies(Callback<QList<Company>> done, PageCallback<Company> onPage)
{
    ApiRequest request;
    request.path = QStringLiteral("/rest/v1.0/companies");
    request.companyHeader = m_context->isServiceAccount();
    request.query.addQueryItem(QStringLiteral("per_page"), QString::number(m_pageSize));
    fetchPages<Company>(
        request,
        [](const ApiReply &r) {
            return JsonParse::companies(r.body, QStringLiteral("GET /rest/v1.0/companies"));
        },
        done, onPage, std::make_shared<QList<Company>>());
}

void ProcoreClient::projects(qint64 companyId, Callback<QList<Project>> done, PageCallback<Project> onPage)
{
    ApiRequest request;
    request.path = QStringLiteral("/rest/v1.0/projects");
    request.companyId = companyId;
    request.query.addQueryItem(QStringLiteral("company_id"), QString::number(companyId));
    request.query.addQueryItem(QStringLiteral("per_page"), QString::number(m_pageSize));
    fetchPages<Project>(
        request,
        [](const ApiReply &r) {
            return JsonParse::projects(r.body, QStringLiteral("GET /rest/v1.0/projects"));
        },
        done, onPage, std::make_shared<QList<Project>>());
}

static void addFolderFlags(QUrlQuery &query, const ProcoreClient::FolderQuery &flags)
{
    if (flags.excludeFolders)
        query.addQueryItem(QStringLiteral("exclude_folders"), QStringLiteral("true"));
    if (flags.excludeFiles)
        query.addQueryItem(QStringLiteral("exclude_files"), QStringLiteral("true"));
    if (flags.latestVersionOnly)
        query.addQueryItem(QStringLiteral("show_latest_file_version_only"), QStringLiteral("true"));
}

void ProcoreClient::rootFolder(qint64 projectId, const FolderQuery &query, Callback<Folder> done)
{
    ApiRequest request = projectRequest("GET", QStringLiteral("/rest/v1.0/folders"), projectId);
    addFolderFlags(request.query, query);
    sendAndParse<Folder>(request, JsonParse::folder, done);
}

void ProcoreClient::folder(qint64 projectId, qint64 folderId, const FolderQuery &query, Callback<Folder> done)
{
    ApiRequest request =
        projectRequest("GET", QStringLiteral("/rest/v1.0/folders/%1").arg(folderId), projectId);
    addFolderFlags(request.query, query);
    sendAndParse<Folder>(request, JsonParse::folder, done);
}

void ProcoreClient::createFolder(qint64 projectId, qint64 parentId, const QString &name,
                                 Callback<Folder> done)
{
    ApiRequest request = projectRequest("POST", QStringLiteral("/rest/v1.0/folders"), projectId);
    QJsonObject folder{{QStringLiteral("name"), name}};
    if (parentId > 0)
        folder.insert(QStringLiteral("parent_id"), parentId);
    request.body = jsonBody(QJsonObject{{QStringLiteral("folder"), folder}});
    request.contentType = "application/json";
    request.idempotent = false;
    createChecked<Folder>(
        request, JsonParse::folder,
        [this, projectId, parentId, name](Callback<std::optional<Folder>> found) {
            findChild(projectId, parentId, name, &Folder::folders, found);
        },
        done, 0, true);
}

void ProcoreClient::updateFolder(qint64 projectId, qint64 folderId, const FolderChange &change,
                                 Callback<Folder> done)
{
    ApiRequest request =
        projectRequest("PATCH", QStringLiteral("/rest/v1.0/folders/%1").arg(folderId), projectId);
    QJsonObject folder;
    if (change.name)
        folder.insert(QStringLiteral("name"), *change.name);
    if (change.parentId)
        folder.insert(QStringLiteral("parent_id"), *change.parentId);
    request.body = jsonBody(QJsonObject{{QStringLiteral("folder"), folder}});
    request.contentType = "application/json";
    sendAndParse<Folder>(request, JsonParse::folder, done);
}

void ProcoreClient::deleteDocument(qint64 projectId, const QString &path, Callback<Done> done)
{
    ApiRequest request = projectRequest("DELETE", path, projectId);
    request.notFoundAfterRetryIsSuccess = true;
    send(request,
         [done](const Result<ApiReply> &r, ApiCall *) { done(r.ok() ? Result<Done>(Done{}) : r.error()); });
}

void ProcoreClient::deleteFolder(qint64 projectId, qint64 folderId, Callback<Done> done)
{
    deleteDocument(projectId, QStringLiteral("/rest/v1.0/folders/%1").arg(folderId), std::move(done));
}

void ProcoreClient::file(qint64 projectId, qint64 fileId, Callback<File> done)
{
    ApiRequest request = projectRequest("GET", QStringLiteral("/rest/v1.0/files/%1").arg(fileId), projectId);
    sendAndParse<File>(request, JsonParse::file, done);
}

static QList<QPair<QByteArray, QString>> newFileFields(const ProcoreClient::NewFile &f)
{
    QList<QPair<QByteArray, QString>> fields;
    if (f.parentId > 0)
        fields.append({"parent_id", QString::number(f.parentId)});
    fields.append({"name", f.name});
    if (!f.description.isEmpty())
        fields.append({"description", f.description});
    if (!f.uploadUuid.isEmpty())
        fields.append({"upload_uuid", f.uploadUuid});
    return fields;
}

void ProcoreClient::createFile(qint64 projectId, const NewFile &newFile, Callback<File> done)
{
    ApiRequest request = projectRequest("POST", QStringLiteral("/rest/v1.0/files"), projectId);
    request.multipart = fileMultipart("file", newFileFields(newFile));
    createFileChecked(projectId, std::move(request), newFile, std::move(done));
}

void ProcoreClient::createFileChecked(qint64 projectId, ApiRequest request, const NewFile &newFile,
                                      Callback<File> done)
{
    request.idempotent = false;
    const qint64 parentId = newFile.parentId;
    const QString name = newFile.name;
    createChecked<File>(
        request, JsonParse::file,
        [this, projectId, parentId, name](Callback<std::optional<File>> found) {
            findChild(projectId, parentId, name, &Folder::files, found);
        },
        done, 0, false);
}

void ProcoreClient::createFileWithData(qint64 projectId, const NewFile &newFile, QIODevice *data,
                                       Callback<File> done)
{
    // The caller keeps `data` alive until done: share it without ownership.
    createFileWithData(projectId, newFile, std::shared_ptr<QIODevice>(data, [](QIODevice *) {}),
                       std::move(done));
}

void ProcoreClient::createFileWithData(qint64 projectId, const NewFile &newFile,
                                       std::shared_ptr<QIODevice> data, Callback<File> done)
{
    ApiRequest request = projectRequest("POST", QStringLiteral("/rest/v1.0/files"), projectId);
    NewFile fields = newFile;
    fields.uploadUuid.clear();
    request.multipart = fileMultipart("file", newFileFields(fields), data, newFile.name);
    createFileChecked(projectId, std::move(request), newFile, std::move(done));
}

void ProcoreClient::updateFile(qint64 projectId, qint64 fileId, const FileChange &change, Callback<File> done)
{
    ApiRequest request =
        projectRequest("PATCH", QStringLiteral("/rest/v1.0/files/%1").arg(fileId), projectId);
    QList<QPair<QByteArray, QString>> fields;
    if (change.name)
        fields.append({"name", *change.name});
    if (change.parentId)
        fields.append({"parent_id", QString::number(*change.parentId)});
    if (!change.description.isEmpty())
        fields.append({"description", change.description});
    if (!change.uploadUuid.isEmpty())
        fields.append({"upload_uuid", change.uploadUuid});
    request.multipart = fileMultipart("file", fields);
    sendAndParse<File>(request, JsonParse::file, done);
}

void ProcoreClient::deleteFile(qint64 projectId, qint64 fileId, Callback<Done> done)
{
    deleteDocument(projectId, QStringLiteral("/rest/v1.0/files/%1").arg(fileId), std::move(done));
}

void ProcoreClient::createFileVersion(qint64 projectId, qint64 fileId, const QString &uploadUuid,
                                      const QString &notes, Callback<FileVersion> done)
{
    ApiRequest request = projectRequest("POST", QStringLiteral("/rest/v1.0/file_versions"), projectId);
    request.query.addQueryItem(QStringLiteral("file_id"), QString::number(fileId));
    QList<QPair<QByteArray, QString>> fields{{"upload_uuid", uploadUuid}};
    if (!notes.isEmpty())
        fields.append({"notes", notes});
    request.multipart = fileMultipart("file_version", fields);
    request.idempotent = false;
    sendAndParse<FileVersion>(request, JsonParse::fileVersion, done);
}

void ProcoreClient::fileVersion(qint64 projectId, qint64 versionId, Callback<FileVersion> done)
{
    ApiRequest request =
        projectRequest("GET", QStringLiteral("/rest/v1.0/file_versions/%1").arg(versionId), projectId);
    sendAndParse<FileVersion>(request, JsonParse::fileVersion, done);
}

void ProcoreClient::documents(qint64 projectId, const DocumentQuery &query,
                              Callback<QList<DocumentEntry>> done, PageCallback<DocumentEntry> onPage)
{
    ApiRequest request;
    request.path = QStringLiteral("/rest/v1.0/projects/%1/documents").arg(projectId);
    QUrlQuery &q = request.query;
    q.addQueryItem(QStringLiteral("per_page"), QString::number(m_pageSize));
    if (query.folderId)
        q.addQueryItem(QStringLiteral("filters[folder_id]"), QString::number(*query.folderId));
    if (query.type)
        q.addQueryItem(QStringLiteral("filters[document_type]"),
                       *query.type == DocumentEntry::Type::Folder ? QStringLiteral("folder")
                                                                  : QStringLiteral("file"));
    if (query.updatedFrom.isValid() || query.updatedTo.isValid()) {
        const QString from = query.updatedFrom.isValid() ? isoUtc(query.updatedFrom) : QString();
        const QString to = query.updatedTo.isValid() ? isoUtc(query.updatedTo) : QString();
        q.addQueryItem(QStringLiteral("filters[updated_at]"), from + QStringLiteral("...") + to);
    }
    if (query.inRecycleBin)
        q.addQueryItem(QStringLiteral("filters[is_in_recycle_bin]"),
                       *query.inRecycleBin ? QStringLiteral("true") : QStringLiteral("false"));
    if (!query.sort.isEmpty())
        q.addQueryItem(QStringLiteral("sort"), query.sort);
    if (query.extended)
        q.addQueryItem(QStringLiteral("view"), QStringLiteral("extended"));
    const QString endpoint = request.endpoint();
    fetchPages<DocumentEntry>(
        request, [endpoint](const ApiReply &r) { return JsonParse::documents(r.body, endpoint); }, done,
        onPage, std::make_shared<QList<DocumentEntry>>());
}

void ProcoreClient::createUpload(qint64 projectId, const QString &fileName, const QString &contentType,
                                 qint64 size, Callback<Upload> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(projectId);
    QJsonObject body{{QStringLiteral("response_filename"), fileName},
                     {QStringLiteral("response_content_type"),
                      contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType}};
    if (size >= 0)
        body.insert(QStringLiteral("size"), size);
    request.body = jsonBody(body);
    request.contentType = "application/json";
    // A second upload after an ambiguous failure is harmless (an unused one expires), so this
    // create may be retried like an idempotent call.
    request.idempotent = true;
    sendAndParse<Upload>(request, JsonParse::upload, done);
}

void ProcoreClient::createSegmentedUpload(qint64 projectId, const QList<SegmentSpec> &segments,
                                          Callback<Upload> done)
{
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/rest/v1.1/projects/%1/uploads").arg(projectId);
    QJsonArray list;
    for (const SegmentSpec &s : segments) {
        QJsonObject item{{QStringLiteral("size"), s.size},
                         {QStringLiteral("sha256"), QString::fromLatin1(s.sha256Hex)}};
        if (!s.md5Hex.isEmpty())
            item.insert(QStringLiteral("md5"), QString::fromLatin1(s.md5Hex));
        list.append(item);
    }
    request.body = jsonBody(QJsonObject{{QStringLiteral("segments"), list}});
    request.contentType = "application/json";
    request.idempotent = true; // see createUpload()
    sendAndParse<Upload>(request, JsonParse::upload, done);
}

void ProcoreClient::completeUpload(qint64 projectId, const Upload &upload, Callback<Upload> done)
{
    ApiRequest request;
    request.method = "PATCH";
    request.path = QStringLiteral("/rest/v1.1/projects/%1/uploads/%2").arg(projectId).arg(upload.uuid);
    QJsonArray list;
    for (const UploadSegment &s : upload.segments) {
        // The spec marks size and sha256 as required per item; the docs send the etag only.
        list.append(QJsonObject{{QStringLiteral("etag"), QString::fromLatin1(s.etag)},
                                {QStringLiteral("size"), s.size},
                                {QStringLiteral("sha256"), QString::fromLatin1(s.sha256Hex)}});
    }
    request.body = jsonBody(QJsonObject{{QStringLiteral("segments"), list}});
    request.contentType = "application/json";
    // Storage assembles the segments before it answers (S3's CompleteMultipartUpload may take
    // minutes; the sandbox copies and hashes the whole file): a 30 s timeout there made a 1 GiB
    // upload retry the call, which costs one API call more.
    request.minTimeout = std::chrono::minutes(10);
    sendAndParse<Upload>(request, JsonParse::upload, done);
}

void ProcoreClient::upload(qint64 projectId, const QString &uuid, Callback<Upload> done)
{
    ApiRequest request;
    request.path = QStringLiteral("/rest/v1.1/projects/%1/uploads/%2").arg(projectId).arg(uuid);
    sendAndParse<Upload>(request, JsonParse::upload, done);
}

} // namespace trestle
