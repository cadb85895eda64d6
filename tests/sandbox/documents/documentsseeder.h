#pragma once

#include "documents/documenttypes.h"

#include <QString>
#include <QStringList>

#include <random>

namespace sandbox {

class DocumentsModel;

// Fills one project's Documents with generated content for --seed (see README "Seeds").
// Deterministic: the same seed and project index always give the same tree, sizes and bytes.
// Blob contents start with the real magic bytes of their type (%PDF-1.7, JPEG FFD8FF, PK, AC1032)
// and are sparse files (header + hole + trailer), so a demo seed costs little disk and time.
class DocumentsSeeder final
{
    Q_DISABLE_COPY_MOVE(DocumentsSeeder)

public:
    DocumentsSeeder(DocumentsModel &model, qint64 projectId, int projectIndex);

    void seed(const QString &seedName, const QString &projectName);

private:
    void seedMinimal();
    void seedDemo();
    void seedLarge();

    qint64 folder(qint64 parentId, const QString &name);
    // One file with one version per entry of `sizes` (oldest first).
    qint64 file(qint64 parentId, const QString &name, const QList<qint64> &sizes);
    qint64 sized(qint64 low, qint64 high); // uniform in [low, high]
    QList<qint64> versions(qint64 low, qint64 high, int count);
    bool chance(int percent);
    QDateTime nextTime();
    void writeBlob(const QString &blobId, const QString &name, int versionNumber, qint64 size);

    void demoDrawings(qint64 drawings);
    void demoSpecifications(qint64 specs);

    DocumentsModel &m_model;
    qint64 m_projectId = 0;
    int m_projectIndex = 0;
    qint64 m_root = 0;
    std::mt19937_64 m_random;
    qint64 m_clock = 0; // seconds after the seed epoch of the next item
    Actor m_author;
};

} // namespace sandbox
