// Unit tests of the defensive JSON parsers and the error mapping, on canned replies.
#include "core/api/apierrors.h"
#include "core/api/jsonparse.h"

#include <QTest>

using namespace trestle;

Q_DECLARE_METATYPE(trestle::Error::Kind)

namespace {

const QString kEndpoint = QStringLiteral("GET /rest/v1.0/test");

// Runs the parser named `which` on `body` and returns its error (None on success).
Error parseWith(const QString &which, const QByteArray &body)
{
    if (which == QLatin1String("me"))
        return JsonParse::me(body, kEndpoint).error();
    if (which == QLatin1String("companies"))
        return JsonParse::companies(body, kEndpoint).error();
    if (which == QLatin1String("projects"))
        return JsonParse::projects(body, kEndpoint).error();
    if (which == QLatin1String("folder"))
        return JsonParse::folder(body, kEndpoint).error();
    if (which == QLatin1String("file"))
        return JsonParse::file(body, kEndpoint).error();
    if (which == QLatin1String("version"))
        return JsonParse::fileVersion(body, kEndpoint).error();
    if (which == QLatin1String("documents"))
        return JsonParse::documents(body, kEndpoint).error();
    if (which == QLatin1String("upload"))
        return JsonParse::upload(body, kEndpoint).error();
    if (which == QLatin1String("token"))
        return JsonParse::tokenSet(body, kEndpoint).error();
    return Error(Error::Kind::Internal, QStringLiteral("unknown parser"));
}

} // namespace

class TestApiParse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsers_data();
    void parsers();
    void goodValues();
    void hugeIds();
    void folderChildren();
    void segmentedUpload();
    void tokenReply();
    void errorBodies_data();
    void errorBodies();
    void tokenEndpointErrors_data();
    void tokenEndpointErrors();
    void networkErrors();
    void excerptRedactsAndBounds();
    void retryAt();
};

