#include "http/httprequestparser.h"

#include <QDir>
#include <QTemporaryFile>
#include <QUrl>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

namespace sandbox {

namespace {

constexpr int kMaxLineSize = 4096; // a chunk-size or trailer line
constexpr qint64 kMaxBodySize = qint64(1) << 40; // 1 TiB: anything larger is a lie or an attack

// RFC 9110 tchar
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool isToken(const QByteArray &s)
{
    return !s.isEmpty() && std::all_of(s.cbegin(), s.cend(), isTokenChar);
}

bool hasControlChars(const QByteArray &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t') || u == 0x7f;
    });
}

QList<QByteArray> commaTokens(const QByteArray &value)
{
    QList<QByteArray> out;
    for (const QByteArray &part : value.split(','))
        out.append(part.trimmed().toLower());
    return out;
}

// The query with every key and value in one canonical encoding, so a look-up like
// queryItemValue("filters[id]") finds "filters%5Bid%5D=1" as well as "filters[id]=1". Procore is a
// Rails app: in a query string '+' means a space (a literal '+' arrives as %2B).
QUrlQuery canonicalQuery(const QByteArray &raw)
{
    const auto canonical = [](QByteArray part) {
        part.replace('+', ' ');
        return QUrl::toPercentEncoding(QString::fromUtf8(QByteArray::fromPercentEncoding(part)),
                                       QByteArrayLiteral("[]!$'()*,;:@/?"));
    };
    QByteArray out;
    for (const QByteArray &item : raw.split('&')) {
        if (item.isEmpty())
            continue;
        if (!out.isEmpty())
            out += '&';
        const qsizetype eq = item.indexOf('=');
        out += eq < 0 ? canonical(item) : canonical(item.left(eq)) + '=' + canonical(item.mid(eq + 1));
    }
    return QUrlQuery(QString::fromLatin1(out));
}

} // namespace

HttpRequestParser::HttpRequestParser(QString spoolDir)
    : m_spoolDir(spoolDir.isEmpty() ? QDir::tempPath() : std::move(spoolDir))
{ }

HttpRequestParser::~HttpRequestParser()
{
    dropSpool();
}

qint64 HttpRequestParser::feed(const char *data, qint64 size)
{
    qint64 consumed = 0;
    while (consumed < size && (m_state == State::Head || m_state == State::Body)) {
        const qint64 n = m_state == State::Head ? feedHead(data + consumed, size - consumed)
                                                : feedBody(data + consumed, size - consumed);
        consumed += n;
    }
    return consumed;
}

qint64 HttpRequestParser::feedHead(const char *data, qint64 size)
{
    // Never let the head grow past the limit, whatever the peer sends.
    const qint64 room = kMaxHeadSize + 4 - m_head.size();
    const qint64 take = std::min(size, std::max<qint64>(room, 0));
    m_head.append(data, take);

    // RFC 9112 §2.2: ignore empty lines before the request line (stray CRLF after a body).
    qsizetype skip = 0;
    while (skip < m_head.size() && (m_head.at(skip) == '\r' || m_head.at(skip) == '\n'))
        ++skip;
    if (skip > 0) {
        m_head.remove(0, skip);
        m_headScanFrom = 0;
    }

    qsizetype end = -1;
    for (qsizetype i = std::max(0, m_headScanFrom - 3); i < m_head.size(); ++i) {
        if (m_head.at(i) != '\n')
            continue;
        if (i + 1 < m_head.size() && m_head.at(i + 1) == '\n') {
            end = i + 2;
            break;
        }
        if (i + 2 < m_head.size() && m_head.at(i + 1) == '\r' && m_head.at(i + 2) == '\n') {
            end = i + 3;
            break;
        }
    }
    if (end < 0) {
        m_headScanFrom = int(m_head.size());
        if (m_head.size() > kMaxHeadSize)
            fail(431, QByteArrayLiteral("Request header fields too large"));
        return take;
    }
    const qint64 excess = m_head.size() - end;
    m_head.truncate(end);
    if (m_head.size() > kMaxHeadSize) {
        fail(431, QByteArrayLiteral("Request header fields too large"));
        return take - excess;
    }
    if (parseHead())
        setupBody();
    return take - excess;
}

bool HttpRequestParser::parseHead()
{
    QList<QByteArray> lines = m_head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r') || line.contains('\0')) {
            fail(400, QByteArrayLiteral("Bare CR or NUL in request head"));
            return false;
        }
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty()) // the blank line that ends the head
        lines.removeLast();
    if (lines.isEmpty() || !parseRequestLine(lines.takeFirst()))
        return false;
    return parseHeaders(lines);
}

