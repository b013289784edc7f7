#include "TsFileCheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const QString sourceDir = QStringLiteral(KEYDESK_SOURCE_DIR);
const QString dataDir = sourceDir + u"/tests/translations/data/"_s;

QStringList translationFiles()
{
    QStringList paths;
    const QDir folder(sourceDir + u"/translations"_s);
    for (const QString &name : folder.entryList({u"*.ts"_s}, QDir::Files, QDir::Name))
        paths.append(folder.filePath(name));
    return paths;
}

// Each problem on its own line in the test's output, then one failure naming the file.
bool reportNone(const QStringList &problems, const QString &path)
{
    for (const QString &problem : problems)
        qWarning("%s: %s", qPrintable(QFileInfo(path).fileName()), qPrintable(problem));
    return problems.isEmpty();
}

// lupdate over folders (relative to workingDir) on a copy of the .ts file at path, as
// translations/README.md runs it on the file itself: the copy after it ran, or an error.
TsFileCheck::File updatedCopy(const QString &path, const QString &workingDir,
                              const QStringList &folders, QString &error)
{
    const QTemporaryDir temporary;
    const QString copy = temporary.filePath(QFileInfo(path).fileName());
    if (!temporary.isValid() || !QFile::copy(path, copy)) {
        error = u"cannot copy "_s + path;
        return {};
    }
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(workingDir);
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(KEYDESK_LUPDATE),
                  TsFileCheck::lupdateArguments(TsFileCheck::read(path), folders, copy));
    if (!lupdate.waitForFinished(60000) || lupdate.exitStatus() != QProcess::NormalExit
        || lupdate.exitCode() != 0) {
        error = u"lupdate failed: "_s + QString::fromLocal8Bit(lupdate.readAll());
        return {};
    }
    return TsFileCheck::read(copy);
}

} // namespace

