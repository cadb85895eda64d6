// Folders, files, versions, name rules, checkout conflicts, permissions, persistence and the demo
// seed of trestle-sandbox, over real HTTP against the real binary (procore-api.md §5, §12).
#include "docsfixture.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject byName(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &v : items) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

QStringList namesOf(const QJsonArray &items)
{
    QStringList names;
    for (const QJsonValue &v : items)
        names << v.toObject().value(QStringLiteral("name")).toString();
    return names;
}

qint64 idOf(const QJsonObject &o)
{
    return o.value(QStringLiteral("id")).toInteger();
}

QString firstError(const DocsFixture::Reply &reply, const QString &field)
{
    return reply.object().value(QStringLiteral("errors")).toObject().value(field).toArray().at(0).toString();
}
} // namespace

class TestSandboxDocuments final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listRootWithFlags();
    void folderLifecycle();
    void fileLifecycleWithData();
    void newVersionViaFileVersions();
    void unicodeNames();
    void nameRules_data();
    void nameRules();
    void pathLengthLimit();
    void duplicateNames();
    void unknownParentAndIds();
    void relaxedNames();
    void checkedOutFileConflicts();
    void permissions();
    void persistenceAcrossRestart();
    void demoSeed();

private:
    qint64 makeFolder(const QString &name, qint64 parentId = 0);

    DocsFixture m_docs;
};

void TestSandboxDocuments::initTestCase()
{
    QVERIFY2(m_docs.start({QStringLiteral("--seed"), QStringLiteral("minimal")}), qPrintable(m_docs.error()));
}

qint64 TestSandboxDocuments::makeFolder(const QString &name, qint64 parentId)
{
    QJsonObject folder{{QStringLiteral("name"), name}};
    if (parentId)
        folder.insert(QStringLiteral("parent_id"), parentId);
    const auto reply =
        m_docs.json("POST", QStringLiteral("/rest/v1.0/folders"), {{QStringLiteral("folder"), folder}});
    if (reply.status != 201)
        qWarning() << "create folder" << name << reply.status << reply.body;
    return reply.status == 201 ? idOf(reply.object()) : 0;
}