bool HttpRequestParser::parseRequestLine(const QByteArray &line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)) || parts.at(1).isEmpty() || hasControlChars(parts.at(1))) {
        fail(400, QByteArrayLiteral("Malformed request line"));
        return false;
    }
    const QByteArray &version = parts.at(2);
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        m_http10 = version == "HTTP/1.0";
        m_keepAlive = !m_http10;
    } else if (version.startsWith("HTTP/") && version.size() == 8 && version.at(6) == '.') {
        fail(505, QByteArrayLiteral("HTTP version not supported"));
        return false;
    } else {
        fail(400, QByteArrayLiteral("Malformed request line"));
        return false;
    }
    m_request.method = parts.at(0);
    m_request.target = parts.at(1);

    QByteArray target = m_request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form (RFC 9112 §3.2.2): keep only path and query.
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArrayLiteral("/") : target.mid(slash);
    } else if (target != "*" && !target.startsWith('/')) {
        fail(400, QByteArrayLiteral("Malformed request target"));
        return false;
    }
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target.truncate(hash);
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        m_request.query = canonicalQuery(target.mid(question + 1));
    return true;
}

bool HttpRequestParser::parseHeaders(const QList<QByteArray> &lines)
{
    if (lines.size() > kMaxHeaderCount) {
        fail(431, QByteArrayLiteral("Too many header fields"));
        return false;
    }
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        // A leading space is obsolete line folding (RFC 9112 §5.2): reject, like most servers.
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t')) {
            fail(400, QByteArrayLiteral("Malformed header field"));
            return false;
        }
        const QByteArray name = line.left(colon);
        if (!isToken(name)) {
            fail(400, QByteArrayLiteral("Malformed header field name"));
            return false;
        }
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (hasControlChars(value)) {
            fail(400, QByteArrayLiteral("Control character in header field"));
            return false;
        }
        m_request.headers.append({name, value});
    }
    return true;
}

bool HttpRequestParser::setupBody()
{
    const bool http10 = m_http10;
    for (const QByteArray &token : commaTokens(m_request.header("Connection"))) {
        if (token == "close")
            m_keepAlive = false;
        else if (token == "keep-alive" && http10)
            m_keepAlive = true;
    }

    bool hasLength = false;
    qint64 length = 0;
    bool chunked = false;
    for (const auto &h : std::as_const(m_request.headers)) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const QByteArray &v = h.second;
            bool ok = !v.isEmpty() && v.size() <= 18
                && std::all_of(v.cbegin(), v.cend(), [](char c) { return c >= '0' && c <= '9'; });
            const qint64 value = ok ? v.toLongLong(&ok) : -1;
            if (!ok || (hasLength && value != length)) {
                fail(400, QByteArrayLiteral("Invalid Content-Length"));
                return false;
            }
            hasLength = true;
            length = value;
        } else if (h.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            const QList<QByteArray> codings = commaTokens(h.second);
            if (chunked || codings != QList<QByteArray>{QByteArrayLiteral("chunked")}) {
                fail(501, QByteArrayLiteral("Unsupported Transfer-Encoding"));
                return false;
            }
            chunked = true;
        }
    }
    // Both framings at once is how request smuggling starts (RFC 9112 §6.3): refuse it.
    if (chunked && (hasLength || http10)) {
        fail(400, QByteArrayLiteral("Conflicting message framing"));
        return false;
    }
    if (length > kMaxBodySize) {
        fail(413, QByteArrayLiteral("Content too large"));
        return false;
    }

    const QByteArray expect = m_request.header("Expect").toLower();
    if (!expect.isEmpty() && expect != "100-continue") {
        fail(417, QByteArrayLiteral("Expectation failed"));
        return false;
    }
    const bool hasBody = chunked || length > 0;
    m_continuePending = hasBody && !expect.isEmpty() && !http10;

    if (chunked) {
        m_bodyMode = BodyMode::ChunkSize;
    } else if (length > 0) {
        m_bodyMode = BodyMode::Length;
        m_remaining = length;
        if (length >= kInMemoryBodyLimit) {
            if (!startSpool())
                return false;
        } else {
            m_request.body.reserve(length);
        }
    }
    if (hasBody)
        m_state = State::Body;
    else
        finish();
    return true;
}

qint64 HttpRequestParser::feedLine(const char *data, qint64 size, bool *complete)
{
    const void *lf = std::memchr(data, '\n', size_t(size));
    const qint64 take = lf ? static_cast<const char *>(lf) - data + 1 : size;
    m_line.append(data, take);
    *complete = lf != nullptr;
    if (m_line.size() > kMaxLineSize) {
        fail(400, QByteArrayLiteral("Chunk or trailer line too long"));
        *complete = false;
        return take;
    }
    if (*complete) {
        m_line.chop(1);
        if (m_line.endsWith('\r'))
            m_line.chop(1);
    }
    return take;
}

