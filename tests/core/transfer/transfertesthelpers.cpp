#include "transfertesthelpers.h"

#include "core/transfer/jobplanner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

using namespace trestle;

namespace testing {

void putFolder(const QString &root, const QString &rel)
{
    QVERIFY(QDir(root).mkpath(rel));
}

void putFile(const QString &root, const QString &rel, const QByteArray &content, const QDateTime &mtime)
{
    const QString path = root + QLatin1Char('/') + rel;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), qint64(content.size()));
    QVERIFY(file.flush()); // else close() writes the bytes and moves the time again
    if (mtime.isValid())
        QVERIFY(file.setFileTime(mtime, QFileDevice::FileModificationTime));
}

QMap<QString, QString> treeManifest(const QString &root)
{
    QMap<QString, QString> manifest;
    const QDir base(root);
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = base.relativeFilePath(path);
        if (it.fileInfo().isDir()) {
            manifest.insert(rel, QStringLiteral("<dir>"));
            continue;
        }
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        manifest.insert(rel, QString::fromLatin1(hash.result().toHex()));
    }
    return manifest;
}

Error planJob(const JobSpec &spec, Store *source, Store *destination, PlanSummary *summary, Journal *journal,
              qint64 jobId, AnalyzeReport *report)
{
    JobPlanner planner(spec, source, destination);
    if (journal)
        planner.setJournal(journal, jobId);
    QSignalSpy done(&planner, &JobPlanner::finished);
    planner.start();
    if (!done.wait(60000))
        return Error(Error::Kind::Timeout, QStringLiteral("planning did not finish"));
    if (summary)
        *summary = planner.summary();
    if (report)
        *report = planner.analyzeReport();
    return planner.error();
}

QDateTime fixedTime(int offsetSeconds)
{
    return QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(offsetSeconds);
}

} // namespace testing
