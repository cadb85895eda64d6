#pragma once

#include "core/store/entry.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QLockFile>

#include <memory>

namespace trestle {

// The listings a walk made, by folder (the store path's text): a walk given one takes the folders
// it holds from it instead of listing them again, and records each listing it makes. So a plan
// stopped mid-walk is walked again for the folders not yet listed only (issue 5: "a job killed
// while planning is planned again from scratch"). Used on one thread.
//
// In memory, or backed by a file (open()): what an earlier try recorded there is read back, and
// each listing is appended and flushed at once, so a process killed mid-walk leaves its listings
// to the next try. A record cut by the kill is dropped (its folder is listed again).
class WalkMemo final
{
    Q_DISABLE_COPY_MOVE(WalkMemo)

public:
    WalkMemo();
    ~WalkMemo();

    // Null when the file cannot be opened, or another planner holds it.
    static std::shared_ptr<WalkMemo> open(const QString &filePath);
    // Removes the file (the plan it served is complete); records go on in memory only.
    void discard();

    const QList<Entry> *find(const StorePath &folder) const;
    void record(const StorePath &folder, const QList<Entry> &entries);
    int folders() const { return int(m_listings.size()); }

private:
    void readBack();

    QHash<QString, QList<Entry>> m_listings;
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace trestle
