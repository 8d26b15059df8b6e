#include "transport/tlstransport.h"

#include "logging.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <cstring>

namespace mqtt {

namespace {

// The SSL ex_data slot that carries the VerifyFailure for the verification callback.
int verifyFailureIndex()
{
    static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
    return index;
}

QString nameText(X509_NAME *name)
{
    if (!name)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    const QString text = QString::fromUtf8(data, int(length));
    BIO_free(bio);
    return text;
}

int verifyCallback(int preverifyOk, X509_STORE_CTX *store)
{
    if (preverifyOk)
        return preverifyOk;
    auto *ssl = static_cast<SSL *>(
        X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto *failure = ssl ? static_cast<TlsTransport::VerifyFailure *>(
                              SSL_get_ex_data(ssl, verifyFailureIndex()))
                        : nullptr;
    if (failure && failure->error == 0) {
        failure->error = X509_STORE_CTX_get_error(store);
        failure->depth = X509_STORE_CTX_get_error_depth(store);
        if (X509 *cert = X509_STORE_CTX_get_current_cert(store))
            failure->subject = nameText(X509_get_subject_name(cert));
        if (X509 *leaf = X509_STORE_CTX_get0_cert(store))
            failure->leafSubject = nameText(X509_get_subject_name(leaf));
    }
    return preverifyOk;
}

int passphraseCallback(char *buffer, int size, int, void *userData)
{
    const auto *passphrase = static_cast<const QByteArray *>(userData);
    if (!passphrase || passphrase->size() > size)
        return 0;
    std::memcpy(buffer, passphrase->constData(), size_t(passphrase->size()));
    return int(passphrase->size());
}

// Everything in OpenSSL's error queue, oldest first, as "reason; reason". Empties the queue.
QString openSslErrors()
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(code, text, sizeof(text));
        const char *reason = ERR_reason_error_string(code);
        reasons << (reason ? QString::fromLatin1(reason) : QString::fromLatin1(text));
    }
    reasons.removeDuplicates();
    return reasons.join(QLatin1String("; "));
}

} // namespace

TlsTransport::TlsTransport(const TlsOptions &options)
    : m_options(options)
{
}

TlsTransport::~TlsTransport()
{
    close();
}

QString TlsTransport::securityWarning() const
{
    if (!m_options.insecure)
        return {};
    return QStringLiteral("TLS certificate verification is OFF (insecure): the broker's identity "
                          "is not checked and the connection can be intercepted");
}

