#include "core/store/sha256.h"

#ifdef TRESTLE_HAVE_OPENSSL
#include <openssl/evp.h>
#else
#include <QCryptographicHash>
#endif

#include <cstdlib>

namespace trestle {

#ifdef TRESTLE_HAVE_OPENSSL

struct Sha256::State
{
    EVP_MD_CTX *context = nullptr;
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
    m_state->context = EVP_MD_CTX_new();
    // Only fails when out of memory: nothing sensible is left to do then.
    if (!m_state->context || EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr) != 1)
        std::abort();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_state->context);
}

void Sha256::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_state->context, data.data(), size_t(data.size()));
}

QByteArray Sha256::takeResult()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->context, reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.truncate(int(length));
    EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr);
    return digest;
}

const char *Sha256::backend()
{
    return "OpenSSL";
}

#else

struct Sha256::State
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

Sha256::Sha256() : m_state(std::make_unique<State>()) { }

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data)
{
    m_state->hash.addData(data);
}

QByteArray Sha256::takeResult()
{
    const QByteArray digest = m_state->hash.result();
    m_state->hash.reset();
    return digest;
}

const char *Sha256::backend()
{
    return "Qt";
}

#endif

} // namespace trestle
