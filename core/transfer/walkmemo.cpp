#include "core/transfer/walkmemo.h"

#include "core/common/privatefiles.h"

#include <QDataStream>

namespace trestle {

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

} // namespace trestle