bool TlsTransport::setUpContext(const QString &verifyName)
{
    ERR_clear_error();
    m_ctx = SSL_CTX_new(TLS_client_method());
    if (!m_ctx) {
        fail(QStringLiteral("cannot create a TLS context"));
        return false;
    }
    SSL_CTX_set_min_proto_version(m_ctx, TLS1_2_VERSION);

    if (!m_options.caFile.isEmpty() || !m_options.caPath.isEmpty()) {
        const QByteArray file = m_options.caFile.toLocal8Bit();
        const QByteArray path = m_options.caPath.toLocal8Bit();
        if (SSL_CTX_load_verify_locations(m_ctx, file.isEmpty() ? nullptr : file.constData(),
                                          path.isEmpty() ? nullptr : path.constData()) != 1) {
            fail(QStringLiteral("cannot load CA certificates from %1")
                     .arg(m_options.caFile.isEmpty() ? m_options.caPath : m_options.caFile));
            return false;
        }
    } else if (SSL_CTX_set_default_verify_paths(m_ctx) != 1) {
        fail(QStringLiteral("cannot load the system CA certificates"));
        return false;
    }

    if (!m_options.certFile.isEmpty() || !m_options.keyFile.isEmpty()) {
        if (m_options.certFile.isEmpty() || m_options.keyFile.isEmpty()) {
            fail(QStringLiteral("a client certificate needs both a certificate and a key file"));
            return false;
        }
        SSL_CTX_set_default_passwd_cb(m_ctx, passphraseCallback);
        SSL_CTX_set_default_passwd_cb_userdata(m_ctx, &m_options.keyPassphrase);
        if (SSL_CTX_use_certificate_chain_file(m_ctx, m_options.certFile.toLocal8Bit().constData()) != 1) {
            fail(QStringLiteral("cannot load the client certificate %1").arg(m_options.certFile));
            return false;
        }
        if (SSL_CTX_use_PrivateKey_file(m_ctx, m_options.keyFile.toLocal8Bit().constData(),
                                        SSL_FILETYPE_PEM) != 1) {
            fail(QStringLiteral("cannot load the client key %1%2")
                     .arg(m_options.keyFile,
                          m_options.keyPassphrase.isEmpty() ? QString()
                                                            : QStringLiteral(" (wrong passphrase?)")));
            return false;
        }
        if (SSL_CTX_check_private_key(m_ctx) != 1) {
            fail(QStringLiteral("the client key %1 does not match the certificate %2")
                     .arg(m_options.keyFile, m_options.certFile));
            return false;
        }
    }

    m_ssl = SSL_new(m_ctx);
    if (!m_ssl) {
        fail(QStringLiteral("cannot create a TLS session"));
        return false;
    }
    m_readBio = BIO_new(BIO_s_mem());
    m_writeBio = BIO_new(BIO_s_mem());
    // An empty memory BIO means "would block", not end of file.
    BIO_set_mem_eof_return(m_readBio, -1);
    BIO_set_mem_eof_return(m_writeBio, -1);
    SSL_set_bio(m_ssl, m_readBio, m_writeBio);
    SSL_set_connect_state(m_ssl);
    SSL_set_mode(m_ssl, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_set_ex_data(m_ssl, verifyFailureIndex(), &m_verifyFailure);

    const QByteArray name = verifyName.toUtf8();
    const bool isIpLiteral = !QHostAddress(verifyName).isNull();
    // SNI carries names only (RFC 6066), never IP addresses.
    if (!name.isEmpty() && !isIpLiteral)
        SSL_set_tlsext_host_name(m_ssl, name.constData());

    if (m_options.insecure) {
        SSL_set_verify(m_ssl, SSL_VERIFY_NONE, nullptr);
    } else {
        SSL_set_verify(m_ssl, SSL_VERIFY_PEER, verifyCallback);
        X509_VERIFY_PARAM *param = SSL_get0_param(m_ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        const int ok = isIpLiteral ? X509_VERIFY_PARAM_set1_ip_asc(param, name.constData())
                                   : X509_VERIFY_PARAM_set1_host(param, name.constData(), 0);
        if (name.isEmpty() || ok != 1) {
            fail(QStringLiteral("cannot verify the broker as \"%1\"").arg(verifyName));
            return false;
        }
    }

    if (!m_options.alpn.isEmpty()) {
        QByteArray wire;
        for (const QString &protocol : std::as_const(m_options.alpn)) {
            const QByteArray bytes = protocol.toUtf8();
            if (bytes.isEmpty() || bytes.size() > 255) {
                fail(QStringLiteral("invalid ALPN protocol \"%1\"").arg(protocol));
                return false;
            }
            wire.append(char(bytes.size())).append(bytes);
        }
        if (SSL_set_alpn_protos(m_ssl, reinterpret_cast<const unsigned char *>(wire.constData()),
                                unsigned(wire.size())) != 0) {
            fail(QStringLiteral("cannot set ALPN"));
            return false;
        }
    }
    return true;
}

bool TlsTransport::open(const QString &hostName, const QHostAddress &address, quint16 port)
{
    close();
    m_error.clear();
    m_errorKind = ErrorKind::Network;
    m_receivedData = false;
    m_verifyFailure = VerifyFailure();
    m_closeNotify = false;
    m_peer = QStringLiteral("%1:%2").arg(hostName.isEmpty() ? address.toString() : hostName).arg(port);
    const QString verifyName = !m_options.serverName.isEmpty()
                                   ? m_options.serverName
                                   : (hostName.isEmpty() ? address.toString() : hostName);
    if (!setUpContext(verifyName))
        return false;
    if (!m_tcp.open(hostName, address, port)) {
        failFromTcp(Status::Error);
        return false;
    }
    m_state = State::Connecting;
    if (m_tcp.isReady()) {
        m_state = State::Handshaking;
        if (handshake() == Status::Error)
            return false;
    }
    return true;
}

void TlsTransport::close()
{
    if (m_ssl && m_state == State::Ready) {
        // Best effort close_notify; the socket is going away either way.
        SSL_shutdown(m_ssl);
        collectCipher();
        flushCipher();
    }
    m_tcp.close();
    if (m_ssl)
        SSL_free(m_ssl);   // frees both BIOs
    if (m_ctx)
        SSL_CTX_free(m_ctx);
    m_ssl = nullptr;
    m_ctx = nullptr;
    m_readBio = nullptr;
    m_writeBio = nullptr;
    m_cipherIn.clear();
    m_cipherOut.clear();
    if (m_state != State::Failed)
        m_state = State::Closed;
}

bool TlsTransport::needsWrite() const
{
    return m_tcp.needsWrite() || !m_cipherOut.isEmpty();
}

Transport::Status TlsTransport::fail(const QString &what)
{
    QString text = what;
    const QString reasons = openSslErrors();
    if (!reasons.isEmpty())
        text += QStringLiteral(": ") + reasons;
    if (m_verifyFailure.error != 0) {
        text += QStringLiteral(" (certificate verification: %1")
                    .arg(QString::fromLatin1(X509_verify_cert_error_string(m_verifyFailure.error)));
        if (!m_verifyFailure.subject.isEmpty())
            text += QStringLiteral("; certificate subject: %1").arg(m_verifyFailure.subject);
        if (!m_verifyFailure.leafSubject.isEmpty() && m_verifyFailure.leafSubject != m_verifyFailure.subject)
            text += QStringLiteral("; server certificate: %1").arg(m_verifyFailure.leafSubject);
        text += QLatin1Char(')');
    } else if (m_ssl) {
        const QString subject = peerCertificateSubject();
        if (!subject.isEmpty())
            text += QStringLiteral(" (server certificate subject: %1)").arg(subject);
    }
    m_error = text;
    m_errorKind = ErrorKind::Tls;
    qCDebug(lcMqttTransport) << "tls:" << m_error;
    const bool wasReady = m_state == State::Ready;
    m_state = State::Failed;
    if (!wasReady) {
        m_tcp.close();
    }
    return Status::Error;
}

Transport::Status TlsTransport::failFromTcp(Status status)
{
    const bool duringHandshake = m_state == State::Connecting || m_state == State::Handshaking;
    m_error = m_tcp.errorString();
    m_errorKind = m_tcp.errorKind();
    if (status == Status::Error && m_state == State::Handshaking) {
        // TCP was up, the handshake was not: a reset here usually means a peer that does not
        // speak TLS (a plain listener) or rejected our hello.
        m_error = QStringLiteral("TLS handshake with %1 failed: %2").arg(m_peer, m_error);
        m_errorKind = ErrorKind::Tls;
    } else if (status == Status::Closed && duringHandshake) {
        // A broker that rejects us (our certificate, protocol version) may just hang up.
        m_error = QStringLiteral("connection closed by %1 during the TLS handshake").arg(m_peer);
        m_errorKind = ErrorKind::Tls;
        status = Status::Error;
    } else if (m_state == State::Ready && !m_receivedData) {
        // TLS 1.3: the client finishes its handshake before the server has checked our
        // certificate, so a broker that refuses it drops the connection right after, before
        // sending a single byte of data. Blame TLS, not the network.
        m_error = QStringLiteral("%1 dropped the connection right after the TLS handshake, before any "
                                 "data (our client certificate refused?): %2")
                      .arg(m_peer, status == Status::Closed ? QStringLiteral("closed") : m_error);
        m_errorKind = ErrorKind::Tls;
        status = Status::Error;
    }
    m_state = status == Status::Closed ? State::Closed : State::Failed;
    return status;
}

void TlsTransport::collectCipher()
{
    if (!m_writeBio)
        return;
    const size_t pending = BIO_ctrl_pending(m_writeBio);
    if (pending == 0)
        return;
    const qsizetype before = m_cipherOut.size();
    m_cipherOut.resize(before + qsizetype(pending));
    const int n = BIO_read(m_writeBio, m_cipherOut.data() + before, int(pending));
    m_cipherOut.resize(before + qMax(n, 0));
}

Transport::Status TlsTransport::flushCipher()
{
    if (m_cipherOut.isEmpty() || !m_tcp.isReady())
        return Status::Ok;
    const qint64 n = m_tcp.write(m_cipherOut.constData(), m_cipherOut.size());
    if (n < 0)
        return failFromTcp(Status::Error);
    m_cipherOut.remove(0, qsizetype(n));
    return Status::Ok;
}

Transport::Status TlsTransport::handshake()
{
    ERR_clear_error();
    const int rc = SSL_do_handshake(m_ssl);
    collectCipher();
    if (flushCipher() != Status::Ok)
        return Status::Error;
    if (rc == 1) {
        m_state = State::Ready;
        qCDebug(lcMqttTransport) << "tls: handshake done with" << m_peer << protocolVersion()
                                 << "peer" << peerCertificateSubject();
        return Status::Ok;
    }
    const int error = SSL_get_error(m_ssl, rc);
    if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
        return Status::Ok;
    return fail(QStringLiteral("TLS handshake with %1 failed").arg(m_peer));
}

Transport::Status TlsTransport::handleWritable()
{
    switch (m_state) {
    case State::Connecting: {
        const Status status = m_tcp.handleWritable();
        if (status != Status::Ok)
            return failFromTcp(status);
        if (!m_tcp.isReady())
            return Status::Ok;
        m_state = State::Handshaking;
        return handshake();
    }
    case State::Handshaking:
    case State::Ready:
        return flushCipher();
    case State::Closed:
    case State::Failed:
        break;
    }
    if (m_error.isEmpty())
        m_error = QStringLiteral("not connected");
    return Status::Error;
}

Transport::Status TlsTransport::decrypt(QByteArray &out)
{
    constexpr int Chunk = 64 * 1024;
    for (;;) {
        const qsizetype before = out.size();
        out.resize(before + Chunk);
        size_t n = 0;
        ERR_clear_error();
        const int rc = SSL_read_ex(m_ssl, out.data() + before, Chunk, &n);
        out.resize(before + qsizetype(rc == 1 ? n : 0));
        if (rc == 1) {
            m_receivedData = m_receivedData || n > 0;
            continue;
        }
        const int error = SSL_get_error(m_ssl, rc);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return Status::Ok;
        if (error == SSL_ERROR_ZERO_RETURN) {
            m_closeNotify = true;
            m_error = QStringLiteral("TLS connection closed by %1").arg(m_peer);
            m_state = State::Closed;
            return Status::Closed;
        }
        return fail(QStringLiteral("TLS error from %1").arg(m_peer));
    }
}

Transport::Status TlsTransport::read(QByteArray &out)
{
    if (m_state == State::Closed || m_state == State::Failed || !m_ssl) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return Status::Error;
    }
    const Status tcpStatus = m_tcp.read(m_cipherIn);
    if (tcpStatus == Status::Error)
        return failFromTcp(tcpStatus);
    if (m_state == State::Connecting) {
        if (!m_tcp.isReady())
            return Status::Ok;
        m_state = State::Handshaking;
    }
    if (!m_cipherIn.isEmpty()) {
        BIO_write(m_readBio, m_cipherIn.constData(), int(m_cipherIn.size()));
        m_cipherIn.clear();
    }

    Status status = Status::Ok;
    if (m_state == State::Handshaking)
        status = handshake();
    if (status == Status::Ok && m_state == State::Ready)
        status = decrypt(out);
    // Reading may have produced bytes to send (handshake, key update, alerts).
    collectCipher();
    if (status == Status::Ok)
        status = flushCipher();
    if (status == Status::Ok && tcpStatus == Status::Closed)
        return failFromTcp(Status::Closed);
    return status;
}

qint64 TlsTransport::write(const char *data, qint64 size)
{
    if (m_state != State::Ready) {
        if (m_state == State::Connecting || m_state == State::Handshaking)
            return 0;
        if (m_error.isEmpty())
            m_error = QStringLiteral("not connected");
        return -1;
    }
    if (flushCipher() != Status::Ok)
        return -1;
    qint64 taken = 0;
    while (taken < size && m_cipherOut.size() < MaxQueuedCipher) {
        size_t n = 0;
        ERR_clear_error();
        const int rc = SSL_write_ex(m_ssl, data + taken, size_t(qMin<qint64>(size - taken, 16384)), &n);
        if (rc == 1) {
            taken += qint64(n);
            collectCipher();
            continue;
        }
        const int error = SSL_get_error(m_ssl, rc);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            break;   // retried by the client's next loopWrite()
        fail(QStringLiteral("TLS write to %1 failed").arg(m_peer));
        return -1;
    }
    if (flushCipher() != Status::Ok)
        return -1;
    return taken;
}

QString TlsTransport::peerCertificateSubject() const
{
    if (!m_ssl)
        return {};
    X509 *cert = SSL_get0_peer_certificate(m_ssl);
    return cert ? nameText(X509_get_subject_name(cert)) : QString();
}

QString TlsTransport::protocolVersion() const
{
    return m_ssl ? QString::fromLatin1(SSL_get_version(m_ssl)) : QString();
}

QByteArray TlsTransport::negotiatedAlpn() const
{
    if (!m_ssl)
        return {};
    const unsigned char *data = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(m_ssl, &data, &length);
    return QByteArray(reinterpret_cast<const char *>(data), int(length));
}

} // namespace mqtt
