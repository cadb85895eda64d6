// The flat documents index GET /rest/v1.0/projects/{pid}/documents: filters, sorting, views and
// pagination (procore-api.md §5, §8, §12), plus the counts of the large seed.
#include "docsfixture.h"

#include <QSet>
#include <QTest>

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

QSet<QString> namesOf(const QJsonArray &items)
{
    QSet<QString> names;
    for (const QJsonValue &v : items)
        names.insert(v.toObject().value(QStringLiteral("name")).toString());
    return names;
}
} // namespace

class TestSandboxIndex final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsAndFields();
    void documentTypeFilter();
    void folderSubtreeFilter();
    void recycleBinFilter();
    void updatedAtRange();
    void searchAndSort();
    void paginationEdges();
    void extendedView();
    void largeSeed();

private:
    DocsFixture::Reply index(const QList<QPair<QString, QString>> &params) const;
    qint64 folder(const QString &name, qint64 parent);
    qint64 file(const QString &name, qint64 parent);

    DocsFixture m_docs;
    qint64 m_top = 0;
    qint64 m_sub = 0;
    qint64 m_deep = 0;
};

DocsFixture::Reply TestSandboxIndex::index(const QList<QPair<QString, QString>> &params) const
{
    QUrlQuery query;
    for (const auto &p : params)
        query.addQueryItem(p.first, QString::fromLatin1(QUrl::toPercentEncoding(p.second)));
    return m_docs.api("GET", QStringLiteral("/rest/v1.0/projects/%1/documents").arg(m_docs.projectId), query);
}

qint64 TestSandboxIndex::folder(const QString &name, qint64 parent)
{
    return idOf(
        m_docs
            .json("POST", QStringLiteral("/rest/v1.0/folders"),
                  {{QStringLiteral("folder"),
                    QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("parent_id"), parent}}}})
            .object());
}

qint64 TestSandboxIndex::file(const QString &name, qint64 parent)
{
    return idOf(m_docs.createFileWithData(parent, name, name.toUtf8()).object());
}

void TestSandboxIndex::initTestCase()
{
    QVERIFY2(m_docs.start({QStringLiteral("--seed"), QStringLiteral("minimal")}), qPrintable(m_docs.error()));
    // Index Top/{a.pdf, Sub/{b.pdf, Deep/{c.pdf}}} next to the seeded tree.
    m_top = folder(s("Index Top"), m_docs.rootId());
    m_sub = folder(s("Sub"), m_top);
    m_deep = folder(s("Deep"), m_sub);
    QVERIFY(m_top && m_sub && m_deep);
    QVERIFY(file(s("a.pdf"), m_top));
    QVERIFY(file(s("b.pdf"), m_sub));
    QVERIFY(file(s("c.pdf"), m_deep));
}

void TestSandboxIndex::defaultsAndFields()
{
    const auto reply = index({});
    QCOMPARE(reply.status, 200);
    const QJsonArray items = reply.array();
    // minimal seed: 3 folders + 10 files; plus 3 folders + 3 files made here; never the root.
    QCOMPARE(items.size(), 19);
    QCOMPARE(reply.header("Total"), QByteArray("19"));
    QCOMPARE(reply.header("Per-Page"), QByteArray("100"));
    QVERIFY(reply.header("Link").isEmpty());
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        for (const char *key : {"id", "name", "parent_id", "name_with_path", "document_type", "updated_at",
                                "created_at", "created_by", "private_parent", "is_deleted"})
            QVERIFY2(item.contains(s(key)), key);
        const QString type = item.value(QStringLiteral("document_type")).toString();
        QVERIFY(type == QLatin1String("file") || type == QLatin1String("folder"));
        if (type == QLatin1String("file"))
            QVERIFY(
                !item.value(QStringLiteral("file")).toObject().contains(QStringLiteral("current_version")));
    }
}

void TestSandboxIndex::documentTypeFilter()
{
    const QJsonArray folders = index({{s("filters[document_type]"), s("folder")}}).array();
    QCOMPARE(folders.size(), 6);
    for (const QJsonValue &v : folders)
        QCOMPARE(v.toObject().value(QStringLiteral("document_type")).toString(), s("folder"));
    QCOMPARE(index({{s("filters[document_type]"), s("file")}}).array().size(), 13);
}