void TestApiParse::parsers_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");

    struct Good
    {
        const char *parser;
        const char *body;
    };
    const Good goods[] = {
        {"me", R"({"id":5000000001,"login":"demo@trestle.test","name":"Demo"})"},
        {"companies", R"([{"id":4300000001,"name":"Acme","is_active":true}])"},
        {"companies", R"([])"},
        {"projects", R"([{"id":4400000001,"name":"Tower","company":{"id":4300000001,"name":"Acme"}}])"},
        {"folder", R"({"id":1,"name":null,"folders":[],"files":[]})"},
        {"file", R"({"id":7,"name":"a.pdf","size":12,"file_versions":[{"id":9,"url":"http://x"}]})"},
        {"version", R"({"id":9,"file_id":7,"number":1,"size":12,"url":"http://x"})"},
        {"documents", R"([{"id":7,"name":"a.pdf","document_type":"file","parent_id":1}])"},
        {"upload", R"({"uuid":"01EJ","url":"http://s","fields":{"key":"k"}})"},
        {"token", R"({"access_token":"a","token_type":"bearer","expires_in":5400,"refresh_token":"r"})"},
    };
    for (const Good &g : goods)
        QTest::addRow("%s good %s", g.parser, g.body)
            << QString::fromLatin1(g.parser) << QByteArray(g.body) << true;

    const char *all[] = {"me",      "companies", "projects", "folder", "file",
                         "version", "documents", "upload",   "token"};
    for (const char *p : all) {
        QTest::addRow("%s empty", p) << QString::fromLatin1(p) << QByteArray() << false;
        QTest::addRow("%s whitespace", p) << QString::fromLatin1(p) << QByteArray(" \n") << false;
        QTest::addRow("%s html", p) << QString::fromLatin1(p)
                                    << QByteArray("<html><body>502 Bad Gateway</body></html>") << false;
        QTest::addRow("%s truncated", p)
            << QString::fromLatin1(p) << QByteArray(R"({"id":12,"name":"ab)") << false;
        QTest::addRow("%s null", p) << QString::fromLatin1(p) << QByteArray("null") << false;
        QTest::addRow("%s number", p) << QString::fromLatin1(p) << QByteArray("42") << false;
    }

    struct Bad
    {
        const char *parser;
        const char *name;
        const char *body;
    };
    const Bad bads[] = {
        {"me", "array for object", R"([{"id":1}])"},
        {"me", "missing id", R"({"login":"x"})"},
        {"me", "string id not number", R"({"id":"abc"})"},
        {"me", "fractional id", R"({"id":1.5})"},
        {"me", "negative id", R"({"id":-3})"},
        {"companies", "object for array", R"({"id":1,"name":"Acme"})"},
        {"companies", "missing name", R"([{"id":1}])"},
        {"companies", "name is number", R"([{"id":1,"name":3}])"},
        {"companies", "item not object", R"([1,2])"},
        {"companies", "bool wrong type", R"([{"id":1,"name":"a","is_active":"yes"}])"},
        {"projects", "missing id", R"([{"name":"Tower"}])"},
        {"projects", "company not object", R"([{"id":1,"name":"T","company":5}])"},
        {"folder", "array for object", R"([{"id":1,"name":"x"}])"},
        {"folder", "missing id", R"({"name":"Root"})"},
        {"folder", "child missing name", R"({"id":1,"folders":[{"id":2}]})"},
        {"folder", "child not object", R"({"id":1,"folders":["x"]})"},
        {"folder", "folders not array", R"({"id":1,"folders":{}})"},
        {"folder", "file missing id", R"({"id":1,"files":[{"name":"a"}]})"},
        {"folder", "bad timestamp", R"({"id":1,"updated_at":"yesterday"})"},
        {"file", "missing name", R"({"id":7})"},
        {"file", "size is string", R"({"id":7,"name":"a","size":"big"})"},
        {"file", "versions not array", R"({"id":7,"name":"a","file_versions":3})"},
        {"file", "version missing id", R"({"id":7,"name":"a","file_versions":[{"url":"x"}]})"},
        {"version", "missing id", R"({"file_id":7})"},
        {"version", "url is number", R"({"id":9,"url":5})"},
        {"documents", "unknown type", R"([{"id":7,"name":"a","document_type":"link"}])"},
        {"documents", "missing type", R"([{"id":7,"name":"a"}])"},
        {"documents", "object for array", R"({"id":7})"},
        {"upload", "missing uuid", R"({"url":"http://s","fields":{}})"},
        {"upload", "field not string", R"({"uuid":"u","url":"http://s","fields":{"key":1}})"},
        {"upload", "segments not array", R"({"uuid":"u","segments":{}})"},
        {"upload", "nothing usable", R"({"uuid":"u"})"},
        {"token", "missing access token", R"({"token_type":"bearer","expires_in":5400})"},
        {"token", "array", R"([{"access_token":"a"}])"},
        {"token", "wrong token type", R"({"access_token":"a","token_type":"mac"})"},
        {"token", "expires_in string", R"({"access_token":"a","expires_in":"soon"})"},
    };
    for (const Bad &b : bads)
        QTest::addRow("%s %s", b.parser, b.name)
            << QString::fromLatin1(b.parser) << QByteArray(b.body) << false;
}

void TestApiParse::parsers()
{
    QFETCH(QString, parser);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    const Error error = parseWith(parser, body);
    if (ok) {
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        return;
    }
    QCOMPARE(error.kind(), Error::Kind::MalformedReply);
    QVERIFY(!error.message().isEmpty());
    QVERIFY2(error.detail().contains(kEndpoint), qPrintable(error.detail()));
}

void TestApiParse::goodValues()
{
    const auto r = JsonParse::file(R"({"id":7,"name":"a.pdf","parent_id":3,"size":12,
        "updated_at":"2026-01-02T03:04:05Z","file_versions":[{"id":9,"file_id":7,"number":2,"size":12,
        "url":"http://127.0.0.1/v/9","created_by":{"id":5,"login":"l","name":"n"}}]})",
                                   kEndpoint);
    QVERIFY(r.ok());
    QCOMPARE(r.value().id, 7);
    QCOMPARE(r.value().parentId, 3);
    QCOMPARE(r.value().size, 12);
    QCOMPARE(r.value().updatedAt, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(r.value().versions.size(), 1);
    QCOMPARE(r.value().versions.first().number, 2);
    QCOMPARE(r.value().versions.first().createdBy.login, QStringLiteral("l"));

    const auto d = JsonParse::documents(R"([{"id":2,"name":"F","document_type":"folder","parent_id":1},
        {"id":3,"name":"x.txt","document_type":"file","parent_id":2,
         "file":{"current_version":{"id":4,"size":99,"url":"u"}}}])",
                                        kEndpoint);
    QVERIFY(d.ok());
    QCOMPARE(d.value().size(), 2);
    QCOMPARE(d.value().at(0).type, DocumentEntry::Type::Folder);
    QCOMPARE(d.value().at(1).type, DocumentEntry::Type::File);
    QCOMPARE(d.value().at(1).size, 99);
    QVERIFY(d.value().at(1).currentVersion.has_value());
}

void TestApiParse::hugeIds()
{
    // Above 2^32 and above 2^53 - 2^32 arithmetic: must survive exactly.
    const auto r = JsonParse::companies(
        R"([{"id":4294967297,"name":"a"},{"id":9007199254740991,"name":"b"}])", kEndpoint);
    QVERIFY(r.ok());
    QCOMPARE(r.value().at(0).id, Q_INT64_C(4294967297));
    QCOMPARE(r.value().at(1).id, Q_INT64_C(9007199254740991));
    const auto s = JsonParse::me(R"({"id":"123456789012345"})", kEndpoint);
    QVERIFY(s.ok());
    QCOMPARE(s.value().id, Q_INT64_C(123456789012345));
}

void TestApiParse::folderChildren()
{
    const auto r = JsonParse::folder(R"({"id":10,"name":"Root","folders":[{"id":4294967300,"name":"Sub",
        "parent_id":10,"folders":[],"files":[]}],"files":[{"id":4294967301,"name":"a.txt","parent_id":10}]})",
                                     kEndpoint);
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r.value().folders.size(), 1);
    QCOMPARE(r.value().folders.first().id, Q_INT64_C(4294967300));
    QCOMPARE(r.value().files.size(), 1);
    QCOMPARE(r.value().files.first().name, QStringLiteral("a.txt"));
    QVERIFY(r.value().hasChildren);
}