void TestSandboxDocuments::listRootWithFlags()
{
    const auto reply = m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), m_docs.projectQuery());
    QCOMPARE(reply.status, 200);
    const QJsonObject root = reply.object();
    QVERIFY(root.value(QStringLiteral("parent_id")).isNull());
    QVERIFY(idOf(root) > (Q_INT64_C(1) << 32));
    QCOMPARE(root.value(QStringLiteral("is_recycle_bin")).toBool(), false);
    QCOMPARE(root.value(QStringLiteral("has_children_folders")).toBool(), true);
    const QJsonArray folders = root.value(QStringLiteral("folders")).toArray();
    const QJsonArray files = root.value(QStringLiteral("files")).toArray();
    QVERIFY(namesOf(folders).contains(s("Drawings")));
    QVERIFY(namesOf(folders).contains(s("Specifications")));
    QVERIFY(namesOf(files).contains(s("Project Directory.xlsx")));
    // Grandchildren are not listed.
    const QJsonObject drawings = byName(folders, s("Drawings"));
    QCOMPARE(drawings.value(QStringLiteral("folders")).toArray().size(), 0);
    QCOMPARE(drawings.value(QStringLiteral("files")).toArray().size(), 0);
    QCOMPARE(drawings.value(QStringLiteral("has_children_files")).toBool(), true);
    QCOMPARE(drawings.value(QStringLiteral("name_with_path")).toString(), s("Drawings"));
    // Every field §5 lists for folders and files.
    for (const char *key :
         {"id", "name", "parent_id", "private", "updated_at", "is_tracked", "tracked_folder",
          "name_with_path", "folders", "files", "read_only", "is_deleted", "is_recycle_bin", "has_children",
          "has_children_files", "has_children_folders", "custom_fields"})
        QVERIFY2(drawings.contains(s(key)), key);
    const QJsonObject xlsx = byName(files, s("Project Directory.xlsx"));
    for (const char *key :
         {"id", "name", "parent_id", "size", "description", "updated_at", "created_at", "checked_out_until",
          "checked_out_by", "name_with_path", "private", "is_tracked", "tracked_folder", "file_type",
          "file_versions", "legacy_id", "is_deleted", "custom_fields"})
        QVERIFY2(xlsx.contains(s(key)), key);
    QCOMPARE(xlsx.value(QStringLiteral("file_type")).toString(), s("xlsx"));
    QVERIFY(QDateTime::fromString(xlsx.value(QStringLiteral("updated_at")).toString(), Qt::ISODateWithMs)
                .isValid());
    QVERIFY(xlsx.value(QStringLiteral("updated_at")).toString().endsWith(QLatin1String("Z")));

    QUrlQuery query = m_docs.projectQuery();
    query.addQueryItem(QStringLiteral("exclude_folders"), QStringLiteral("true"));
    auto filtered = m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), query).object();
    QCOMPARE(filtered.value(QStringLiteral("folders")).toArray().size(), 0);
    QCOMPARE(filtered.value(QStringLiteral("files")).toArray().size(), files.size());
    query = m_docs.projectQuery();
    query.addQueryItem(QStringLiteral("exclude_files"), QStringLiteral("true"));
    filtered = m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), query).object();
    QCOMPARE(filtered.value(QStringLiteral("files")).toArray().size(), 0);
    QCOMPARE(filtered.value(QStringLiteral("folders")).toArray().size(), folders.size());

    // A-101 has three versions; the latest-only flag shows one, newest first otherwise.
    const QString drawingsPath = QStringLiteral("/rest/v1.0/folders/%1").arg(idOf(drawings));
    const QJsonObject all = m_docs.api("GET", drawingsPath, m_docs.projectQuery()).object();
    const QJsonObject a101 = byName(all.value(QStringLiteral("files")).toArray(), s("A-101 Floor Plan.pdf"));
    const QJsonArray versions = a101.value(QStringLiteral("file_versions")).toArray();
    QCOMPARE(versions.size(), 3);
    QCOMPARE(versions.at(0).toObject().value(QStringLiteral("number")).toInt(), 3);
    QCOMPARE(a101.value(QStringLiteral("size")).toInteger(),
             versions.at(0).toObject().value(QStringLiteral("size")).toInteger());
    query = m_docs.projectQuery();
    query.addQueryItem(QStringLiteral("show_latest_file_version_only"), QStringLiteral("true"));
    const QJsonObject latest = m_docs.api("GET", drawingsPath, query).object();
    const QJsonArray latestVersions =
        byName(latest.value(QStringLiteral("files")).toArray(), s("A-101 Floor Plan.pdf"))
            .value(QStringLiteral("file_versions"))
            .toArray();
    QCOMPARE(latestVersions.size(), 1);
    QCOMPARE(latestVersions.at(0).toObject().value(QStringLiteral("number")).toInt(), 3);
}

