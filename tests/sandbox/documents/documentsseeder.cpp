#include "documents/documentsseeder.h"

#include "documents/documentnames.h"
#include "documents/documentsmodel.h"

#include <QFile>

namespace sandbox {

namespace {
const QDateTime &seedEpoch()
{
    static const QDateTime epoch(QDate(2026, 1, 5), QTime(8, 0), Qt::UTC);
    return epoch;
}

QByteArray magicFor(const QString &type)
{
    if (type == QLatin1String("pdf"))
        return QByteArrayLiteral("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    if (type == QLatin1String("jpg") || type == QLatin1String("jpeg"))
        return QByteArrayLiteral("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00");
    if (type == QLatin1String("xlsx") || type == QLatin1String("docx"))
        return QByteArrayLiteral("PK\x03\x04\x14\x00\x06\x00\x08\x00");
    if (type == QLatin1String("dwg"))
        return QByteArrayLiteral("AC1032\x00\x00\x00\x00\x00\x00");
    return {};
}

QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

DocumentsSeeder::DocumentsSeeder(DocumentsModel &model, qint64 projectId, int projectIndex)
    : m_model(model)
    , m_projectId(projectId)
    , m_projectIndex(projectIndex)
    , m_random(quint64(0x7E57'1E00) + quint64(projectIndex))
{
    m_author.id = Q_INT64_C(4294967296) + 999;
    m_author.login = s("seed@trestle.test");
    m_author.name = s("Sandbox Seed");
}

void DocumentsSeeder::seed(const QString &seedName, const QString &projectName)
{
    Q_UNUSED(projectName)
    m_root = m_model.rootFolderId(m_projectId);
    if (seedName == QLatin1String("empty"))
        return;
    if (seedName == QLatin1String("demo"))
        seedDemo();
    else if (seedName == QLatin1String("large"))
        seedLarge();
    else
        seedMinimal();
}

qint64 DocumentsSeeder::sized(qint64 low, qint64 high)
{
    return std::uniform_int_distribution<qint64>(low, high)(m_random);
}

QList<qint64> DocumentsSeeder::versions(qint64 low, qint64 high, int count)
{
    QList<qint64> sizes;
    for (int i = 0; i < count; ++i)
        sizes << sized(low, high);
    return sizes;
}

bool DocumentsSeeder::chance(int percent)
{
    return sized(0, 99) < percent;
}

QDateTime DocumentsSeeder::nextTime()
{
    m_clock += 300 + sized(0, 1800);
    return seedEpoch().addSecs(m_clock);
}

qint64 DocumentsSeeder::folder(qint64 parentId, const QString &name)
{
    DocNode n;
    n.id = m_model.nextId();
    n.projectId = m_projectId;
    n.parentId = parentId;
    n.isFolder = true;
    n.name = name;
    n.createdAt = n.updatedAt = nextTime();
    n.createdBy = m_author;
    m_model.m_nodes.insert(n.id, n);
    m_model.m_nodes[parentId].childIds << n.id;
    return n.id;
}

qint64 DocumentsSeeder::file(qint64 parentId, const QString &name, const QList<qint64> &sizes)
{
    DocNode n;
    n.id = m_model.nextId();
    n.projectId = m_projectId;
    n.parentId = parentId;
    n.isFolder = false;
    n.name = name;
    n.createdAt = nextTime();
    n.createdBy = m_author;
    int number = 0;
    for (qint64 size : sizes) {
        DocVersion v;
        v.id = m_model.nextId();
        v.fileId = n.id;
        v.number = ++number;
        v.size = size;
        v.blobId = QStringLiteral("seed-%1").arg(v.id);
        v.createdAt = number == 1 ? n.createdAt : nextTime();
        v.createdBy = m_author;
        v.notes = number == 1 ? QString() : QStringLiteral("Revision %1").arg(number - 1);
        writeBlob(v.blobId, name, number, size);
        m_model.m_versions.insert(v.id, v);
        n.versionIds << v.id;
        n.updatedAt = v.createdAt;
    }
    m_model.m_nodes.insert(n.id, n);
    m_model.m_nodes[parentId].childIds << n.id;
    return n.id;
}

void DocumentsSeeder::writeBlob(const QString &blobId, const QString &name, int versionNumber, qint64 size)
{
    QFile out(m_model.blobPath(blobId));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    // Header: magic bytes, a readable line and some pseudo-random bytes; then a hole; then a
    // trailer, so a truncated or shifted download never matches the sha256.
    QByteArray header = magicFor(fileTypeOf(name));
    header +=
        "Trestle sandbox seed: " + name.toUtf8() + " version " + QByteArray::number(versionNumber) + "\n";
    while (header.size() < 256)
        header += char(m_random() & 0xFF);
    header.truncate(int(qMin<qint64>(header.size(), size)));
    if (size <= header.size()) {
        out.write(header);
        return;
    }
    QByteArray trailer = "\n%%EOF " + QByteArray::number(versionNumber) + " " + blobId.toLatin1() + "\n";
    trailer = trailer.right(int(qMin<qint64>(trailer.size(), size - header.size())));
    const qint64 hole = size - header.size() - trailer.size();
    if (hole <= 64 * 1024) { // small (large seed): one write is cheaper than a sparse file
        out.write(header + QByteArray(int(hole), '\0') + trailer);
        return;
    }
    out.write(header);
    out.resize(size - trailer.size()); // sparse: the hole costs no disk
    out.seek(size - trailer.size());
    out.write(trailer);
}

// ---- minimal: 3 folders, 10 files, 12 versions

void DocumentsSeeder::seedMinimal()
{
    const qint64 drawings = folder(m_root, s("Drawings"));
    const qint64 specs = folder(m_root, s("Specifications"));
    const qint64 photos = folder(m_root, s("Photos"));
    file(drawings, s("A-101 Floor Plan.pdf"),
         {sized(40'000, 90'000), sized(40'000, 90'000), sized(40'000, 90'000)});
    file(drawings, s("A-102 Roof Plan.pdf"), {sized(30'000, 80'000)});
    file(drawings, s("S-101 Foundation Plan.pdf"), {sized(30'000, 80'000)});
    file(specs, s("033000 Cast-in-Place Concrete.pdf"), {sized(20'000, 60'000)});
    file(specs, s("092900 Gypsum Board.pdf"), {sized(20'000, 60'000)});
    for (int i = 1; i <= 3; ++i)
        file(photos, QStringLiteral("IMG_%1.jpg").arg(4500 + i), {sized(100'000, 300'000)});
    file(m_root, s("Project Directory.xlsx"), {sized(8'000, 20'000)});
    file(m_root, s("Site Logistics Plan.pdf"), {sized(50'000, 120'000)});
}

// ---- large: 520 folders, 10,020 files, 10,120 versions (sizes 1–20 KB)

void DocumentsSeeder::seedLarge()
{
    int fileNumber = 0;
    for (int area = 1; area <= 20; ++area) {
        const qint64 areaFolder =
            folder(m_root, QStringLiteral("Area %1").arg(area, 2, 10, QLatin1Char('0')));
        file(areaFolder, QStringLiteral("Area %1 Index.xlsx").arg(area, 2, 10, QLatin1Char('0')),
             {sized(1'024, 20'480)});
        for (int level = 1; level <= 25; ++level) {
            const qint64 levelFolder =
                folder(areaFolder, QStringLiteral("Level %1").arg(level, 2, 10, QLatin1Char('0')));
            for (int i = 1; i <= 20; ++i) {
                ++fileNumber;
                const int versionCount = fileNumber % 100 == 0 ? 2 : 1;
                file(
                    levelFolder,
                    QStringLiteral("Sheet %1-%2-%3.pdf").arg(area).arg(level).arg(i, 2, 10, QLatin1Char('0')),
                    versions(1'024, 20'480, versionCount));
            }
        }
    }
}

} // namespace sandbox