void TestApiParse::segmentedUpload()
{
    const auto r = JsonParse::upload(R"({"uuid":"01U","status":"ready","segments":[{"size":5,"sha256":"ab",
        "url":"http://127.0.0.1:2/s","headers":{"x-amz-content-sha256":"ab","content-length":"5"}}]})",
                                     kEndpoint);
    QVERIFY(r.ok());
    QCOMPARE(r.value().segments.size(), 1);
    QCOMPARE(r.value().segments.first().headers.size(), 2);
    QCOMPARE(r.value().segments.first().size, 5);
}

void TestApiParse::tokenReply()
{
    const QDateTime now(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
    const auto r = JsonParse::tokenSet(
        R"({"access_token":"eyJsecret","token_type":"bearer","expires_in":5400,"refresh_token":"r1","created_at":1777636800})",
        kEndpoint, now);
    QVERIFY(r.ok());
    QCOMPARE(r.value().refreshToken, QStringLiteral("r1"));
    QCOMPARE(r.value().expiresAt, now.addSecs(5400));
    QCOMPARE(r.value().createdAt, QDateTime::fromSecsSinceEpoch(1777636800, Qt::UTC));
    // A malformed token reply never echoes the body (it may hold a token).
    const auto bad =
        JsonParse::tokenSet(R"({"access_token":"eyJsecret","token_type":"mac"})", kEndpoint, now);
    QCOMPARE(bad.error().kind(), Error::Kind::MalformedReply);
    QVERIFY(!bad.error().toString().contains(QLatin1String("secret")));
}

void TestApiParse::errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("401 invalid_token")
        << 401 << QByteArray(R"({"error":"invalid_token","error_description":"The access token is invalid"})")
        << Error::Kind::AuthExpired << QStringLiteral("The access token is invalid");
    QTest::newRow("403 base") << 403
                              << QByteArray(R"({"errors":{"base":["App is not connected to this company"]}})")
                              << Error::Kind::Permission << QStringLiteral("App is not connected");
    QTest::newRow("404") << 404 << QByteArray(R"({"errors":"Not found"})") << Error::Kind::NotFound
                         << QString();
    QTest::newRow("409 base") << 409
                              << QByteArray(R"({"errors":{"base":["File is checked out"]},"error_type":"x"})")
                              << Error::Kind::Conflict << QStringLiteral("File is checked out");
    QTest::newRow("400 string") << 400 << QByteArray(R"({"errors":"Missing Procore-Company-Id header!"})")
                                << Error::Kind::Validation
                                << QStringLiteral("Missing Procore-Company-Id header!");
    QTest::newRow("406 message") << 406 << QByteArray(R"({"message":"Unknown field foo"})")
                                 << Error::Kind::Validation << QStringLiteral("Unknown field foo");
    QTest::newRow("422 name") << 422 << QByteArray(R"({"errors":{"name":["contains invalid characters"]}})")
                              << Error::Kind::Validation
                              << QStringLiteral("name: contains invalid characters");
    QTest::newRow("422 error") << 422 << QByteArray(R"({"error":"Name has already been taken"})")
                               << Error::Kind::Validation << QStringLiteral("Name has already been taken");
    QTest::newRow("429") << 429
                         << QByteArray(
                                R"({"message":"You have surpassed the max number of requests for an hour."})")
                         << Error::Kind::RateLimited << QString();
    QTest::newRow("500 html") << 500 << QByteArray("<html>oops</html>") << Error::Kind::Server
                              << QStringLiteral("500");
    QTest::newRow("502 empty") << 502 << QByteArray() << Error::Kind::Server << QStringLiteral("502");
    QTest::newRow("503") << 503 << QByteArray() << Error::Kind::Server << QString();
    QTest::newRow("401 code shape")
        << 401 << QByteArray(R"({"code":"x","message":"Token revoked","reason":"r","error":"e"})")
        << Error::Kind::AuthExpired << QStringLiteral("Token revoked");
}