void TestSandboxDocuments::folderLifecycle()
{
    const qint64 a = makeFolder(s("Lifecycle A"));
    const qint64 b = makeFolder(s("Lifecycle B"));
    QVERIFY(a && b);
    const qint64 child = makeFolder(s("Child"), a);
    QVERIFY(child);
    auto shown = m_docs.api("GET", QStringLiteral("/rest/v1.0/folders/%1").arg(child), m_docs.projectQuery());
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.object().value(QStringLiteral("name_with_path")).toString(), s("Lifecycle A/Child"));
    QCOMPARE(shown.object().value(QStringLiteral("parent_id")).toInteger(), a);
    const QString before = shown.object().value(QStringLiteral("updated_at")).toString();

    // Rename and move in one PATCH.
    QTest::qWait(5); // distinct milliseconds for updated_at
    const auto patched = m_docs.json(
        "PATCH", QStringLiteral("/rest/v1.0/folders/%1").arg(child),
        {{QStringLiteral("folder"),
          QJsonObject{{QStringLiteral("name"), s("Moved Child")}, {QStringLiteral("parent_id"), b}}}});
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object().value(QStringLiteral("name_with_path")).toString(),
             s("Lifecycle B/Moved Child"));
    QVERIFY(patched.object().value(QStringLiteral("updated_at")).toString() > before);
    const auto aNow =
        m_docs.api("GET", QStringLiteral("/rest/v1.0/folders/%1").arg(a), m_docs.projectQuery()).object();
    QCOMPARE(aNow.value(QStringLiteral("folders")).toArray().size(), 0);

    // A folder can't move into its own subtree.
    const auto cycle =
        m_docs.json("PATCH", QStringLiteral("/rest/v1.0/folders/%1").arg(b),
                    {{QStringLiteral("folder"), QJsonObject{{QStringLiteral("parent_id"), child}}}});
    QCOMPARE(cycle.status, 422);

    // Delete → recycle bin: gone from listings, still in state with is_deleted.
    const auto deleted =
        m_docs.api("DELETE", QStringLiteral("/rest/v1.0/folders/%1").arg(b), m_docs.projectQuery());
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.object().value(QStringLiteral("is_deleted")).toBool(), true);
    const auto root = m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), m_docs.projectQuery()).object();
    QVERIFY(!namesOf(root.value(QStringLiteral("folders")).toArray()).contains(s("Lifecycle B")));
    const QJsonObject state = m_docs.sandbox().state(m_docs.projectId);
    const QJsonObject stateB =
        byName(state.value(QStringLiteral("root")).toObject().value(QStringLiteral("folders")).toArray(),
               s("Lifecycle B"));
    QCOMPARE(stateB.value(QStringLiteral("is_deleted")).toBool(), true);
    QCOMPARE(byName(stateB.value(QStringLiteral("folders")).toArray(), s("Moved Child"))
                 .value(QStringLiteral("is_deleted"))
                 .toBool(),
             true);
    // One folder's subtree, deleted items included; not a folder of another project.
    const QJsonObject subtree = m_docs.sandbox().state(m_docs.projectId, b);
    QCOMPARE(subtree.value(QStringLiteral("root")).toObject().value(QStringLiteral("name")).toString(),
             s("Lifecycle B"));
    QCOMPARE(
        namesOf(subtree.value(QStringLiteral("root")).toObject().value(QStringLiteral("folders")).toArray()),
        QStringList{s("Moved Child")});
    QVERIFY(m_docs.sandbox().state(m_docs.projectId + 1000000, b).isEmpty());
    QVERIFY(m_docs.sandbox().state(m_docs.projectId, 987654321).isEmpty());
    // The name is free again.
    QVERIFY(makeFolder(s("Lifecycle B")));
}

