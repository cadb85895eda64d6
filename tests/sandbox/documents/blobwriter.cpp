#include "documents/blobwriter.h"

#include "documents/documentsmodel.h"

namespace sandbox {

BlobWriter::BlobWriter(DocumentsModel &model) : m_model(model) { }

BlobWriter::~BlobWriter()
{
    if (!m_done && m_file.isOpen()) {
        m_file.close();
        m_file.remove();
    }
}

bool BlobWriter::start()
{
    m_file.setFileName(m_model.newTempPath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return open(QIODevice::WriteOnly);
}

qint64 BlobWriter::readData(char *, qint64)
{
    return -1;
}

qint64 BlobWriter::writeData(const char *data, qint64 size)
{
    if (m_failed)
        return -1;
    const qint64 written = m_file.write(data, size);
    if (written != size) {
        m_failed = true;
        return -1;
    }
    m_sha256.addData(QByteArrayView(data, size));
    m_md5.addData(QByteArrayView(data, size));
    m_size += size;
    return size;
}

bool BlobWriter::writeAllFrom(QIODevice *source)
{
    QByteArray buffer(1024 * 1024, Qt::Uninitialized);
    while (true) {
        const qint64 n = source->read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        if (write(buffer.constData(), n) != n)
            return false;
    }
}

bool BlobWriter::finish()
{
    if (m_failed || !m_file.isOpen())
        return false;
    m_file.close();
    close();
    m_shaHex = m_sha256.result().toHex();
    m_md5Hex = m_md5.result().toHex();
    return m_file.error() == QFileDevice::NoError;
}

StoredBlob BlobWriter::commit()
{
    if (!finish()) {
        m_file.remove();
        return {};
    }
    m_done = true;
    const StoredBlob blob = m_model.adoptBlob(m_file.fileName(), m_size, m_shaHex);
    if (blob.blobId.isEmpty())
        m_file.remove();
    return blob;
}

bool BlobWriter::commitTo(const QString &path)
{
    if (!finish()) {
        m_file.remove();
        return false;
    }
    m_done = true;
    QFile::remove(path);
    if (!m_file.rename(path)) {
        m_file.remove();
        return false;
    }
    return true;
}

QByteArray BlobWriter::sha256Hex() const
{
    return m_shaHex;
}

QByteArray BlobWriter::md5Hex() const
{
    return m_md5Hex;
}

} // namespace sandbox
