#include "http/multipartreader.h"

#include <QUrl>

#include <cstring>

#include <algorithm>

namespace sandbox {

namespace {

// Parameters of a header value like `form-data; name="a"; filename="b \"c\".txt"`: quoted
// strings with backslash escapes, or tokens. Keys are lower-cased.
QList<QPair<QByteArray, QByteArray>> headerParameters(const QByteArray &value)
{
    QList<QPair<QByteArray, QByteArray>> params;
    qsizetype i = value.indexOf(';');
    const qsizetype n = value.size();
    while (i >= 0 && i < n) {
        ++i; // past ';'
        while (i < n && (value.at(i) == ' ' || value.at(i) == '\t'))
            ++i;
        const qsizetype eq = value.indexOf('=', i);
        const qsizetype semi = value.indexOf(';', i);
        if (eq < 0 || (semi >= 0 && semi < eq)) { // a parameter without value: skip it
            i = semi;
            continue;
        }
        const QByteArray key = value.mid(i, eq - i).trimmed().toLower();
        i = eq + 1;
        while (i < n && (value.at(i) == ' ' || value.at(i) == '\t'))
            ++i;
        QByteArray v;
        if (i < n && value.at(i) == '"') {
            for (++i; i < n && value.at(i) != '"'; ++i) {
                if (value.at(i) == '\\' && i + 1 < n)
                    ++i;
                v += value.at(i);
            }
            i = value.indexOf(';', i);
        } else {
            const qsizetype end = value.indexOf(';', i);
            v = value.mid(i, end < 0 ? -1 : end - i).trimmed();
            i = end;
        }
        params.append({key, v});
    }
    return params;
}

// RFC 8187 ext-value: charset'language'percent-encoded
QString decodeExtValue(const QByteArray &ext)
{
    const qsizetype first = ext.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : ext.indexOf('\'', first + 1);
    if (second < 0)
        return QString::fromUtf8(ext);
    const QByteArray bytes = QByteArray::fromPercentEncoding(ext.mid(second + 1));
    if (ext.left(first).compare("iso-8859-1", Qt::CaseInsensitive) == 0)
        return QString::fromLatin1(bytes);
    return QString::fromUtf8(bytes);
}

} // namespace

QByteArray MultipartReader::Part::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray MultipartReader::boundaryOf(const QByteArray &contentType)
{
    const qsizetype semi = contentType.indexOf(';');
    const QByteArray mime = contentType.left(semi).trimmed().toLower();
    if (mime != "multipart/form-data" && mime != "multipart/mixed")
        return {};
    for (const auto &p : headerParameters(contentType)) {
        // RFC 2046: 1 to 70 characters
        if (p.first == "boundary" && !p.second.isEmpty() && p.second.size() <= 70)
            return p.second;
    }
    return {};
}

MultipartReader::MultipartReader(QIODevice *source, const QByteArray &boundary)
    : m_source(source)
    , m_delimiter("\r\n--" + boundary)
    , m_matcher(m_delimiter)
    , m_buf("\r\n") // so the first boundary line matches the delimiter like every other one
{
    if (!m_source || !m_source->isReadable())
        fail(QStringLiteral("multipart: source is not readable"));
    else if (boundary.isEmpty())
        fail(QStringLiteral("multipart: no boundary"));
}

MultipartReader::~MultipartReader() = default;

bool MultipartReader::fill()
{
    if (m_sourceDone)
        return false;
    if (m_pos > 0 && m_pos >= m_buf.size() / 2) { // keep the window small and the copy cheap
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype old = m_buf.size();
    m_buf.resize(old + kReadChunk);
    const qint64 n = m_source->read(m_buf.data() + old, kReadChunk);
    m_buf.resize(old + std::max<qint64>(n, 0));
    if (n <= 0)
        m_sourceDone = true;
    return n > 0;
}

bool MultipartReader::ensure(qint64 bytes)
{
    while (m_buf.size() - m_pos < bytes) {
        if (!fill())
            return false;
    }
    return true;
}

bool MultipartReader::readNextPart(Part *part)
{
    if (m_state == State::PartBody || m_state == State::Preamble) {
        if (!consumeBody([](const char *, qint64) { return true; }))
            return false;
    }
    if (m_state != State::PartHeaders)
        return false;
    *part = Part();
    if (!parsePartHeaders(part))
        return false;
    m_state = State::PartBody;
    return true;
}

bool MultipartReader::parsePartHeaders(Part *part)
{
    qsizetype end = -1;
    qsizetype headEnd = -1;
    for (;;) {
        if (ensure(2) && m_buf.at(m_pos) == '\r' && m_buf.at(m_pos + 1) == '\n') {
            end = m_pos + 2; // a part without headers
            headEnd = m_pos;
            break;
        }
        const qsizetype found = m_buf.indexOf("\r\n\r\n", m_pos);
        if (found >= 0) {
            headEnd = found;
            end = found + 4;
            break;
        }
        if (m_buf.size() - m_pos > kMaxPartHeadSize || !fill()) {
            fail(m_sourceDone ? QStringLiteral("multipart: truncated part headers")
                              : QStringLiteral("multipart: part headers too large"));
            return false;
        }
    }
    if (headEnd - m_pos > kMaxPartHeadSize) {
        fail(QStringLiteral("multipart: part headers too large"));
        return false;
    }
    const QByteArray head = m_buf.mid(m_pos, headEnd - m_pos);
    m_pos = end;
    for (const QByteArray &line : head.split('\n')) {
        const QByteArray l = line.endsWith('\r') ? line.chopped(1) : line;
        if (l.isEmpty())
            continue;
        const qsizetype colon = l.indexOf(':');
        if (colon <= 0) {
            fail(QStringLiteral("multipart: malformed part header"));
            return false;
        }
        part->headers.append({l.left(colon).trimmed(), l.mid(colon + 1).trimmed()});
    }
    part->contentType = part->header("Content-Type");
    QByteArray extFileName;
    for (const auto &p : headerParameters(part->header("Content-Disposition"))) {
        if (p.first == "name") {
            part->name = p.second;
        } else if (p.first == "filename") {
            part->fileName = QString::fromUtf8(p.second);
            part->hasFileName = true;
        } else if (p.first == "filename*") {
            extFileName = p.second;
        }
    }
    if (!extFileName.isEmpty()) { // RFC 7578 §4.2 discourages it, but it wins when present
        part->fileName = decodeExtValue(extFileName);
        part->hasFileName = true;
    }
    return true;
}

bool MultipartReader::consumeBody(const std::function<bool(const char *, qint64)> &output)
{
    const qsizetype keep = m_delimiter.size() - 1; // a delimiter may start in this tail
    for (;;) {
        const qsizetype found = findDelimiter();
        if (found >= 0) {
            const bool ok = output(m_buf.constData() + m_pos, found - m_pos);
            m_pos = found + m_delimiter.size();
            if (!ok) {
                fail(QStringLiteral("multipart: cannot write part content"));
                return false;
            }
            afterDelimiter();
            return m_state != State::Error;
        }
        const qsizetype safe = m_buf.size() - keep;
        if (safe > m_pos) {
            if (!output(m_buf.constData() + m_pos, safe - m_pos)) {
                fail(QStringLiteral("multipart: cannot write part content"));
                return false;
            }
            m_pos = safe;
        }
        if (!fill()) {
            fail(QStringLiteral("multipart: body ends before the closing boundary"));
            return false;
        }
    }
}

qsizetype MultipartReader::findDelimiter() const
{
#ifdef __GLIBC__
    // glibc's memmem (two-way with SIMD) scans about 3x faster than QByteArray::indexOf, and this
    // scan is most of the cost of a multi-GiB form upload.
    const void *hit = memmem(m_buf.constData() + m_pos, size_t(m_buf.size() - m_pos), m_delimiter.constData(),
                             size_t(m_delimiter.size()));
    return hit ? static_cast<const char *>(hit) - m_buf.constData() : -1;
#else
    return m_matcher.indexIn(m_buf, m_pos);
#endif
}

void MultipartReader::afterDelimiter()
{
    if (!ensure(2)) {
        fail(QStringLiteral("multipart: body ends inside a boundary line"));
        return;
    }
    if (m_buf.at(m_pos) == '-' && m_buf.at(m_pos + 1) == '-') {
        m_state = State::End; // the close delimiter; an epilogue, if any, is ignored
        return;
    }
    // Transport padding (RFC 2046 §5.1.1), then CRLF.
    for (;;) {
        if (!ensure(1)) {
            fail(QStringLiteral("multipart: body ends inside a boundary line"));
            return;
        }
        const char c = m_buf.at(m_pos);
        if (c != ' ' && c != '\t')
            break;
        ++m_pos;
    }
    if (ensure(2) && m_buf.at(m_pos) == '\r' && m_buf.at(m_pos + 1) == '\n') {
        m_pos += 2;
        m_state = State::PartHeaders;
    } else if (m_buf.at(m_pos) == '\n') {
        ++m_pos;
        m_state = State::PartHeaders;
    } else {
        fail(QStringLiteral("multipart: garbage after a boundary"));
    }
}

qint64 MultipartReader::readBody(QIODevice *sink)
{
    if (m_state != State::PartBody)
        return -1;
    qint64 written = 0;
    const bool ok = consumeBody([&](const char *data, qint64 size) {
        if (size == 0)
            return true;
        if (sink->write(data, size) != size)
            return false;
        written += size;
        return true;
    });
    return ok ? written : -1;
}

bool MultipartReader::readBody(QByteArray *out, qint64 maxSize)
{
    if (m_state != State::PartBody)
        return false;
    out->clear();
    bool tooLarge = false;
    const bool ok = consumeBody([&](const char *data, qint64 size) {
        if (out->size() + size > maxSize)
            tooLarge = true;
        else
            out->append(data, size);
        return true; // keep reading to stay in step with the body; report afterwards
    });
    if (tooLarge)
        out->clear();
    return ok && !tooLarge;
}

bool MultipartReader::readAll(QList<QPair<QByteArray, QByteArray>> *fields,
                              const std::function<QIODevice *(const Part &)> &fileSink, qint64 maxFieldSize)
{
    Part part;
    while (readNextPart(&part)) {
        if (part.isFile()) {
            QIODevice *sink = fileSink ? fileSink(part) : nullptr;
            if (sink && readBody(sink) < 0)
                return false;
        } else {
            QByteArray value;
            if (!readBody(&value, maxFieldSize)) {
                if (!hasError())
                    fail(
                        QStringLiteral("multipart: field %1 is too large").arg(QString::fromUtf8(part.name)));
                return false;
            }
            fields->append({part.name, value});
        }
    }
    return atEnd();
}

void MultipartReader::fail(const QString &message)
{
    m_state = State::Error;
    m_error = message;
}

} // namespace sandbox