void TestSandboxDocuments::fileLifecycleWithData()
{
    const qint64 folder = makeFolder(s("Data Files"));
    const QByteArray content = "%PDF-1.7\nhello from file[data]\n";
    const auto created = m_docs.createFileWithData(folder, s("Hello.pdf"), content);
    QCOMPARE(created.status, 201);
    const QJsonObject file = created.object();
    QCOMPARE(file.value(QStringLiteral("name")).toString(), s("Hello.pdf"));
    QCOMPARE(file.value(QStringLiteral("size")).toInteger(), content.size());
    QCOMPARE(file.value(QStringLiteral("name_with_path")).toString(), s("Data Files/Hello.pdf"));
    const QJsonArray versions = file.value(QStringLiteral("file_versions")).toArray();
    QCOMPARE(versions.size(), 1);
    const QJsonObject v1 = versions.at(0).toObject();
    QCOMPARE(v1.value(QStringLiteral("number")).toInt(), 1);
    QVERIFY(v1.value(QStringLiteral("url")).toString().startsWith(m_docs.sandbox().baseUrl().toString()));
    QCOMPARE(v1.value(QStringLiteral("prostore_file")).toObject().value(QStringLiteral("url")).toString(),
             v1.value(QStringLiteral("url")).toString());
    QCOMPARE(m_docs.download(v1.value(QStringLiteral("url")).toString()).body, content);

    const qint64 id = idOf(file);
    const QString path = QStringLiteral("/rest/v1.0/files/%1").arg(id);
    QCOMPARE(m_docs.api("GET", path, m_docs.projectQuery()).object().value(QStringLiteral("name")).toString(),
             s("Hello.pdf"));

    // Rename + move (multipart, no content → no new version).
    const qint64 other = makeFolder(s("Data Files 2"));
    auto patched = m_docs.api("PATCH", path, m_docs.projectQuery(),
                              DocsFixture::multipart({{"file[name]", "Renamed.pdf", {}},
                                                      {"file[parent_id]", QByteArray::number(other), {}}}),
                              DocsFixture::multipartType());
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.object().value(QStringLiteral("name_with_path")).toString(),
             s("Data Files 2/Renamed.pdf"));
    QCOMPARE(patched.object().value(QStringLiteral("file_versions")).toArray().size(), 1);

    // PATCH with file[data] → version 2.
    const QByteArray content2 = "%PDF-1.7\nversion two\n";
    patched = m_docs.api("PATCH", path, m_docs.projectQuery(),
                         DocsFixture::multipart({{"file[data]", content2, "Renamed.pdf"}}),
                         DocsFixture::multipartType());
    QCOMPARE(patched.status, 200);
    const QJsonArray after = patched.object().value(QStringLiteral("file_versions")).toArray();
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.at(0).toObject().value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(patched.object().value(QStringLiteral("size")).toInteger(), content2.size());
    QCOMPARE(m_docs.download(after.at(0).toObject().value(QStringLiteral("url")).toString()).body, content2);
    QCOMPARE(m_docs.download(after.at(1).toObject().value(QStringLiteral("url")).toString()).body, content);

    // The state endpoint has sha256 and size of each version.
    const QJsonObject state = m_docs.sandbox().state(m_docs.projectId);
    const QJsonObject stateFolder =
        byName(state.value(QStringLiteral("root")).toObject().value(QStringLiteral("folders")).toArray(),
               s("Data Files 2"));
    const QJsonArray stateVersions =
        byName(stateFolder.value(QStringLiteral("files")).toArray(), s("Renamed.pdf"))
            .value(QStringLiteral("versions"))
            .toArray();
    QCOMPARE(stateVersions.size(), 2);
    QCOMPARE(stateVersions.at(1).toObject().value(QStringLiteral("sha256")).toString().toLatin1(),
             QCryptographicHash::hash(content2, QCryptographicHash::Sha256).toHex());

    // Delete → recycle bin.
    const auto deleted = m_docs.api("DELETE", path, m_docs.projectQuery());
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.object().value(QStringLiteral("is_deleted")).toBool(), true);
    const auto listing =
        m_docs.api("GET", QStringLiteral("/rest/v1.0/folders/%1").arg(other), m_docs.projectQuery());
    QCOMPARE(listing.object().value(QStringLiteral("files")).toArray().size(), 0);
    QCOMPARE(m_docs.api("DELETE", path, m_docs.projectQuery()).status, 404); // already in the bin
}

