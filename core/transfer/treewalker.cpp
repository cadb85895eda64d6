#include "core/transfer/treewalker.h"

#include "core/common/privatefiles.h"
#include "core/store/store.h"

#include <QDataStream>
#include <QTimer>

namespace trestle {

TreeWalker::TreeWalker(Store *store, StorePath root, QObject *parent)
    : QObject(parent), m_store(store), m_root(std::move(root))
{ }

TreeWalker::~TreeWalker()
{
    m_finished = true;
    const QList<QObject *> running = m_running;
    for (QObject *job : running)
        static_cast<StoreJob *>(job)->kill();
}

void TreeWalker::start()
{
    m_queue.append({m_root, QString()});
    QTimer::singleShot(0, this, &TreeWalker::pump);
}

void TreeWalker::cancel()
{
    finish(Error(Error::Kind::Cancelled, tr("Cancelled.")));
}

namespace {

// Ends each record of a walk file: a record without it was cut by a kill.
constexpr quint32 kRecordEnd = 0x7A1C0DE5;

void writeEntry(QDataStream &out, const Entry &entry)
{
    out << entry.name << entry.path.toString() << qint32(entry.kind) << entry.size << entry.modified
        << entry.backendId << qint32(entry.versionCount) << entry.checksumAlgorithm << entry.checksum
        << entry.note;
}

bool readEntry(QDataStream &in, Entry *entry)
{
    QString path;
    qint32 kind = 0;
    qint32 versions = 0;
    in >> entry->name >> path >> kind >> entry->size >> entry->modified >> entry->backendId >> versions
        >> entry->checksumAlgorithm >> entry->checksum >> entry->note;
    Result<StorePath> parsed = StorePath::fromString(path);
    if (in.status() != QDataStream::Ok || !parsed.ok() || kind < 0 || kind > int(Entry::Kind::Other))
        return false;
    entry->path = parsed.takeValue();
    entry->kind = Entry::Kind(kind);
    entry->versionCount = versions;
    return true;
}

} // namespace

WalkMemo::WalkMemo() = default;

WalkMemo::~WalkMemo() = default;

std::shared_ptr<WalkMemo> WalkMemo::open(const QString &filePath)
{
    auto memo = std::make_shared<WalkMemo>();
    memo->m_lock = std::make_unique<QLockFile>(filePath + QStringLiteral(".lock"));
    if (!memo->m_lock->tryLock(0))
        return nullptr;
    memo->m_file = std::make_unique<QFile>(filePath);
    if (!memo->m_file->open(QIODevice::ReadWrite))
        return nullptr;
    // Folder and file names of the user's projects: owner-only, like the journal beside it.
    PrivateFiles::restrictToOwner(filePath);
    memo->readBack();
    return memo;
}

void WalkMemo::readBack()
{
    QDataStream in(m_file.get());
    in.setVersion(QDataStream::Qt_6_4);
    qint64 good = 0;
    while (!in.atEnd()) {
        QString folder;
        qint32 count = 0;
        in >> folder >> count;
        if (in.status() != QDataStream::Ok || count < 0)
            break;
        QList<Entry> entries;
        bool ok = true;
        for (qint32 i = 0; ok && i < count; ++i) {
            Entry entry;
            ok = readEntry(in, &entry);
            entries.append(std::move(entry));
        }
        quint32 end = 0;
        in >> end;
        if (!ok || in.status() != QDataStream::Ok || end != kRecordEnd)
            break;
        m_listings.insert(folder, std::move(entries));
        good = m_file->pos();
    }
    // Appends go after the last whole record.
    m_file->resize(good);
    m_file->seek(good);
}

void WalkMemo::discard()
{
    if (!m_file)
        return;
    m_file->remove();
    m_file.reset();
    m_lock.reset();
}

const QList<Entry> *WalkMemo::find(const StorePath &folder) const
{
    const auto it = m_listings.constFind(folder.toString());
    return it == m_listings.cend() ? nullptr : &it.value();
}

void WalkMemo::record(const StorePath &folder, const QList<Entry> &entries)
{
    m_listings.insert(folder.toString(), entries);
    if (!m_file)
        return;
    QDataStream out(m_file.get());
    out.setVersion(QDataStream::Qt_6_4);
    out << folder.toString() << qint32(entries.size());
    for (const Entry &entry : entries)
        writeEntry(out, entry);
    out << kRecordEnd;
    // To the system at once: a killed process loses nothing written; a machine that loses power
    // may lose the tail, which is then listed again.
    m_file->flush();
}

void TreeWalker::pump()
{
    if (m_finished)
        return;
    if (!m_store) {
        finish(Error(Error::Kind::Internal, tr("The store went away during a walk.")));
        return;
    }
    // Depth first from the back of the queue keeps the queue short on wide trees.
    while (!m_queue.isEmpty() && m_running.size() < m_maxParallel && !limitReached()) {
        const Pending next = m_queue.takeLast();
        if (m_memo) {
            if (const QList<Entry> *known = m_memo->find(next.path)) {
                ++m_memoHits;
                add(next, *known);
                continue;
            }
        }
        ListJob *job = m_store->list(next.path);
        ++m_listCalls;
        m_running.append(job);
        connect(job, &StoreJob::finished, this, [this, next](StoreJob *finishedJob) {
            m_running.removeOne(finishedJob);
            if (m_finished)
                return;
            if (finishedJob->error()) {
                if (next.relPath.isEmpty() && finishedJob->error().kind() == Error::Kind::NotFound) {
                    m_rootMissing = true;
                } else {
                    finish(finishedJob->error());
                    return;
                }
            } else {
                const QList<Entry> &entries = static_cast<ListJob *>(finishedJob)->entries();
                if (m_memo)
                    m_memo->record(next.path, entries);
                add(next, entries);
            }
            pump();
        });
        job->start();
    }
    if (m_running.isEmpty() && limitReached() && !m_queue.isEmpty())
        finish(Error(Error::Kind::Cancelled, tr("Cancelled.")));
    else if (m_queue.isEmpty() && m_running.isEmpty())
        finish({});
}

void TreeWalker::add(const Pending &folder, const QList<Entry> &entries)
{
    for (const Entry &entry : entries) {
        TreeNode node;
        node.relPath = folder.relPath.isEmpty() ? entry.name : folder.relPath + QLatin1Char('/') + entry.name;
        node.entry = entry;
        if (entry.isFolder() && (!m_descend || m_descend(node.relPath)))
            m_queue.append({entry.path, node.relPath});
        m_nodes.append(std::move(node));
    }
}

void TreeWalker::finish(const Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    const QList<QObject *> running = m_running;
    m_running.clear();
    for (QObject *job : running)
        static_cast<StoreJob *>(job)->kill();
    Q_EMIT finished(m_error);
}

} // namespace trestle
