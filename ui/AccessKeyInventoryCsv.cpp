#include "AccessKeyInventoryCsv.h"

#include <QDir>
#include <QSaveFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {

// Untranslated on purpose: the file is read by scripts.
QString statusText(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Active:
        return u"Active"_s;
    case KeyStatus::Inactive:
        return u"Inactive"_s;
    case KeyStatus::Expired:
        return u"Expired"_s;
    case KeyStatus::Revoked:
        return u"Revoked"_s;
    case KeyStatus::Invalid:
        return u"Invalid"_s;
    }
    return {};
}

// Space-separated, so that no locale's spreadsheet splits the field (some use ';').
QString flagsText(AccessKeyFlags flags)
{
    QStringList words;
    if (flags.testFlag(AccessKeyFlag::Old))
        words.append(u"Old"_s);
    if (flags.testFlag(AccessKeyFlag::Unused))
        words.append(u"Unused"_s);
    if (flags.testFlag(AccessKeyFlag::Inactive))
        words.append(u"Inactive"_s);
    return words.join(u' ');
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QByteArray AccessKeyInventoryCsv::header()
{
    return "User,AccessKeyId,Status,Created,LastUsed,Flags\r\n"_ba;
}

QByteArray AccessKeyInventoryCsv::field(QStringView text)
{
    QString value = text.toString();
    // OWASP "CSV injection": a spreadsheet runs a cell starting with these as a formula.
    static const QString formulaStarts = u"=+-@\t\r"_s;
    if (!value.isEmpty() && formulaStarts.contains(value.front()))
        value.prepend(u'\'');
    const bool quote = value.contains(u',') || value.contains(u'"') || value.contains(u'\n')
        || value.contains(u'\r');
    if (quote)
        value = u'"' + value.replace(u'"', u"\"\""_s) + u'"';
    return value.toUtf8();
}

QByteArray AccessKeyInventoryCsv::toCsv(const QList<AccessKeyRow> &rows)
{
    QByteArray csv = header();
    for (const AccessKeyRow &row : rows) {
        // The root account has no user name; AWS's credential report writes <root_account>.
        const QString user = row.user.isEmpty() ? u"<root account>"_s : row.user;
        const QByteArrayList fields {field(user),
                                     field(row.accessKeyId),
                                     field(statusText(row.status)),
                                     field(isoUtc(row.created)),
                                     field(isoUtc(row.lastUsed)),
                                     field(flagsText(row.flags))};
        csv += fields.join(',') + "\r\n"_ba;
    }
    return csv;
}

AccessKeyInventoryCsv::Error AccessKeyInventoryCsv::write(const QString &path,
                                                          const QList<AccessKeyRow> &rows)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {Error::Kind::CannotOpen,
                tr("The report cannot be saved as %1: %2.").arg(shown, file.errorString())};
    }
    const QByteArray csv = toCsv(rows);
    if (file.write(csv) != csv.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return {Error::Kind::CannotWrite,
                tr("The report could not be written to %1: %2. The file was not changed.")
                    .arg(shown, reason)};
    }
    return {};
}

} // namespace keydesk