void TestSandboxIndex::folderSubtreeFilter()
{
    const QJsonArray items = index({{s("filters[folder_id]"), QString::number(m_top)}}).array();
    QCOMPARE(namesOf(items), (QSet<QString>{s("Sub"), s("Deep"), s("a.pdf"), s("b.pdf"), s("c.pdf")}));
    const QJsonArray sub =
        index({{s("filters[folder_id]"), QString::number(m_sub)}, {s("filters[document_type]"), s("file")}})
            .array();
    QCOMPARE(namesOf(sub), (QSet<QString>{s("b.pdf"), s("c.pdf")}));
    QCOMPARE(index({{s("filters[folder_id]"), s("9999999999999")}}).status, 404);
}

void TestSandboxIndex::recycleBinFilter()
{
    const qint64 doomed = file(s("doomed.pdf"), m_deep);
    QCOMPARE(
        m_docs.api("DELETE", QStringLiteral("/rest/v1.0/files/%1").arg(doomed), m_docs.projectQuery()).status,
        200);
    QVERIFY(!namesOf(index({}).array()).contains(s("doomed.pdf")));
    QVERIFY(
        !namesOf(index({{s("filters[is_in_recycle_bin]"), s("false")}}).array()).contains(s("doomed.pdf")));
    const QJsonArray bin = index({{s("filters[is_in_recycle_bin]"), s("true")}}).array();
    QCOMPARE(namesOf(bin), QSet<QString>{s("doomed.pdf")});
    QCOMPARE(bin.at(0).toObject().value(QStringLiteral("is_deleted")).toBool(), true);
}

void TestSandboxIndex::updatedAtRange()
{
    // Timestamps come from the server, so the local clock does not matter.
    const qint64 before = file(s("before.pdf"), m_top);
    const QString tBefore =
        m_docs.api("GET", QStringLiteral("/rest/v1.0/files/%1").arg(before), m_docs.projectQuery())
            .object()
            .value(QStringLiteral("updated_at"))
            .toString();
    QTest::qWait(5); // the next change gets a later millisecond
    const auto renamed =
        m_docs.api("PATCH", QStringLiteral("/rest/v1.0/files/%1").arg(before), m_docs.projectQuery(),
                   DocsFixture::multipart({{"file[name]", "changed.pdf", {}}}), DocsFixture::multipartType());
    QCOMPARE(renamed.status, 200);
    const QString tChanged = renamed.object().value(QStringLiteral("updated_at")).toString();
    QVERIFY(tChanged > tBefore);
    // Open end: everything changed since tChanged.
    QCOMPARE(namesOf(index({{s("filters[updated_at]"), tChanged + s("...")}}).array()),
             QSet<QString>{s("changed.pdf")});
    // Closed range around it.
    QCOMPARE(namesOf(index({{s("filters[updated_at]"), tChanged + s("...") + tChanged}}).array()),
             QSet<QString>{s("changed.pdf")});
    // Open start: up to just before the rename excludes it, includes the seeded files.
    const QSet<QString> old = namesOf(index({{s("filters[updated_at]"), s("...") + tBefore}}).array());
    QVERIFY(!old.contains(s("changed.pdf")));
    QVERIFY(old.contains(s("Project Directory.xlsx")));
    // created_at works the same way; a malformed range is a 400.
    QVERIFY(
        namesOf(index({{s("filters[created_at]"), tBefore + s("...")}}).array()).contains(s("changed.pdf")));
    QCOMPARE(index({{s("filters[updated_at]"), s("yesterday...today")}}).status, 400);
}

void TestSandboxIndex::searchAndSort()
{
    QCOMPARE(namesOf(index({{s("filters[search]"), s("FLOOR plan")}}).array()),
             QSet<QString>{s("A-101 Floor Plan.pdf")});
    const QJsonArray byName =
        index({{s("sort"), s("name")}, {s("filters[document_type]"), s("file")}}).array();
    const QJsonArray byNameDesc =
        index({{s("sort"), s("-name")}, {s("filters[document_type]"), s("file")}}).array();
    QCOMPARE(byName.size(), byNameDesc.size());
    for (int i = 1; i < byName.size(); ++i) {
        QVERIFY(byName.at(i - 1)
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .compare(byName.at(i).toObject().value(QStringLiteral("name")).toString(),
                             Qt::CaseInsensitive)
                <= 0);
    }
    QCOMPARE(byName.first().toObject().value(QStringLiteral("id")),
             byNameDesc.last().toObject().value(QStringLiteral("id")));
    const QJsonArray byUpdate = index({{s("sort"), s("-updated_at")}}).array();
    for (int i = 1; i < byUpdate.size(); ++i)
        QVERIFY(byUpdate.at(i - 1).toObject().value(QStringLiteral("updated_at")).toString()
                >= byUpdate.at(i).toObject().value(QStringLiteral("updated_at")).toString());
    const QJsonArray byType = index({{s("sort"), s("document_type")}}).array();
    QCOMPARE(byType.first().toObject().value(QStringLiteral("document_type")).toString(), s("folder"));
    QCOMPARE(byType.last().toObject().value(QStringLiteral("document_type")).toString(), s("file"));
    QCOMPARE(index({{s("sort"), s("colour")}}).status, 400);
}