// Every translation of translations/ is complete and in step with the code: nothing unfinished
// or left over, every placeholder and keyboard accelerator of the English text kept, and lupdate
// over the code finds no string the file lacks. The checks are first shown to catch each problem
// on small broken files (data/).
class TestTranslationFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theHelpersSeeWhatTheyShould()
    {
        QCOMPARE(TsFileCheck::placeholders(u"%2 of %1, %L3, %n, %1 again, 100% and %"_s),
                 (QStringList {u"%1"_s, u"%2"_s, u"%L3"_s, u"%n"_s}));
        QCOMPARE(TsFileCheck::placeholders(u"%12 and %Ln"_s), (QStringList {u"%12"_s, u"%Ln"_s}));
        QVERIFY(TsFileCheck::hasAccelerator(u"&Open"_s));
        QVERIFY(TsFileCheck::hasAccelerator(u"打开(&O)"_s));
        QVERIFY(TsFileCheck::hasAccelerator(u"Save && &close"_s));
        QVERIFY(!TsFileCheck::hasAccelerator(u"Save && close"_s));
        QVERIFY(!TsFileCheck::hasAccelerator(u"Tom & Jerry"_s));
        QVERIFY(!TsFileCheck::hasAccelerator(u"Open"_s));
    }

    void brokenFilesAreReported_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected"); // one problem line each contains
        QTest::addColumn<QStringList>("notReported"); // source texts no problem names
        QTest::newRow("unfinished")
            << u"unfinished.ts"_s
            << QStringList {u"Fixture \"Open\": unfinished"_s, u"Fixture \"Close\": unfinished"_s}
            << QStringList {u"\"Save\""_s};
        QTest::newRow("vanished and obsolete")
            << u"vanished.ts"_s
            << QStringList {u"\"Gone from the code\": vanished"_s, u"\"Gone long ago\": obsolete"_s}
            << QStringList {u"\"Save\""_s};
        QTest::newRow("lost placeholder")
            << u"lost-placeholder.ts"_s
            << QStringList {u"\"Cannot read %1: %2\": placeholders %1 in"_s,
                            u"\"%L1 keys listed\": placeholders %1 in"_s,
                            u"\"%n attempt(s) left.\": placeholders  in"_s}
            << QStringList {u"\"Saved to %1 at %2.\""_s};
        QTest::newRow("lost accelerator")
            << u"lost-accelerator.ts"_s
            << QStringList {u"\"&Refresh\": no keyboard accelerator"_s,
                            u"\"De&lete…\": no keyboard accelerator"_s}
            << QStringList {u"\"&View…\""_s, u"\"Save && close\""_s};
        QTest::newRow("wrong plural forms")
            << u"wrong-plural-forms.ts"_s
            << QStringList {u"\"%n key(s)\": 2 plural forms, 1 wanted"_s} << QStringList {};
        QTest::newRow("good") << u"good.ts"_s << QStringList {}
                              << QStringList {u"\"&Refresh\""_s, u"\"%n key(s)\""_s};
    }

    void brokenFilesAreReported()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, notReported);
        const TsFileCheck::File read = TsFileCheck::read(dataDir + file);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QVERIFY(!read.messages.isEmpty());
        const QStringList problems = TsFileCheck::problems(read);
        for (const QString &want : expected) {
            const bool found
                = std::any_of(problems.begin(), problems.end(),
                              [&](const QString &line) { return line.contains(want); });
            QVERIFY2(
                found,
                qPrintable(u"not reported: "_s + want + u"\nreported:\n"_s + problems.join(u'\n')));
        }
        QCOMPARE(problems.size(), expected.size());
        for (const QString &fine : notReported)
            QVERIFY2(!problems.join(u'\n').contains(fine), qPrintable(problems.join(u'\n')));
    }

    // A string new in the code and one gone from it are both found; one kept is not.
    void theSyncCheckSeesNewAndGoneStrings()
    {
        const QString path = dataDir + u"sync/fixture_zh_CN.ts"_s;
        const TsFileCheck::File original = TsFileCheck::read(path);
        QVERIFY(TsFileCheck::problems(original).isEmpty());
        QString error;
        const TsFileCheck::File updated = updatedCopy(path, dataDir + u"sync"_s, {u"."_s}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = TsFileCheck::syncProblems(original, updated);
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems.join(u'\n').contains(u"\"Added since\": new in the code"_s),
                 qPrintable(problems.join(u'\n')));
        QVERIFY2(problems.join(u'\n').contains(u"\"Removed since\": no longer in the code"_s),
                 qPrintable(problems.join(u'\n')));
    }

    void translationFilesAreThere()
    {
        const QStringList files = translationFiles();
        QVERIFY(files.contains(sourceDir + u"/translations/keydesk_en.ts"_s));
        QVERIFY(files.contains(sourceDir + u"/translations/keydesk_zh_CN.ts"_s));
    }

    void translationsAreComplete_data() { addTranslationFiles(); }

    void translationsAreComplete()
    {
        QFETCH(QString, path);
        const TsFileCheck::File file = TsFileCheck::read(path);
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QVERIFY(!file.messages.isEmpty());
        const QStringList problems = TsFileCheck::problems(file);
        QVERIFY2(reportNone(problems, path),
                 qPrintable(u"%1 problems (listed above); translations/README.md says how to "
                            "fix them"_s.arg(problems.size())));
    }

    // A new tr() string without its translation, or a translation whose string left the code.
    void translationsFollowTheCode_data() { addTranslationFiles(); }

    void translationsFollowTheCode()
    {
        QFETCH(QString, path);
        QString error;
        const TsFileCheck::File updated
            = updatedCopy(path, sourceDir, {u"app"_s, u"ui"_s, u"tools"_s}, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = TsFileCheck::syncProblems(TsFileCheck::read(path), updated);
        QVERIFY2(reportNone(problems, path),
                 qPrintable(u"%1 strings differ from the code (listed above): run lupdate as "
                            "translations/README.md says"_s.arg(problems.size())));
    }

private:
    static void addTranslationFiles()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : translationFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
};

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "TestTranslationFiles.moc"
