#pragma once

#include <QList>
#include <QSslError>
#include <QString>

namespace keydesk {

// The TLS errors of a call for the person: each error with the certificate's subject, issuer,
// validity and SHA-256 fingerprint.
QString describeTlsErrors(const QList<QSslError> &errors);

} // namespace keydesk
