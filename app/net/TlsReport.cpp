#include "net/TlsReport.h"

#include "net/HttpClient.h"

#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace keydesk {

QString describeTlsErrors(const QList<QSslError> &errors)
{
    QStringList lines;
    for (const QSslError &error : errors) {
        QString line = error.errorString();
        const QSslCertificate certificate = error.certificate();
        if (!certificate.isNull()) {
            line += u"\n  "_s
                + HttpJob::tr("subject: %1")
                      .arg(certificate.subjectInfo(QSslCertificate::CommonName).join(u", "_s))
                + u"\n  "_s
                + HttpJob::tr("issuer: %1")
                      .arg(certificate.issuerInfo(QSslCertificate::CommonName).join(u", "_s))
                + u"\n  "_s
                + HttpJob::tr("valid: %1 to %2")
                      .arg(certificate.effectiveDate().toString(Qt::ISODate),
                           certificate.expiryDate().toString(Qt::ISODate))
                + u"\n  "_s
                + HttpJob::tr("SHA-256: %1")
                      .arg(QString::fromLatin1(
                          certificate.digest(QCryptographicHash::Sha256).toHex(':')));
        }
        lines.append(line);
    }
    return lines.join(u'\n');
}

} // namespace keydesk
