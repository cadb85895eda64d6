#pragma once

#include "documents/documenttypes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QIODevice>

namespace sandbox {

class DocumentsModel;

// A write-only device that streams content into a temporary file in the blob store while it
// computes size, sha256 (and md5 for S3 ETags), so no content is ever held in memory or read
// twice. commit() moves the file into the store; destroying an uncommitted writer removes it.
class BlobWriter final : public QIODevice
{
    Q_DISABLE_COPY_MOVE(BlobWriter)

public:
    explicit BlobWriter(DocumentsModel &model);
    ~BlobWriter() override;

    bool start(); // opens the temporary file; false when it cannot be created
    // Reads `source` to its end into the blob (used for bodies spooled to disk).
    bool writeAllFrom(QIODevice *source);
    // Finishes the blob and adds it to the store; an empty blobId on failure.
    StoredBlob commit();
    // Finishes the file and moves it to `path` instead of the blob store (upload segments).
    bool commitTo(const QString &path);

    qint64 written() const { return m_size; }
    QByteArray sha256Hex() const; // valid after commit
    QByteArray md5Hex() const;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    bool finish();

    DocumentsModel &m_model;
    QFile m_file;
    QCryptographicHash m_sha256{QCryptographicHash::Sha256};
    QCryptographicHash m_md5{QCryptographicHash::Md5};
    QByteArray m_shaHex;
    QByteArray m_md5Hex;
    qint64 m_size = 0;
    bool m_failed = false;
    bool m_done = false;
};

} // namespace sandbox