void TestSandboxDocuments::newVersionViaFileVersions()
{
    const auto created = m_docs.createFileWithData(m_docs.rootId(), s("Versioned.txt"), "one");
    QCOMPARE(created.status, 201);
    const qint64 id = idOf(created.object());
    QUrlQuery query = m_docs.projectQuery();
    query.addQueryItem(QStringLiteral("file_id"), QString::number(id));
    const auto version = m_docs.api("POST", QStringLiteral("/rest/v1.0/file_versions"), query,
                                    DocsFixture::multipart({{"file_version[notes]", "second", {}},
                                                            {"file_version[data]", "two!", "Versioned.txt"}}),
                                    DocsFixture::multipartType());
    QCOMPARE(version.status, 201);
    const QJsonObject v = version.object();
    QCOMPARE(v.value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(v.value(QStringLiteral("file_id")).toInteger(), id);
    QCOMPARE(v.value(QStringLiteral("size")).toInteger(), 4);
    QCOMPARE(v.value(QStringLiteral("notes")).toString(), s("second"));
    const auto shown =
        m_docs.api("GET", QStringLiteral("/rest/v1.0/file_versions/%1").arg(idOf(v)), m_docs.projectQuery());
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.object().value(QStringLiteral("number")).toInt(), 2);
    QCOMPARE(m_docs.download(v.value(QStringLiteral("url")).toString()).body, QByteArray("two!"));
}

void TestSandboxDocuments::unicodeNames()
{
    const QString folderName = s("Café – Bâtiment Ω");
    const QString fileName = s("Plan für Ebene 1 – 日本.pdf");
    const qint64 folder = makeFolder(folderName);
    QVERIFY(folder);
    const auto created = m_docs.createFileWithData(folder, fileName, "unicode");
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().value(QStringLiteral("name")).toString(), fileName);
    QCOMPARE(created.object().value(QStringLiteral("name_with_path")).toString(),
             folderName + QLatin1Char('/') + fileName);
    const QString url = created.object()
                            .value(QStringLiteral("file_versions"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QStringLiteral("url"))
                            .toString();
    DocsFixture::Reply hop;
    QCOMPARE(m_docs.download(url, &hop).body, QByteArray("unicode"));
    QVERIFY(!hop.header("Location").isEmpty());
}

void TestSandboxDocuments::nameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("folder");
    for (const char *c : {"/", "<", ">", ":", "\\", "|", "?", "*"}) {
        QTest::addRow("file with %s", c) << QStringLiteral("Bad%1Name.pdf").arg(s(c)) << false;
        QTest::addRow("folder with %s", c) << QStringLiteral("Bad%1Folder").arg(s(c)) << true;
    }
    QTest::addRow("trailing space") << s("Report.pdf ") << false;
    QTest::addRow("trailing tab") << s("Report.pdf\t") << false;
    QTest::addRow("space before dot") << s("Report .pdf") << false;
    QTest::addRow("space after dot") << s("Report. pdf") << false;
    QTest::addRow("folder trailing space") << s("Folder ") << true;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("blank folder") << s("   ") << true;
}

void TestSandboxDocuments::nameRules()
{
    QFETCH(QString, name);
    QFETCH(bool, folder);
    DocsFixture::Reply reply;
    if (folder)
        reply = m_docs.json("POST", QStringLiteral("/rest/v1.0/folders"),
                            {{QStringLiteral("folder"), QJsonObject{{QStringLiteral("name"), name}}}});
    else
        reply = m_docs.createFileWithData(m_docs.rootId(), name, "x");
    QCOMPARE(reply.status, 422);
    QVERIFY2(!firstError(reply, QStringLiteral("name")).isEmpty(), reply.body.constData());
}

void TestSandboxDocuments::pathLengthLimit()
{
    // name_with_path "Long/<name>": 255 characters are accepted, 256 are not.
    const qint64 folder = makeFolder(s("Long"));
    QVERIFY(folder);
    const QString name255 = QString(255 - 5 - 4, QLatin1Char('a')) + s(".pdf"); // "Long/" + name = 255
    const auto ok = m_docs.createFileWithData(folder, name255, "x");
    QCOMPARE(ok.status, 201);
    QCOMPARE(ok.object().value(QStringLiteral("name_with_path")).toString().size(), 255);
    const QString name256 = QString(255 - 5 - 3, QLatin1Char('b')) + s(".pdf");
    const auto tooLong = m_docs.createFileWithData(folder, name256, "x");
    QCOMPARE(tooLong.status, 422);
    QVERIFY(firstError(tooLong, QStringLiteral("name")).contains(s("255")));
    // Renaming the folder would push its file past the limit.
    const auto rename =
        m_docs.json("PATCH", QStringLiteral("/rest/v1.0/folders/%1").arg(folder),
                    {{QStringLiteral("folder"), QJsonObject{{QStringLiteral("name"), s("Longer")}}}});
    QCOMPARE(rename.status, 422);
}

