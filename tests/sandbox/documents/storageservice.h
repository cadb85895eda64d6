#pragma once

#include "documents/documenttypes.h"
#include "http/httpmessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace sandbox {

class DocumentsModel;

// The storage host (a second port, like S3 next to api.procore.com): takes form uploads (§6 A),
// segment PUTs (§6 B) and serves signed, expiring download URLs (§7, §12). It never looks at an
// Authorization header: the signatures in the URLs and form fields are the only credentials.
//
//   POST /s3/pro-core                          form upload (fields + "file" part) → 204
//   PUT  /s3/uploads/{uuid}/{n}?expires&sig    one segment → 200 + ETag
//   GET  /s3/blobs/{blob}?expires&sig&filename download (Range supported) → 200/206
class StorageService final
{
    Q_DISABLE_COPY_MOVE(StorageService)

public:
    StorageService(DocumentsModel &model, const QString &dataDir);
    ~StorageService();

    void setStorageBase(const QUrl &base); // known after the storage port is bound
    QUrl storageBase() const;

    HttpResponse handle(const HttpRequest &request);

    // A signed download URL for a blob, valid for `sandboxSeconds` (scaled by --time-scale).
    QUrl signedDownloadUrl(const QString &blobId, const QString &fileName,
                           qint64 sandboxSeconds = 15 * 60) const;
    // §6 A: the url and fields the client posts verbatim.
    QUrl formUploadUrl() const;
    QJsonObject formUploadFields(const DocUpload &upload) const;
    // §6 B: where segment n is PUT (expires with the upload).
    QUrl segmentUrl(const DocUpload &upload, int index) const;
    // HMAC-SHA256 of `message` with this sandbox's storage key (hex).
    QByteArray sign(const QByteArray &message) const;

private:
    HttpResponse handleFormUpload(const HttpRequest &request);
    HttpResponse handleSegmentPut(const HttpRequest &request, const QString &uuid, int index);
    HttpResponse handleDownload(const HttpRequest &request, const QString &blobId);
    bool validSignature(const QByteArray &message, const HttpRequest &request, HttpResponse *error) const;

    DocumentsModel &m_model;
    QString m_dataDir;
    QUrl m_base;
    QByteArray m_key;
};

} // namespace sandbox
