#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// A byte search of files for secrets, to prove that a flow wrote none of them to disk
// (DESIGN.md §4). A secret is named so that a failure says which one was found without
// printing it.
struct NamedSecret
{
    QString name;
    QByteArray value;
};

// The forms in which a careless write might hold a value: raw, UTF-16, hex (both cases), and
// base64 (standard and URL-safe), the latter also as the part that any base64 text encoding
// the value at another offset must contain.
QList<QByteArray> secretForms(const QByteArray &secret);

// Every regular file under the roots, hidden ones included; links are not followed.
QStringList filesUnder(const QStringList &roots);

// "file: secret name" for each file under the roots holding a secret in any of its forms,
// and "file: unreadable" for a file that cannot be read.
QStringList findSecrets(const QStringList &roots, const QList<NamedSecret> &secrets);