void TestSandboxDocuments::duplicateNames()
{
    const qint64 folder = makeFolder(s("Dupes"));
    QCOMPARE(m_docs.createFileWithData(folder, s("A-101.pdf"), "1").status, 201);
    const auto clash = m_docs.createFileWithData(folder, s("A-101.pdf"), "2");
    QCOMPARE(clash.status, 422);
    QCOMPARE(firstError(clash, QStringLiteral("name")), s("has already been taken"));
    QCOMPARE(m_docs.createFileWithData(folder, s("a-101.PDF"), "2").status, 422); // case-insensitive
    const auto unique =
        m_docs.createFileWithData(folder, s("A-101.pdf"), "3", {{"file[unique_name]", "true", {}}});
    QCOMPARE(unique.status, 201);
    QCOMPARE(unique.object().value(QStringLiteral("name")).toString(), s("A-101 (1).pdf"));
    const auto unique2 =
        m_docs.createFileWithData(folder, s("A-101.pdf"), "4", {{"file[unique_name]", "true", {}}});
    QCOMPARE(unique2.object().value(QStringLiteral("name")).toString(), s("A-101 (2).pdf"));
    QVERIFY(makeFolder(s("Sub"), folder));
    const auto folderClash = m_docs.json(
        "POST", QStringLiteral("/rest/v1.0/folders"),
        {{QStringLiteral("folder"),
          QJsonObject{{QStringLiteral("name"), s("Sub")}, {QStringLiteral("parent_id"), folder}}}});
    QCOMPARE(folderClash.status, 422);
    QCOMPARE(firstError(folderClash, QStringLiteral("name")), s("has already been taken"));
    // Renaming onto a taken name is a clash too.
    const qint64 second = idOf(unique.object());
    const auto rename =
        m_docs.api("PATCH", QStringLiteral("/rest/v1.0/files/%1").arg(second), m_docs.projectQuery(),
                   DocsFixture::multipart({{"file[name]", "A-101.pdf", {}}}), DocsFixture::multipartType());
    QCOMPARE(rename.status, 422);
}

void TestSandboxDocuments::unknownParentAndIds()
{
    QCOMPARE(m_docs.createFileWithData(Q_INT64_C(9999999999999), s("x.pdf"), "x").status, 404);
    const auto folder = m_docs.json("POST", QStringLiteral("/rest/v1.0/folders"),
                                    {{QStringLiteral("folder"),
                                      QJsonObject{{QStringLiteral("name"), s("Orphan")},
                                                  {QStringLiteral("parent_id"), Q_INT64_C(9999999999999)}}}});
    QCOMPARE(folder.status, 404);
    QCOMPARE(
        m_docs.api("GET", QStringLiteral("/rest/v1.0/folders/9999999999999"), m_docs.projectQuery()).status,
        404);
    QCOMPARE(
        m_docs.api("GET", QStringLiteral("/rest/v1.0/files/9999999999999"), m_docs.projectQuery()).status,
        404);
    QCOMPARE(m_docs.api("GET", QStringLiteral("/rest/v1.0/folders")).status, 400); // no project_id
}

void TestSandboxDocuments::relaxedNames()
{
    QVERIFY(m_docs.sandbox().configure({{QStringLiteral("relaxed_names"), true}}));
    const auto relaxed = m_docs.createFileWithData(m_docs.rootId(), s("Relaxed: yes?.pdf"), "x");
    QVERIFY(m_docs.sandbox().configure({{QStringLiteral("relaxed_names"), false}}));
    QCOMPARE(relaxed.status, 201);
    QCOMPARE(m_docs.createFileWithData(m_docs.rootId(), s("Strict: no.pdf"), "x").status, 422);
}

