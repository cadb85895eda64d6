#include "changingsourcestore.h"

#include <QFile>

using namespace trestle;

namespace testing {

namespace {

// A file that rewrites itself on disk once its reader has taken half of it.
class RewritingFile final : public QFile
{
public:
    RewritingFile(const QString &path, std::shared_ptr<SourceRewrites> rewrites)
        : QFile(path), m_rewrites(std::move(rewrites))
    { }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (!m_armed && !m_spent) {
            m_spent = true;
            m_armed = m_rewrites->left.fetchAndAddOrdered(-1) > 0;
        }
        // The first half as it was; the rewrite happens before the rest is read.
        const qint64 half = size() / 2;
        if (m_armed && pos() < half)
            maxSize = qMin(maxSize, half - pos());
        else if (m_armed) {
            m_armed = false;
            const int n = m_rewrites->done.fetchAndAddOrdered(1) + 1;
            QFile writer(fileName());
            if (writer.open(QIODevice::ReadWrite)) { // in place: same inode, no truncation first
                const QByteArray bytes = m_rewrites->content(n);
                writer.write(bytes);
                writer.resize(bytes.size());
                writer.close();
            }
        }
        return QFile::readData(data, maxSize);
    }

private:
    std::shared_ptr<SourceRewrites> m_rewrites;
    bool m_spent = false;
    bool m_armed = false;
};

} // namespace

ChangingSourceStore::ChangingSourceStore(const QString &root, std::shared_ptr<SourceRewrites> rewrites)
    : m_inner(root), m_rewrites(std::move(rewrites))
{ }

ChangingSourceStore::~ChangingSourceStore() = default;

StoreFactory ChangingSourceStore::factory(const QString &root, std::shared_ptr<SourceRewrites> rewrites)
{
    return [root, rewrites]() -> std::unique_ptr<Store> {
        return std::make_unique<ChangingSourceStore>(root, rewrites);
    };
}

QString ChangingSourceStore::displayName() const
{
    return m_inner.displayName();
}

StoreLimits ChangingSourceStore::limits() const
{
    return m_inner.limits();
}

Store::Capabilities ChangingSourceStore::capabilities() const
{
    return m_inner.capabilities();
}

ListJob *ChangingSourceStore::list(const StorePath &folder)
{
    return m_inner.list(folder);
}

StatJob *ChangingSourceStore::stat(const StorePath &path)
{
    return m_inner.stat(path);
}

StoreJob *ChangingSourceStore::makeFolder(const StorePath &path)
{
    return m_inner.makeFolder(path);
}

StoreJob *ChangingSourceStore::move(const StorePath &from, const StorePath &to)
{
    return m_inner.move(from, to);
}

StoreJob *ChangingSourceStore::remove(const StorePath &path, RemoveMode mode)
{
    return m_inner.remove(path, mode);
}

StoreJob *ChangingSourceStore::readInto(const StorePath &path, QIODevice *sink)
{
    return m_inner.readInto(path, sink);
}

StoreJob *ChangingSourceStore::writeFrom(const StorePath &path, QIODevice *source, qint64 size,
                                         const QDateTime &mtime, WriteMode mode)
{
    return m_inner.writeFrom(path, source, size, mtime, mode);
}

Result<std::unique_ptr<QIODevice>> ChangingSourceStore::openReadDevice(const StorePath &path)
{
    auto file =
        std::make_unique<RewritingFile>(m_inner.rootPath() + QLatin1Char('/') + path.toString(), m_rewrites);
    if (!file->open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return Error(Error::Kind::LocalIo, QStringLiteral("cannot open %1").arg(path.toString()),
                     file->errorString());
    return std::unique_ptr<QIODevice>(std::move(file));
}

} // namespace testing
