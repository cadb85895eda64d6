#pragma once

#include <QFileDevice>
#include <QIODevice>

namespace trestle {

// What identifies one state of a file's content without reading it: size, modification and
// change times (nanoseconds where the system gives them) and, where available, device + inode.
// A rewrite in place changes the times; a save through a temporary file and a rename changes the
// inode.
struct FileStamp final
{
    bool valid = false;
    qint64 size = -1;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    quint64 device = 0;
    quint64 inode = 0;

    // Of the file at `path` (a symlink's target).
    static FileStamp ofPath(const QString &path);
    // Of the file open on `file` (fstat of its descriptor where there is one).
    static FileStamp ofOpenFile(QFileDevice *file);
    bool operator==(const FileStamp &other) const;
    bool operator!=(const FileStamp &other) const { return !(*this == other); }
};

// A read-only pass-through over a local source file that notices when the file changes while it is
// copied (issue 9: "never a mixed copy"). The file's stamp is taken when the guard is made, right
// after the file was opened; when a read delivers the file's last bytes (or the file ends early),
// the stamp of the open file and of its path are taken again. If either differs, that read fails
// (-1, so the store writing from it fails and commits nothing) and changed() is emitted, queued, so
// the owner can also stop the write before it commits: a store that has read every byte may be
// about to make them the destination's current version.
//
// Random access like the file (seeks pass through, so a retried upload part reads again).
class SourceGuard final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceGuard)

public:
    // `file` must be open for reading, outlive the guard and stay open.
    explicit SourceGuard(QFileDevice *file, QObject *parent = nullptr);
    ~SourceGuard() override;

    // True once a change was seen (and stays so).
    bool changed() const { return m_changed; }
    // The file's stamp when the guard was made.
    const FileStamp &stampAtOpen() const { return m_atOpen; }

    bool isSequential() const override { return false; }
    qint64 size() const override;
    bool seek(qint64 pos) override;
    bool atEnd() const override;
    qint64 bytesAvailable() const override;

Q_SIGNALS:
    // Emitted once, queued (the read that saw it has returned by then).
    void sourceChanged();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    // Compares the stamps now with the one at open; marks the change.
    bool stillSame();

    QFileDevice *m_file;
    FileStamp m_atOpen;
    qint64 m_end; // the size at open: the read that reaches it is the last one
    bool m_changed = false;
};

} // namespace trestle
