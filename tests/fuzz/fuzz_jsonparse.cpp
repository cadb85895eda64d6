// Procore JSON replies: every JsonParse function on arbitrary bytes. The first byte picks the
// parser; the rest is the body. A parse either succeeds with the fields the app relies on (ids
// above zero, names present) or fails with MalformedReply — never a crash, never an empty success.

#include "core/api/jsonparse.h"
#include "fuzzinput.h"

#include <QDateTime>

using namespace trestle;

namespace {

const QString kEndpoint = QStringLiteral("GET /rest/v1.0/fuzz");

template<typename T>
bool failedCleanly(const Result<T> &result)
{
    if (result.ok())
        return false;
    fuzz::check(result.error().kind() == Error::Kind::MalformedReply, "parse error is MalformedReply");
    return true;
}

void checkFolder(const Folder &folder)
{
    fuzz::check(folder.id > 0, "folder id > 0");
    for (const Folder &child : folder.folders)
        fuzz::check(child.id > 0, "child folder id > 0");
    for (const File &child : folder.files)
        fuzz::check(child.id > 0, "child file id > 0");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 9) {
    case 0: {
        const auto r = JsonParse::me(body, kEndpoint);
        if (!failedCleanly(r))
            fuzz::check(r.value().id > 0, "me id > 0");
        break;
    }
    case 1: {
        const auto r = JsonParse::companies(body, kEndpoint);
        if (!failedCleanly(r))
            for (const Company &c : r.value())
                fuzz::check(c.id > 0, "company id > 0");
        break;
    }
    case 2: {
        const auto r = JsonParse::projects(body, kEndpoint);
        if (!failedCleanly(r))
            for (const Project &p : r.value())
                fuzz::check(p.id > 0, "project id > 0");
        break;
    }
    case 3: {
        const auto r = JsonParse::folder(body, kEndpoint);
        if (!failedCleanly(r))
            checkFolder(r.value());
        break;
    }
    case 4: {
        const auto r = JsonParse::file(body, kEndpoint);
        if (!failedCleanly(r))
            fuzz::check(r.value().id > 0, "file id > 0");
        break;
    }
    case 5: {
        const auto r = JsonParse::fileVersion(body, kEndpoint);
        if (!failedCleanly(r))
            fuzz::check(r.value().id > 0, "version id > 0");
        break;
    }
    case 6: {
        const auto r = JsonParse::documents(body, kEndpoint);
        if (!failedCleanly(r))
            for (const DocumentEntry &e : r.value())
                fuzz::check(e.id > 0, "document id > 0");
        break;
    }
    case 7: {
        const auto r = JsonParse::upload(body, kEndpoint);
        failedCleanly(r);
        break;
    }
    case 8: {
        const auto r = JsonParse::tokenSet(body, QStringLiteral("POST /oauth/token"),
                                           QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC));
        if (!failedCleanly(r))
            fuzz::check(r.value().isValid(), "token set has an access token");
        break;
    }
    }
    return 0;
}
