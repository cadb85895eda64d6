#pragma once

#include "http/httpmessage.h"

#include <QByteArray>
#include <QByteArrayMatcher>
#include <QIODevice>
#include <QString>

#include <functional>

namespace sandbox {

// Reads a multipart/form-data body (RFC 7578) from a QIODevice front to back, one part at a time,
// never holding more than a small window of it in memory, so a 2 GiB file part costs ~1 MiB of
// RSS. The source is a complete body (HttpRequest::bodyDevice()), so reads never wait.
//
//     MultipartReader reader(device.get(), MultipartReader::boundaryOf(request.header("Content-Type")));
//     MultipartReader::Part part;
//     while (reader.readNextPart(&part)) {
//         if (part.isFile()) reader.readBody(&blobFile); else reader.readBody(&value, 1 << 20);
//     }
//     if (reader.hasError()) …   // truncated or malformed body
class MultipartReader final
{
    Q_DISABLE_COPY_MOVE(MultipartReader)

public:
    struct Part
    {
        HeaderList headers;
        QByteArray name; // the form field name (Content-Disposition name=)
        QString fileName; // Content-Disposition filename= (or filename*=), UTF-8 decoded
        bool hasFileName = false; // a file part, even when the browser sent filename=""
        QByteArray contentType; // empty if the part has none (text/plain by RFC 7578)

        bool isFile() const { return hasFileName; }
        QByteArray header(const QByteArray &name) const;
    };

    static constexpr qint64 kReadChunk = 1024 * 1024;
    static constexpr int kMaxPartHeadSize = 16 * 1024;

    // The boundary parameter of a multipart/form-data Content-Type; empty if it is not one.
    static QByteArray boundaryOf(const QByteArray &contentType);

    MultipartReader(QIODevice *source, const QByteArray &boundary);
    ~MultipartReader();

    // Moves to the next part (skipping the rest of the current one) and reads its headers.
    // false at the end of the body or on error.
    bool readNextPart(Part *part);
    // The current part's content: streamed to sink (returns bytes written, -1 on error), or
    // collected in memory (false on error or when it is larger than maxSize).
    qint64 readBody(QIODevice *sink);
    bool readBody(QByteArray *out, qint64 maxSize);

    // Convenience: every part in order; fields (parts without filename) of up to maxFieldSize bytes
    // go to `fields`; a file part goes to the device fileSink returns for it (nullptr: skipped).
    bool readAll(QList<QPair<QByteArray, QByteArray>> *fields,
                 const std::function<QIODevice *(const Part &)> &fileSink, qint64 maxFieldSize = 1024 * 1024);

    bool atEnd() const { return m_state == State::End; }
    bool hasError() const { return m_state == State::Error; }
    QString errorString() const { return m_error; }

private:
    enum class State { Preamble, PartHeaders, PartBody, End, Error };

    bool fill(); // appends the next slice of the source; false when the source is exhausted
    bool ensure(qint64 bytes); // at least `bytes` unread bytes buffered (false at source end)
    bool consumeBody(const std::function<bool(const char *, qint64)> &output);
    qsizetype findDelimiter() const; // from m_pos; -1 if not in the buffer
    void afterDelimiter();
    bool parsePartHeaders(Part *part);
    void fail(const QString &message);

    QIODevice *m_source;
    QByteArray m_delimiter; // CRLF "--" boundary
    QByteArrayMatcher m_matcher; // of m_delimiter (where memmem is not available)
    QByteArray m_buf;
    qint64 m_pos = 0;
    bool m_sourceDone = false;
    State m_state = State::Preamble;
    QString m_error;
};

} // namespace sandbox