qint64 HttpRequestParser::feedBody(const char *data, qint64 size)
{
    bool complete = false;
    switch (m_bodyMode) {
    case BodyMode::None:
        finish();
        return 0;
    case BodyMode::Length:
    case BodyMode::ChunkData: {
        const qint64 take = std::min(size, m_remaining);
        if (!appendBody(data, take))
            return take;
        m_remaining -= take;
        if (m_remaining == 0) {
            if (m_bodyMode == BodyMode::Length)
                finish();
            else
                m_bodyMode = BodyMode::ChunkDataEnd;
        }
        return take;
    }
    case BodyMode::ChunkSize: {
        const qint64 n = feedLine(data, size, &complete);
        if (complete)
            parseChunkSize();
        return n;
    }
    case BodyMode::ChunkDataEnd: {
        const qint64 n = feedLine(data, size, &complete);
        if (complete) {
            if (!m_line.isEmpty())
                fail(400, QByteArrayLiteral("Missing CRLF after chunk data"));
            m_line.clear();
            m_bodyMode = BodyMode::ChunkSize;
        }
        return n;
    }
    case BodyMode::Trailers: {
        const qint64 n = feedLine(data, size, &complete);
        m_trailerBytes += int(n);
        if (m_trailerBytes > kMaxHeadSize) {
            fail(431, QByteArrayLiteral("Trailer fields too large"));
        } else if (complete) {
            // Trailer fields are allowed and ignored; an empty line ends the message.
            if (m_line.isEmpty())
                finish();
            m_line.clear();
        }
        return n;
    }
    }
    return 0;
}

bool HttpRequestParser::parseChunkSize()
{
    QByteArray line = m_line;
    m_line.clear();
    const qsizetype semicolon = line.indexOf(';'); // chunk extensions are allowed and ignored
    if (semicolon >= 0)
        line.truncate(semicolon);
    line = line.trimmed();
    bool ok = !line.isEmpty() && line.size() <= 15
        && std::all_of(line.cbegin(), line.cend(), [](char c) { return std::isxdigit(uchar(c)) != 0; });
    const qint64 chunk = ok ? line.toLongLong(&ok, 16) : -1;
    if (!ok) {
        fail(400, QByteArrayLiteral("Invalid chunk size"));
        return false;
    }
    if (m_request.bodySize + chunk > kMaxBodySize) {
        fail(413, QByteArrayLiteral("Content too large"));
        return false;
    }
    if (chunk == 0) {
        m_bodyMode = BodyMode::Trailers;
        m_trailerBytes = 0;
    } else {
        m_bodyMode = BodyMode::ChunkData;
        m_remaining = chunk;
    }
    return true;
}

bool HttpRequestParser::appendBody(const char *data, qint64 size)
{
    if (!m_spool && m_request.body.size() + size >= kInMemoryBodyLimit && !startSpool())
        return false;
    m_request.bodySize += size;
    if (!m_spool) {
        m_request.body.append(data, size);
        return true;
    }
    if (m_spool->write(data, size) != size) {
        fail(507, QByteArrayLiteral("Cannot store the request body"));
        return false;
    }
    return true;
}

bool HttpRequestParser::startSpool()
{
    QDir().mkpath(m_spoolDir);
    QString path;
    {
        // QTemporaryFile only picks a unique name; the file itself is written unbuffered below.
        QTemporaryFile temp(m_spoolDir + QStringLiteral("/body-XXXXXX.part"));
        temp.setAutoRemove(false);
        if (temp.open())
            path = temp.fileName();
    }
    auto file = std::make_unique<QFile>(path);
    if (path.isEmpty() || !file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        if (!path.isEmpty())
            QFile::remove(path);
        fail(507, QByteArrayLiteral("Cannot store the request body"));
        return false;
    }
    m_spool = std::move(file);
    // A chunked body that outgrew memory: move what arrived so far to the file.
    if (!m_request.body.isEmpty()) {
        if (m_spool->write(m_request.body) != m_request.body.size()) {
            fail(507, QByteArrayLiteral("Cannot store the request body"));
            return false;
        }
        m_request.body = QByteArray();
    }
    return true;
}

void HttpRequestParser::finish()
{
    if (m_spool) {
        m_spool->close();
        m_request.bodyFile = m_spool->fileName();
    } else {
        m_request.bodySize = m_request.body.size();
    }
    m_state = State::Complete;
}

void HttpRequestParser::fail(int status, const QByteArray &reason)
{
    m_state = State::Error;
    m_errorStatus = status;
    m_errorReason = reason;
    m_keepAlive = false;
    m_continuePending = false;
    dropSpool();
}

void HttpRequestParser::dropSpool()
{
    if (!m_spool)
        return;
    m_spool->close();
    QFile::remove(m_spool->fileName());
    m_spool.reset();
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool pending = m_continuePending && m_state == State::Body;
    m_continuePending = false;
    return pending;
}

HttpRequest HttpRequestParser::takeRequest()
{
    m_spool.reset(); // the caller owns the file now (and removes it after the handler ran)
    return std::exchange(m_request, HttpRequest());
}

void HttpRequestParser::reset()
{
    dropSpool();
    m_state = State::Head;
    m_bodyMode = BodyMode::None;
    m_request = HttpRequest();
    m_head.clear();
    m_headScanFrom = 0;
    m_line.clear();
    m_remaining = 0;
    m_trailerBytes = 0;
    m_keepAlive = true;
    m_http10 = false;
    m_continuePending = false;
    m_errorStatus = 0;
    m_errorReason.clear();
}

} // namespace sandbox