void TestApiParse::errorBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, messagePart);
    const QDateTime retry = QDateTime::currentDateTimeUtc().addSecs(30);
    const Error e = ApiErrors::fromHttpStatus(status, body, kEndpoint, retry);
    QCOMPARE(e.kind(), kind);
    QCOMPARE(e.httpStatus(), status);
    QVERIFY(!e.message().isEmpty());
    if (!messagePart.isEmpty())
        QVERIFY2(e.message().contains(messagePart), qPrintable(e.message()));
    QVERIFY(e.detail().startsWith(kEndpoint));
    if (kind == Error::Kind::RateLimited)
        QCOMPARE(e.retryAt(), retry);
}

void TestApiParse::tokenEndpointErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");

    QTest::newRow("invalid_grant")
        << 400
        << QByteArray(R"({"error":"invalid_grant","error_description":"The refresh token is invalid"})")
        << Error::Kind::AuthRevoked;
    QTest::newRow("invalid_client 401")
        << 401 << QByteArray(R"({"error":"invalid_client"})") << Error::Kind::AuthFailed;
    QTest::newRow("unauthorized_client")
        << 400 << QByteArray(R"({"error":"unauthorized_client"})") << Error::Kind::AuthFailed;
    QTest::newRow("500") << 500 << QByteArray("boom") << Error::Kind::Server;
    QTest::newRow("429") << 429 << QByteArray() << Error::Kind::RateLimited;
}

void TestApiParse::tokenEndpointErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    const Error e = ApiErrors::fromTokenEndpoint(status, body, QStringLiteral("POST /oauth/token"),
                                                 QStringLiteral("Acme Procore"));
    QCOMPARE(e.kind(), kind);
    if (kind == Error::Kind::AuthRevoked)
        QVERIFY(e.message().contains(QLatin1String("Sign in again to Acme Procore")));
}

void TestApiParse::networkErrors()
{
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::ConnectionRefusedError, {}, kEndpoint, false).kind(),
             Error::Kind::Network);
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::RemoteHostClosedError, {}, kEndpoint, false).kind(),
             Error::Kind::Network);
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::OperationCanceledError, {}, kEndpoint, true).kind(),
             Error::Kind::Timeout);
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::TimeoutError, {}, kEndpoint, false).kind(),
             Error::Kind::Timeout);
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::SslHandshakeFailedError, {}, kEndpoint, false).kind(),
             Error::Kind::Tls);
    QCOMPARE(ApiErrors::fromNetwork(QNetworkReply::OperationCanceledError, {}, kEndpoint, false).kind(),
             Error::Kind::Cancelled);
}

void TestApiParse::excerptRedactsAndBounds()
{
    const QByteArray secret =
        R"({"access_token":"eyJhbGciOi.abc.def","refresh_token":"r-123","x":"Bearer abc.def"})";
    const QString e = ApiErrors::excerpt(secret);
    QVERIFY2(!e.contains(QLatin1String("eyJ")), qPrintable(e));
    QVERIFY2(!e.contains(QLatin1String("r-123")), qPrintable(e));
    QVERIFY2(!e.contains(QLatin1String("abc.def")), qPrintable(e));
    QVERIFY(ApiErrors::excerpt(QByteArray(5000, 'x')).size() <= 200);
    const Error m = ApiErrors::malformed(kEndpoint, QByteArray(5000, 'y'), QStringLiteral("why"));
    QVERIFY(m.detail().size() < 300);
}

void TestApiParse::retryAt()
{
    const QDateTime now(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);
    QCOMPARE(ApiErrors::retryAtFromHeaders("7", "", now), now.addSecs(7));
    QCOMPARE(ApiErrors::retryAtFromHeaders("", "1777640400", now),
             QDateTime::fromSecsSinceEpoch(1777640400, Qt::UTC));
    QCOMPARE(ApiErrors::retryAtFromHeaders("Fri, 01 May 2026 12:00:09 GMT", "", now), now.addSecs(9));
    QVERIFY(!ApiErrors::retryAtFromHeaders("", "", now).isValid());
}

QTEST_GUILESS_MAIN(TestApiParse)
#include "tst_apiparse.moc"
