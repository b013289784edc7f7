#pragma once

#include <QDateTime>
#include <QString>

namespace keydesk {

// What went wrong, in one value that travels from the wire to the person: the kind decides
// what the console suggests next; the service's own code, message and request id are kept
// so a person can quote them to the vendor.
struct KeyError
{
    enum class Kind {
        None,
        LimitReached,
        NotPermitted,
        NotFound,
        VerificationNeeded,
        VerificationWrong,
        VerificationLocked,
        Credentials, // unknown or disabled AccessKey, wrong secret, signature refused
        Clock, // the request's time is too far from the server's
        Throttled,
        Network,
        Timeout,
        Tls,
        Server,
        InvalidInput,
        BadResponse, // the server answered something we cannot read
        Cancelled,
        TooLarge, // the answer, or a listing, is larger than the console accepts
        Insecure, // a secret would travel in clear text (http:// to a host not on this machine)
    };

    Kind kind = Kind::None;
    QString serviceCode;
    QString message;
    QString requestId;
    int httpStatus = 0;
    int attemptsLeft = -1; // VerificationWrong, when the service says
    QDateTime until; // VerificationLocked: locked until; Throttled: retry after
    QString details; // TLS: the certificate and what is wrong with it

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    // A vendor's error code (and HTTP status) as a kind; codes from every service's docs.
    static Kind kindForServiceCode(const QString &code, int httpStatus,
                                   const QString &message = {});
    static KeyError fromService(int httpStatus, const QString &code, const QString &message,
                                const QString &requestId);
    static KeyError make(Kind kind, const QString &message);

    // One line for logs and tooltips: "Code: message (request id …)". Never holds a secret.
    QString summary() const;
};

QString kindName(KeyError::Kind kind);

} // namespace keydesk
