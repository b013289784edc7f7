#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What TestTranslationFiles checks in a Qt Linguist .ts file, apart from the test so that the
// test can also show it on small broken files (data/). Each problem is one line that names the
// message's context and source text.
namespace TsFileCheck {

struct Message
{
    QString context;
    QString source;
    QString comment; // the disambiguation, part of what tells two messages apart
    QString type; // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    QStringList translations; // the one translation, or each plural form
};

struct File
{
    QString language;
    QString sourceLanguage;
    QList<Message> messages;
    QString error; // why the file could not be read; empty when it was
};

File read(const QString &path);

// How many plural forms a language's numerus messages have (en: 2, zh_CN: 1); 0 when unknown.
int pluralForms(const QString &language);

// The placeholders of a text: %1..%99, %L1, %n, %Ln.
QStringList placeholders(const QString &text);
// Whether a text has a keyboard accelerator: a single & before a character ("&&" is an &).
bool hasAccelerator(const QString &text);

// Unfinished, vanished or obsolete messages; a translation that lost or gained a placeholder of
// its source, or lost its keyboard accelerator; numerus messages with the wrong number of forms.
QStringList problems(const File &file);

// What lupdate changed: messages that `updated` (the file after lupdate ran over the code) has
// unfinished, vanished or obsolete and `original` did not, that is strings new in the code or
// gone from it.
QStringList syncProblems(const File &original, const File &updated);

// The lupdate arguments that bring a .ts file up to date with the code in folders
// (translations/README.md): the file's own languages, no source locations, and for a file in the
// source language (English) its plural forms only.
QStringList lupdateArguments(const File &file, const QStringList &folders, const QString &tsPath);

} // namespace TsFileCheck
