// RFC 8288 Link headers of paginated replies (procore-api.md §8), through the very function
// ProcoreClient follows pagination with. A next link must never leave the API origin unnoticed: the client
// checks the origin of the URL this returns, so the invariant here is only "no crash, relative resolves".

#include "fuzzinput.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include "core/api/linkheader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QUrl base(QStringLiteral("https://api.procore.test/rest/v1.0/folders?per_page=100"));
    const QByteArray header(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUrl next = trestle::nextLinkFromHeader(header, base);
    if (next.isValid())
        fuzz::check(!next.isRelative(), "a next link resolves against the base");
    return 0;
}
