#include "clitesthelpers.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

namespace testing {

CliHome::CliHome() : m_dir(std::make_unique<QTemporaryDir>())
{
    // Both this process and the child find the database under these (QStandardPaths reads the
    // environment on every call). The keychain is reached over D-Bus, unaffected.
    qputenv("XDG_DATA_HOME", QFile::encodeName(path(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(path(QStringLiteral("config"))));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(path(QStringLiteral("cache"))));
    QCoreApplication::setOrganizationName(QStringLiteral("Trestle"));
    QCoreApplication::setApplicationName(QStringLiteral("Trestle"));
}

CliHome::~CliHome() = default;

bool CliHome::isValid() const
{
    return m_dir->isValid();
}

QString CliHome::path(const QString &relative) const
{
    return m_dir->filePath(relative);
}

CliHome::Run CliHome::run(const QStringList &arguments, int timeoutMs)
{
    Run result;
    QProcess process;
    process.start(QStringLiteral(TRESTLE_BIN), arguments);
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "did not finish: " + process.readAllStandardError();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QMap<QString, QString> treeSha256(const QString &root)
{
    QMap<QString, QString> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (it.fileName().startsWith(QLatin1String(".trestle-")))
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&f);
        out.insert(QDir(root).relativeFilePath(file), QString::fromLatin1(hash.result().toHex()));
    }
    return out;
}

void writeTree(const QString &root, int count, quint32 seed, int maxBytes)
{
    QRandomGenerator random(seed);
    for (int i = 0; i < count; ++i) {
        const QString relative = QStringLiteral("p%1/q%2/file-%3.bin").arg(i % 7).arg(i % 3).arg(i);
        QByteArray bytes((int(random.bounded(quint32(maxBytes))) + 4) & ~3, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const QString file = QDir(root).filePath(relative);
        QDir().mkpath(QFileInfo(file).path());
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        f.close();
        // Whole seconds: Procore keeps no sub-second times.
        f.setFileTime(QDateTime::fromSecsSinceEpoch(1700000000 + i), QFileDevice::FileModificationTime);
    }
}

namespace {

void collectFiles(const QJsonObject &node, const QString &prefix, QMap<QString, QStringList> *out)
{
    for (const QJsonValue &value : node.value(QStringLiteral("files")).toArray()) {
        const QJsonObject file = value.toObject();
        if (file.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QJsonArray versions = file.value(QStringLiteral("versions")).toArray();
        const QString sha = versions.isEmpty()
            ? QString()
            : versions.last().toObject().value(QStringLiteral("sha256")).toString();
        (*out)[prefix + file.value(QStringLiteral("name")).toString()].append(sha);
    }
    for (const QJsonValue &value : node.value(QStringLiteral("folders")).toArray()) {
        const QJsonObject folder = value.toObject();
        if (folder.value(QStringLiteral("is_deleted")).toBool())
            continue;
        const QString name = prefix + folder.value(QStringLiteral("name")).toString();
        // A duplicated folder shows as two entries with the same path: count it like a file.
        (*out)[name + QLatin1Char('/')].append(QString());
        collectFiles(folder, name + QLatin1Char('/'), out);
    }
}

} // namespace

QMap<QString, QStringList> sandboxFiles(const QJsonObject &state, const QString &folderPath)
{
    QJsonObject node = state.value(QStringLiteral("root")).toObject();
    for (const QString &segment : folderPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        QJsonObject next;
        for (const QJsonValue &value : node.value(QStringLiteral("folders")).toArray()) {
            const QJsonObject folder = value.toObject();
            if (folder.value(QStringLiteral("name")).toString() == segment
                && !folder.value(QStringLiteral("is_deleted")).toBool())
                next = folder;
        }
        node = next;
    }
    QMap<QString, QStringList> out;
    collectFiles(node, QString(), &out);
    return out;
}

} // namespace testing
