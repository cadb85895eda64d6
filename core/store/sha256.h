#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace trestle {

// Incremental SHA-256 for the segmented upload's hashing pass (procore-api.md §6 B: every
// segment's sha256 goes into the create call, so the whole file is hashed before the first PUT).
// Uses OpenSSL's EVP when the build found it: with the CPU's SHA extensions it hashes at
// ~1.8 GB/s here, where QCryptographicHash's portable SHA-256 (Qt 6.4) managed ~90 MB/s and made
// a 1 GiB segmented upload take twice as long as the transfer itself. Falls back to
// QCryptographicHash otherwise. One object per thread; not copyable.
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);
    // The digest of everything added since the last reset (raw 32 bytes); resets the state.
    QByteArray takeResult();
    // Which implementation this build uses ("OpenSSL" or "Qt"), for benchmarks.
    static const char *backend();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace trestle
