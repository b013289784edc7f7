#include "ConsoleSettings.h"
#include "ConsoleTranslations.h"
#include "KeyActions.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

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

// Whether text has a Chinese character (CJK Unified Ideographs).
bool hasHan(const QString &text)
{
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

QString cancelButtonText()
{
    const QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    return buttons.button(QDialogButtonBox::Cancel)->text();
}

} // namespace

// The console's language: the setting, else the system's; its translations and Qt's installed,
// QLocale following. And the English plural forms: "1 key" and "2 keys" where the code says
// "%n key(s)"; every plural string in the code has its English forms, so that none ships as
// "1 key(s)".
class TestConsoleTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestConsoleTranslations"_s);
        QSettings().clear();
        QVERIFY(keydesk::installTranslations(qApp, u"en"_s));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void languageChosen_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QStringList>("uiLanguages");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("Chinese system")
            << QString() << QStringList {u"zh-Hans-CN"_s, u"zh-CN"_s, u"zh"_s} << u"zh_CN"_s;
        QTest::newRow("zh") << QString() << QStringList {u"zh"_s} << u"zh_CN"_s;
        QTest::newRow("zh_CN") << QString() << QStringList {u"zh_CN"_s} << u"zh_CN"_s;
        QTest::newRow("zh_Hans") << QString() << QStringList {u"zh_Hans"_s} << u"zh_CN"_s;
        QTest::newRow("Singapore") << QString() << QStringList {u"zh-SG"_s} << u"zh_CN"_s;
        QTest::newRow("Traditional")
            << QString() << QStringList {u"zh-TW"_s, u"zh-Hant-TW"_s} << u"en"_s;
        QTest::newRow("English system")
            << QString() << QStringList {u"en-GB"_s, u"zh-CN"_s} << u"en"_s;
        QTest::newRow("first spoken")
            << QString() << QStringList {u"de-DE"_s, u"zh-CN"_s} << u"zh_CN"_s;
        QTest::newRow("none spoken") << QString() << QStringList {u"fr-FR"_s, u"de"_s} << u"en"_s;
        QTest::newRow("C locale") << QString() << QStringList {u"C"_s} << u"en"_s;
        QTest::newRow("nothing") << QString() << QStringList {} << u"en"_s;
        QTest::newRow("set English") << u"en"_s << QStringList {u"zh-CN"_s} << u"en"_s;
        QTest::newRow("set Chinese") << u"zh_CN"_s << QStringList {u"en-US"_s} << u"zh_CN"_s;
        QTest::newRow("unknown setting") << u"fr"_s << QStringList {u"zh-CN"_s} << u"zh_CN"_s;
    }

    void languageChosen()
    {
        QFETCH(QString, setting);
        QFETCH(QStringList, uiLanguages);
        QFETCH(QString, chosen);
        QCOMPARE(keydesk::chooseConsoleLanguage(setting, uiLanguages), chosen);
    }

    // At start: the setting when there is one, else the system's languages.
    void startUsesTheSetting()
    {
        keydesk::ConsoleSettings::setLanguage(u"zh_CN"_s);
        QCOMPARE(keydesk::installConsoleTranslations(qApp), u"zh_CN"_s);
        QCOMPARE(cancelButtonText(), u"取消"_s);
        keydesk::ConsoleSettings::setLanguage(QString());
        QCOMPARE(keydesk::installConsoleTranslations(qApp),
                 keydesk::chooseConsoleLanguage(QString(), QLocale::system().uiLanguages()));
        QVERIFY(keydesk::installTranslations(qApp, u"en"_s));
    }

    // Qt's own strings (the standard buttons) come from the embedded qtbase_zh_CN.qm, dates and
    // numbers follow; back in English, nothing Chinese is left installed.
    void chineseForQtAndLocale()
    {
        QVERIFY(keydesk::installTranslations(qApp, u"zh_CN"_s));
        QCOMPARE(cancelButtonText(), u"取消"_s);
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        QCOMPARE(QLocale().script(), QLocale::SimplifiedHanScript);
        QCOMPARE(qApp->findChildren<QTranslator *>().size(), 3);

        QVERIFY(keydesk::installTranslations(qApp, u"en"_s));
        QCOMPARE(cancelButtonText(), u"Cancel"_s);
        QCOMPARE(QLocale().language(), QLocale::English);
        QCOMPARE(qApp->findChildren<QTranslator *>().size(), 1);
        QCOMPARE(QCoreApplication::translate("keydesk::SettingsDialog", "Settings"), u"Settings"_s);
    }

    // The console's own strings in Chinese, from translations/keydesk_zh_CN.ts; what they say
    // is the translators' (TestTranslationFiles checks the file), only that they are Chinese.
    void consoleStringsInChinese()
    {
        QVERIFY(keydesk::installTranslations(qApp, u"zh_CN"_s));
        const QStringList texts {
            QCoreApplication::translate("keydesk::SettingsDialog", "Settings"),
            QCoreApplication::translate("keydesk::SettingsDialog", "System default"),
            QCoreApplication::translate("keydesk::KeyActions", "&Refresh"),
            QCoreApplication::translate("KeyUsageText", "%n key(s)", nullptr, 3),
        };
        QVERIFY(keydesk::installTranslations(qApp, u"en"_s));
        for (const QString &text : texts)
            QVERIFY2(hasHan(text), qPrintable(text));
        QVERIFY2(texts.at(3).contains(u'3'), qPrintable(texts.at(3)));
    }

    // The key list's tool buttons show their texts without the accelerator in either language:
    // "Create…", "创建…", not "创建(C)…".
    void toolButtonTextsWithoutAccelerators()
    {
        const char *const sources[]
            = {"&Create…", "&View…",   "Copy &ID",          "&Test…", "&Disable", "&Enable",
               "De&lete…", "&Refresh", "AccessKey &report…"};
        static const QRegularExpression leftOver(uR"(&|\([A-Za-z]\))"_s);
        for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
            QVERIFY(keydesk::installTranslations(qApp, language));
            for (const char *source : sources) {
                const QString text = QCoreApplication::translate("keydesk::KeyActions", source);
                const QString shown = keydesk::KeyActions::withoutAccelerator(text);
                QVERIFY2(!shown.contains(leftOver), qPrintable(language + u": "_s + shown));
                QVERIFY2(!shown.isEmpty(), source);
            }
        }
        QVERIFY(keydesk::installTranslations(qApp, u"en"_s));
        QCOMPARE(keydesk::KeyActions::withoutAccelerator(u"De&lete…"_s), u"Delete…"_s);
        QCOMPARE(keydesk::KeyActions::withoutAccelerator(u"删除(&L)…"_s), u"删除…"_s);
        QCOMPARE(keydesk::KeyActions::withoutAccelerator(u"Keys && values"_s), u"Keys & values"_s);
    }

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

QTEST_MAIN(TestConsoleTranslations)
#include "TestConsoleTranslations.moc"
