#pragma once

#include <QByteArray>
#include <QIODevice>

#include <algorithm>

namespace keydesk {

// The body of a call that must not be carried out twice. When a connection drops before the
// first byte of the answer, Qt sends the request again by itself, whatever its method
// (QHttpNetworkConnectionChannel's reconnect attempts): a create could be carried out twice,
// and the second key's secret, shown once, never seen. Qt can only send again what it can
// rewind, so this body never rewinds: such a resend fails with
// QNetworkReply::ContentReSendError, reported as a network error. (An authentication challenge
// is answered by HttpJob with a request of its own, and a body of its own.)
class OnceBody final : public QIODevice
{
public:
    explicit OnceBody(QByteArray body)
        : m_body(std::move(body))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    qint64 size() const override { return m_body.size(); }
    qint64 bytesAvailable() const override { return m_body.size() - m_read; }
    bool atEnd() const override { return m_read >= m_body.size(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = qMin(maxSize, m_body.size() - m_read);
        std::copy_n(m_body.constData() + m_read, count, data);
        m_read += count;
        return count;
    }
    qint64 writeData(const char * /*data*/, qint64 /*size*/) override { return -1; }

private:
    const QByteArray m_body;
    qint64 m_read = 0;
};

} // namespace keydesk
