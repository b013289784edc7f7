#pragma once

#include "services/AccessKeyInventory.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

namespace keydesk {

// The AccessKey report as a CSV file for auditors and spreadsheets (RFC 4180: a header row,
// CRLF line ends, fields quoted when they hold a comma, a quote or a line break; UTF-8). Its
// texts are fixed English so that scripts can read it whatever the console's language; dates
// are ISO 8601 in UTC, "never used" an empty field. It holds what AccessKeyRow holds, which is
// never a secret. A field a spreadsheet would run as a formula (= + - @) starts with "'".
class AccessKeyInventoryCsv
{
    Q_DECLARE_TR_FUNCTIONS(AccessKeyInventoryCsv)

public:
    struct Error
    {
        enum class Kind {
            None,
            CannotOpen, // a folder, a folder that does not exist, no write permission
            CannotWrite, // the write or the final rename failed (disk full, …): nothing replaced
        };
        Kind kind = Kind::None;
        QString message; // names the file and what the system said

        explicit operator bool() const { return kind != Kind::None; }
    };

    static QByteArray header();
    static QByteArray toCsv(const QList<AccessKeyRow> &rows);
    // One field, quoted and neutralised as needed.
    static QByteArray field(QStringView text);
    // Writes toCsv(rows) to path atomically (QSaveFile): the file is whole or left as it was.
    static Error write(const QString &path, const QList<AccessKeyRow> &rows);
};

} // namespace keydesk