void TestSandboxDocuments::checkedOutFileConflicts()
{
    const auto created = m_docs.createFileWithData(m_docs.rootId(), s("Checked Out.pdf"), "x");
    QCOMPARE(created.status, 201);
    const QString path = QStringLiteral("/rest/v1.0/files/%1").arg(idOf(created.object()));
    const QByteArray until =
        QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs).toLatin1();
    // The demo user checks the file out …
    const auto checkout = m_docs.api("PATCH", path, m_docs.projectQuery(),
                                     DocsFixture::multipart({{"file[checked_out_until]", until, {}}}),
                                     DocsFixture::multipartType(), m_docs.userToken);
    QCOMPARE(checkout.status, 200);
    QVERIFY(!checkout.object().value(QStringLiteral("checked_out_by")).isNull());
    // … so the service account can't change it: 409 with the documented body.
    const auto conflict =
        m_docs.api("PATCH", path, m_docs.projectQuery(),
                   DocsFixture::multipart({{"file[name]", "Other.pdf", {}}}), DocsFixture::multipartType());
    QCOMPARE(conflict.status, 409);
    const QJsonObject body = conflict.object();
    QVERIFY(
        !body.value(QStringLiteral("errors")).toObject().value(QStringLiteral("base")).toArray().isEmpty());
    QVERIFY(body.contains(QStringLiteral("error_type")));
    QCOMPARE(idOf(body.value(QStringLiteral("file")).toObject()), idOf(created.object()));
    // The owner of the checkout can.
    const auto own = m_docs.api("PATCH", path, m_docs.projectQuery(),
                                DocsFixture::multipart({{"file[name]", "Mine.pdf", {}}}),
                                DocsFixture::multipartType(), m_docs.userToken);
    QCOMPARE(own.status, 200);
}

void TestSandboxDocuments::permissions()
{
    const QByteArray viewer = m_docs.tokenFor(s("viewer@trestle.test"), s("trestle-viewer"));
    QVERIFY(!viewer.isEmpty());
    const auto denied =
        m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), m_docs.projectQuery(), {}, {}, viewer);
    QCOMPARE(denied.status, 403);
    QVERIFY(denied.object().value(QStringLiteral("errors")).toString().contains(s("permission")));
    QUrlQuery other;
    other.addQueryItem(QStringLiteral("project_id"), QStringLiteral("9999999999"));
    QCOMPARE(m_docs.api("GET", QStringLiteral("/rest/v1.0/folders"), other).status, 404);
    // A folder id of another project is not found through this project.
    QCOMPARE(m_docs.api("GET", QStringLiteral("/rest/v1.0/projects/9999999999/documents")).status, 404);
}

void TestSandboxDocuments::persistenceAcrossRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList args{QStringLiteral("--seed"), QStringLiteral("empty"), QStringLiteral("--data-dir"),
                           dir.path()};
    qint64 fileId = 0;
    QByteArray content = "persist me\n";
    {
        DocsFixture first;
        QVERIFY2(first.start(args), qPrintable(first.error()));
        const auto folder =
            first.json("POST", QStringLiteral("/rest/v1.0/folders"),
                       {{QStringLiteral("folder"), QJsonObject{{QStringLiteral("name"), s("Kept")}}}});
        QCOMPARE(folder.status, 201);
        const auto file = first.createFileWithData(idOf(folder.object()), s("kept.txt"), content);
        QCOMPARE(file.status, 201);
        fileId = idOf(file.object());
        first.sandbox().stop();
    }
    DocsFixture second;
    QVERIFY2(second.start(args), qPrintable(second.error()));
    const auto file =
        second.api("GET", QStringLiteral("/rest/v1.0/files/%1").arg(fileId), second.projectQuery());
    QCOMPARE(file.status, 200);
    QCOMPARE(file.object().value(QStringLiteral("name_with_path")).toString(), s("Kept/kept.txt"));
    const QString url = file.object()
                            .value(QStringLiteral("file_versions"))
                            .toArray()
                            .at(0)
                            .toObject()
                            .value(QStringLiteral("url"))
                            .toString();
    QCOMPARE(second.download(url).body, content);
    // New ids continue after the old ones.
    const auto again = second.createFileWithData(second.rootId(), s("new.txt"), "n");
    QVERIFY(idOf(again.object()) > fileId);
}

