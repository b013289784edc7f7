#include "ConsoleTranslations.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

// Every source string with a %n in a tr() call of ui/ and app/, adjacent literals joined.
QSet<QString> pluralSourcesInCode()
{
    QSet<QString> sources;
    static const QRegularExpression call(uR"re(\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+))re"_s);
    static const QRegularExpression literal(uR"re("((?:[^"\\]|\\.)*)")re"_s);
    for (const QString &folder : {u"ui"_s, u"app"_s}) {
        QDirIterator files(QStringLiteral(KEYDESK_SOURCE_DIR) + u'/' + folder, {u"*.cpp"_s},
                           QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            for (const QRegularExpressionMatch &match : call.globalMatch(text)) {
                QString joined;
                for (const QRegularExpressionMatch &part : literal.globalMatch(match.captured(1)))
                    joined += part.captured(1);
                if (joined.contains(u"%n"_s))
                    sources.insert(joined.replace(u"\\\""_s, u"\""_s));
            }
        }
    }
    return sources;
}

struct Entry
{
    QString source;
    QStringList forms;
    bool unfinished = false;
};

QList<Entry> entriesOf(const QString &path)
{
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return entries;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"message"_s) {
            entries.append(Entry {});
        } else if (xml.name() == u"source"_s && !entries.isEmpty()) {
            entries.last().source = xml.readElementText();
        } else if (xml.name() == u"translation"_s && !entries.isEmpty()) {
            entries.last().unfinished = xml.attributes().value(u"type"_s) == u"unfinished"_s;
        } else if (xml.name() == u"numerusform"_s && !entries.isEmpty()) {
            entries.last().forms.append(xml.readElementText());
        }
    }
    return entries;
}

} // namespace

// The English plural forms: "1 key" and "2 keys" where the code says "%n key(s)". Every plural
// string in the code has its English forms, so a new one cannot ship as "1 key(s)".
class TestConsoleTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(keydesk::installConsoleTranslations(qApp)); }

    void pluralsReadAsEnglish()
    {
        QCOMPARE(QCoreApplication::translate("KeyUsageText", "%n key(s)", nullptr, 1), u"1 key"_s);
        QCOMPARE(QCoreApplication::translate("KeyUsageText", "%n key(s)", nullptr, 3), u"3 keys"_s);
        QCOMPARE(QCoreApplication::translate("keydesk::VerificationDialog", "%n attempts left.",
                                             nullptr, 1),
                 u"1 attempt left."_s);
        QCOMPARE(QCoreApplication::translate("keydesk::MainWindow",
                                             "%n profile(s) lack their secret in the keychain: %1",
                                             nullptr, 1)
                     .arg(u"Production"_s),
                 u"1 profile lacks its secret in the keychain: Production"_s);
    }

    void everyPluralOfTheCodeHasItsForms()
    {
        const QList<Entry> entries
            = entriesOf(QStringLiteral(KEYDESK_SOURCE_DIR) + u"/translations/keydesk_en.ts"_s);
        QVERIFY(!entries.isEmpty());
        QSet<QString> translated;
        for (const Entry &entry : entries) {
            QVERIFY2(!entry.unfinished, qPrintable(entry.source));
            QCOMPARE(entry.forms.size(), 2);
            for (const QString &form : entry.forms) {
                QVERIFY2(form.contains(u"%n"_s), qPrintable(form));
                QVERIFY2(!form.contains(u"(s)"_s), qPrintable(form));
                QCOMPARE(form.count(u'%'), entry.source.count(u'%'));
            }
            translated.insert(entry.source);
        }
        const QSet<QString> inCode = pluralSourcesInCode();
        QVERIFY(inCode.size() >= 10); // the scan finds them at all
        for (const QString &source : inCode)
            QVERIFY2(translated.contains(source),
                     qPrintable(u"no English plural forms for: "_s + source
                                + u" (run lupdate -pluralonly, see translations/README.md)"_s));
    }
};

QTEST_GUILESS_MAIN(TestConsoleTranslations)
#include "TestConsoleTranslations.moc"
