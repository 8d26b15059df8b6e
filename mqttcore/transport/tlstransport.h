#pragma once

#include "transport/tcptransport.h"
#include "transport/transportoptions.h"

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;
typedef struct bio_st BIO;

namespace mqtt {

// TLS with OpenSSL over a TcpTransport's own non-blocking fd. OpenSSL works on memory BIOs and
// this class moves the ciphertext through the socket, so OpenSSL never blocks and never asks
// for a retry of a specific call: a read that has to send (key update, alert) queues
// ciphertext, which shows as needsWrite(); a write that has to wait for the peer returns 0 and
// is retried after the next read().
class TlsTransport : public Transport
{
public:
    // The first certificate that failed verification, and why (filled during the handshake).
    struct VerifyFailure
    {
        int error = 0;   // X509_V_ERR_*, 0 = none
        int depth = -1;
        QString subject;       // the certificate that failed
        QString leafSubject;   // the server's own certificate
    };

    explicit TlsTransport(const TlsOptions &options);
    ~TlsTransport() override;
    TlsTransport(const TlsTransport &) = delete;
    TlsTransport &operator=(const TlsTransport &) = delete;

    bool open(const QString &hostName, const QHostAddress &address, quint16 port) override;
    void close() override;
    qintptr fd() const override { return m_tcp.fd(); }

    bool isReady() const override { return m_state == State::Ready; }
    bool needsWrite() const override;

    Status read(QByteArray &out) override;
    Status handleWritable() override;
    qint64 write(const char *data, qint64 size) override;

    QString errorString() const override { return m_error; }
    ErrorKind errorKind() const override { return m_errorKind; }
    QString name() const override { return QStringLiteral("tls"); }
    QString securityWarning() const override;

    // After the handshake: what was negotiated and who the peer is (for logs).
    QString peerCertificateSubject() const;
    QString protocolVersion() const;   // e.g. "TLSv1.3"
    QByteArray negotiatedAlpn() const;

    // write() stops taking bytes while this much ciphertext waits for the socket.
    static constexpr qsizetype MaxQueuedCipher = 512 * 1024;

private:
    enum class State { Closed, Connecting, Handshaking, Ready, Failed };

    bool setUpContext(const QString &verifyName);
    Status handshake();
    Status decrypt(QByteArray &out);
    void collectCipher();
    Status flushCipher();
    Status fail(const QString &what);
    Status failFromTcp(Status status);

    TlsOptions m_options;
    TcpTransport m_tcp;
    SSL_CTX *m_ctx = nullptr;
    SSL *m_ssl = nullptr;
    BIO *m_readBio = nullptr;    // ciphertext from the socket, owned by m_ssl
    BIO *m_writeBio = nullptr;   // ciphertext for the socket, owned by m_ssl
    QByteArray m_cipherIn;
    QByteArray m_cipherOut;
    State m_state = State::Closed;
    QString m_peer;
    QString m_error;
    ErrorKind m_errorKind = ErrorKind::Network;
    bool m_closeNotify = false;
    bool m_receivedData = false; // application data decrypted on this connection
    VerifyFailure m_verifyFailure;
};

} // namespace mqtt