void TestSandboxDocuments::demoSeed()
{
    DocsFixture demo;
    QVERIFY2(demo.start({QStringLiteral("--seed"), QStringLiteral("demo")}), qPrintable(demo.error()));
    QCOMPARE(demo.projectIds.size(), 3);
    // Deterministic counts per project (folders, files, versions); the three trees differ.
    const QList<QList<qint64>> expected{{36, 223, 254}, {35, 195, 228}, {39, 308, 361}};
    QSet<qint64> fileCounts;
    for (int i = 0; i < 3; ++i) {
        const QJsonObject counts =
            demo.sandbox().state(demo.projectIds.at(i)).value(QStringLiteral("counts")).toObject();
        qInfo() << "demo project" << i << counts;
        QCOMPARE(counts.value(QStringLiteral("folders")).toInteger(), expected.at(i).at(0));
        QCOMPARE(counts.value(QStringLiteral("files")).toInteger(), expected.at(i).at(1));
        QCOMPARE(counts.value(QStringLiteral("versions")).toInteger(), expected.at(i).at(2));
        QVERIFY(counts.value(QStringLiteral("files")).toInteger() >= 150);
        fileCounts.insert(counts.value(QStringLiteral("files")).toInteger());
    }
    QCOMPARE(fileCounts.size(), 3);
    // A realistic sheet with real PDF magic bytes, downloadable.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filters[search]"), s("A-101 Floor Plan Level 1"));
    query.addQueryItem(QStringLiteral("view"), s("extended"));
    const auto found =
        demo.api("GET", QStringLiteral("/rest/v1.0/projects/%1/documents").arg(demo.projectId), query);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.array().size(), 1);
    const QJsonObject sheet = found.array().at(0).toObject();
    QCOMPARE(sheet.value(QStringLiteral("name_with_path")).toString(),
             s("02 Drawings/Architectural/A-101 Floor Plan Level 1.pdf"));
    const QString url = sheet.value(QStringLiteral("file"))
                            .toObject()
                            .value(QStringLiteral("current_version"))
                            .toObject()
                            .value(QStringLiteral("url"))
                            .toString();
    const auto bytes = demo.download(url);
    QCOMPARE(bytes.status, 200);
    QVERIFY(bytes.body.startsWith("%PDF-1.7"));
    QCOMPARE(bytes.body.size(),
             sheet.value(QStringLiteral("file"))
                 .toObject()
                 .value(QStringLiteral("current_version"))
                 .toObject()
                 .value(QStringLiteral("size"))
                 .toInteger());
    // Photos are JPEGs.
    query = QUrlQuery();
    query.addQueryItem(QStringLiteral("filters[file_type][]"), s("jpg"));
    query.addQueryItem(QStringLiteral("view"), s("extended"));
    query.addQueryItem(QStringLiteral("per_page"), s("1"));
    const auto photo =
        demo.api("GET", QStringLiteral("/rest/v1.0/projects/%1/documents").arg(demo.projectId), query);
    const QString photoUrl = photo.array()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("file"))
                                 .toObject()
                                 .value(QStringLiteral("current_version"))
                                 .toObject()
                                 .value(QStringLiteral("url"))
                                 .toString();
    QVERIFY(demo.download(photoUrl).body.startsWith("\xFF\xD8\xFF"));
}

QTEST_GUILESS_MAIN(TestSandboxDocuments)
#include "tst_sandbox_documents.moc"