void TestSandboxIndex::paginationEdges()
{
    const auto all = index({});
    const int total = all.header("Total").toInt();
    QVERIFY(total > 3);
    // per_page=1: page 1 has next and last only.
    const auto first = index({{s("per_page"), s("1")}, {s("page"), s("1")}});
    QCOMPARE(first.array().size(), 1);
    QCOMPARE(first.header("Per-Page"), QByteArray("1"));
    QVERIFY(first.header("Link").contains("rel=\"next\""));
    QVERIFY(first.header("Link").contains("rel=\"last\""));
    QVERIFY(!first.header("Link").contains("rel=\"prev\""));
    QVERIFY(!first.header("Link").contains("rel=\"first\""));
    // Walking every page yields every item once, in the default order.
    QList<qint64> walked;
    for (int page = 1; page <= total; ++page) {
        const auto r = index({{s("per_page"), s("1")}, {s("page"), QString::number(page)}});
        walked << idOf(r.array().at(0).toObject());
        if (page == total) {
            QVERIFY(!r.header("Link").contains("rel=\"next\""));
            QVERIFY(r.header("Link").contains("rel=\"prev\""));
        }
    }
    QList<qint64> expected;
    for (const QJsonValue &v : all.array())
        expected << idOf(v.toObject());
    QCOMPARE(walked, expected);
    // Beyond the end: empty page, headers still there.
    const auto beyond = index({{s("per_page"), s("1")}, {s("page"), QString::number(total + 5)}});
    QCOMPARE(beyond.status, 200);
    QCOMPARE(beyond.array().size(), 0);
    QCOMPARE(beyond.header("Total").toInt(), total);
    // per_page is capped at 10,000; nonsense is a 400.
    QCOMPARE(index({{s("per_page"), s("20000")}}).header("Per-Page"), QByteArray("10000"));
    QCOMPARE(index({{s("per_page"), s("0")}}).status, 400);
}

void TestSandboxIndex::extendedView()
{
    const QJsonArray items = index({{s("view"), s("extended")}, {s("filters[search]"), s("A-101")}}).array();
    QCOMPARE(items.size(), 1);
    const QJsonObject fileInfo = items.at(0).toObject().value(QStringLiteral("file")).toObject();
    QCOMPARE(fileInfo.value(QStringLiteral("file_type")).toString(), s("pdf"));
    const QJsonObject current = fileInfo.value(QStringLiteral("current_version")).toObject();
    QCOMPARE(current.value(QStringLiteral("number")).toInt(), 3);
    QVERIFY(current.value(QStringLiteral("size")).toInteger() > 0);
    QVERIFY(current.value(QStringLiteral("url")).toString().contains(s("/fas/api/v5/files/")));
}

void TestSandboxIndex::largeSeed()
{
    DocsFixture large;
    QVERIFY2(large.start({QStringLiteral("--seed"), QStringLiteral("large")}), qPrintable(large.error()));
    const QJsonObject counts =
        large.sandbox().state(large.projectId).value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("folders")).toInteger(), 520);
    QCOMPARE(counts.value(QStringLiteral("files")).toInteger(), 10020);
    QCOMPARE(counts.value(QStringLiteral("versions")).toInteger(), 10120);
    // The whole project in two calls at the 10,000 cap.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("10000"));
    const QString path = QStringLiteral("/rest/v1.0/projects/%1/documents").arg(large.projectId);
    const auto page1 = large.api("GET", path, query);
    QCOMPARE(page1.status, 200);
    QCOMPARE(page1.header("Total"), QByteArray("10540"));
    QCOMPARE(page1.array().size(), 10000);
    query.addQueryItem(QStringLiteral("page"), QStringLiteral("2"));
    const auto page2 = large.api("GET", path, query);
    QCOMPARE(page2.array().size(), 540);
    QVERIFY(!page2.header("Link").contains("rel=\"next\""));
}

QTEST_GUILESS_MAIN(TestSandboxIndex)
#include "tst_sandbox_index.moc"
