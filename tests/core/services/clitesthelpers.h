#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace testing {

// The real `trestle` binary (TRESTLE_BIN) run as the user would, with its data and settings in a
// private XDG_DATA_HOME / XDG_CONFIG_HOME. The test process points its own QStandardPaths at the
// same folders (setUp()), so what it saves with ProfileRepository/Database() is what the binary
// reads; the keychain is the session's (installer/headless.sh).
class CliHome final
{
    Q_DISABLE_COPY_MOVE(CliHome)

public:
    CliHome();
    ~CliHome();

    bool isValid() const;
    QString path(const QString &relative) const;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs `trestle <arguments>` to its end (at most timeoutMs).
    static Run run(const QStringList &arguments, int timeoutMs = 120000);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

// relative path → sha256 hex of every file under `root` (hidden ".trestle-*" temporaries apart).
QMap<QString, QString> treeSha256(const QString &root);
// Writes `count` files of pseudo-random content (seeded) under `root` in a few nested folders.
void writeTree(const QString &root, int count, quint32 seed, int maxBytes);

// The non-deleted files of a /_sandbox/state tree under `folderPath` ("Upload"): relative path →
// list of latest-version sha256 (more than one entry = a duplicate).
QMap<QString, QStringList> sandboxFiles(const QJsonObject &state, const QString &folderPath);

} // namespace testing
