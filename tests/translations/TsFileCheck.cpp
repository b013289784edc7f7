#include "TsFileCheck.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace TsFileCheck {

namespace {

QString where(const Message &message)
{
    return message.context + u" \""_s + message.source + u'"';
}

QString key(const Message &message)
{
    return message.context + u'\x1f' + message.source + u'\x1f' + message.comment;
}

bool isOpen(const QString &type)
{
    return type == u"unfinished"_s || type == u"vanished"_s || type == u"obsolete"_s;
}

void readMessage(QXmlStreamReader &xml, const QString &context, QList<Message> &messages)
{
    Message message;
    message.context = context;
    message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source"_s) {
            message.source = xml.readElementText();
        } else if (xml.name() == u"comment"_s) {
            message.comment = xml.readElementText();
        } else if (xml.name() == u"translation"_s) {
            message.type = xml.attributes().value(u"type"_s).toString();
            if (!message.numerus) {
                message.translations = {xml.readElementText()};
                continue;
            }
            while (xml.readNextStartElement()) {
                if (xml.name() == u"numerusform"_s)
                    message.translations.append(xml.readElementText());
                else
                    xml.skipCurrentElement();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    messages.append(message);
}

} // namespace

File read(const QString &path)
{
    File file;
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        file.error = input.errorString();
        return file;
    }
    QXmlStreamReader xml(&input);
    if (!xml.readNextStartElement() || xml.name() != u"TS"_s) {
        file.error = u"not a .ts file"_s;
        return file;
    }
    file.language = xml.attributes().value(u"language"_s).toString();
    file.sourceLanguage = xml.attributes().value(u"sourcelanguage"_s).toString();
    while (xml.readNextStartElement()) {
        if (xml.name() != u"context"_s) {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name"_s)
                context = xml.readElementText();
            else if (xml.name() == u"message"_s)
                readMessage(xml, context, file.messages);
            else
                xml.skipCurrentElement();
        }
    }
    if (xml.hasError())
        file.error = xml.errorString();
    return file;
}

int pluralForms(const QString &language)
{
    if (language == u"en"_s || language.startsWith(u"en_"_s))
        return 2;
    if (language == u"zh_CN"_s)
        return 1;
    return 0;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(uR"(%L?(?:[1-9][0-9]?|n))"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression accelerator(uR"(&[^&\s])"_s);
    return QString(text).remove(u"&&"_s).contains(accelerator);
}

QStringList problems(const File &file)
{
    if (!file.error.isEmpty())
        return {u"the file cannot be read: "_s + file.error};
    QStringList found;
    const int forms = pluralForms(file.language);
    if (forms == 0)
        found.append(u"no plural rule known for the language \"%1\""_s.arg(file.language));
    for (const Message &message : file.messages) {
        if (isOpen(message.type)) {
            found.append(where(message) + u": "_s + message.type);
            continue;
        }
        if (message.numerus && forms > 0 && message.translations.size() != forms) {
            found.append(
                where(message)
                + u": %1 plural forms, %2 wanted"_s.arg(message.translations.size()).arg(forms));
        }
        const QStringList wanted = placeholders(message.source);
        for (const QString &translation : message.translations) {
            if (translation.isEmpty()) {
                found.append(where(message) + u": empty translation"_s);
                continue;
            }
            const QStringList has = placeholders(translation);
            if (has != wanted) {
                found.append(where(message)
                             + u": placeholders %1 in \"%2\", %3 in the source"_s.arg(
                                 has.join(u' '), translation, wanted.join(u' ')));
            }
            if (hasAccelerator(message.source) && !hasAccelerator(translation))
                found.append(where(message) + u": no keyboard accelerator in \""_s + translation
                             + u'"');
        }
    }
    return found;
}

QStringList syncProblems(const File &original, const File &updated)
{
    QSet<QString> wasOpen;
    QSet<QString> wasThere;
    for (const Message &message : original.messages) {
        wasThere.insert(key(message));
        if (isOpen(message.type))
            wasOpen.insert(key(message));
    }
    QStringList found;
    for (const Message &message : updated.messages) {
        if (!isOpen(message.type) || wasOpen.contains(key(message)))
            continue;
        found.append(where(message)
                     + (wasThere.contains(key(message))
                            ? u": no longer in the code (lupdate makes it %1)"_s.arg(message.type)
                            : u": new in the code, not in the file (lupdate adds it %1)"_s.arg(
                                message.type)));
    }
    return found;
}

QStringList lupdateArguments(const File &file, const QStringList &folders, const QString &tsPath)
{
    QStringList arguments;
    if (file.language == file.sourceLanguage)
        arguments << u"-pluralonly"_s;
    arguments << u"-source-language"_s << file.sourceLanguage << u"-target-language"_s
              << file.language << u"-locations"_s << u"none"_s;
    arguments << folders << u"-ts"_s << tsPath;
    return arguments;
}

} // namespace TsFileCheck
