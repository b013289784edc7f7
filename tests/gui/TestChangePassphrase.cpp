#include "KeyringSession.h"
#include "SettingsDialog.h"
#include "WidgetLookup.h"
#include "vault/ConsolePassphrase.h"
#include "vault/VaultJob.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

// Settings ▸ "Change console passphrase…" against the real ConsolePassphrase in a private
// Secret Service: the current passphrase is needed (a wrong one changes nothing and counts),
// the new one follows the rules of the first, and a console with none gets none here.
class TestChangePassphrase : public QObject
{
    Q_OBJECT

public:
    static void initMain() { KeyringSession::enter(); }

private:
    std::unique_ptr<ConsolePassphrase> m_passphrase;

    PassphraseJob::Error run(PassphraseJob *job)
    {
        PassphraseJob::Error error = PassphraseJob::Error::Other;
        connect(job, &PassphraseJob::finished, this,
                [&](PassphraseJob *done) { error = done->error(); });
        QSignalSpy finished(job, &PassphraseJob::finished);
        job->start();
        return finished.wait(15000) ? error : PassphraseJob::Error::Other;
    }

    // The change dialog as a person opens it from the settings.
    static QDialog *openChange(SettingsDialog &settings)
    {
        auto *button = byAccessibleName<QPushButton>(&settings, u"Change console passphrase"_s);
        if (!button || !button->isEnabled())
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        auto *change = settings.findChild<QDialog *>(u"changePassphraseDialog"_s);
        return change && change->isVisible() ? change : nullptr;
    }

    static void fill(QDialog *change, const QString &current, const QString &chosen)
    {
        const QList<std::pair<QString, QString>> fields {
            {u"Current console passphrase"_s, current},
            {u"New console passphrase"_s, chosen},
            {u"Repeat the console passphrase"_s, chosen}};
        for (const auto &[name, text] : fields) {
            auto *field = byAccessibleName<QLineEdit>(change, name);
            QVERIFY2(field, qPrintable(name));
            field->clear();
            QTest::keyClicks(field, text);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(KeyringSession::isInside(), "not inside tests/support/with-keyring");
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        auto *forget = new VaultJob(VaultJob::Operation::Delete, ConsolePassphrase::serviceName(),
                                    ConsolePassphrase::keyName());
        QSignalSpy done(forget, &VaultJob::finished);
        forget->start();
        QVERIFY(done.wait(15000));
        m_passphrase = std::make_unique<ConsolePassphrase>();
    }

    void theCurrentPassphraseIsNeeded()
    {
        QCOMPARE(run(m_passphrase->setInitial("the old passphrase")),
                 PassphraseJob::Error::NoError);
        SettingsDialog settings(nullptr, nullptr, m_passphrase.get());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        QPointer<QDialog> change = openChange(settings);
        QVERIFY(change);
        auto *button = byAccessibleName<QPushButton>(change, u"Change passphrase"_s);
        auto *status = byAccessibleName<QLabel>(change, u"Passphrase problem"_s);

        fill(change, u"the old passphrase"_s, u"short"_s);
        QVERIFY(!button->isEnabled());
        QCOMPARE(status->text(), u"The passphrase needs at least 8 characters."_s);

        fill(change, u"a guess"_s, u"the new passphrase"_s);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"Nothing was changed."_s), 15000);
        QVERIFY(change->isVisible());
        QCOMPARE(m_passphrase->failedAttempts(), 1);
        QVERIFY(
            byAccessibleName<QLineEdit>(change, u"Current console passphrase"_s)->text().isEmpty());

        fill(change, u"the old passphrase"_s, u"the new passphrase"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(change.isNull(), 20000);
        QCOMPARE(run(m_passphrase->verify("the new passphrase")), PassphraseJob::Error::NoError);
        QCOMPARE(run(m_passphrase->verify("the old passphrase")),
                 PassphraseJob::Error::WrongPassphrase);
    }

    // No passphrase yet: none is chosen here, with no old one to prove.
    void noneIsSetFromHere()
    {
        SettingsDialog settings(nullptr, nullptr, m_passphrase.get());
        settings.show();
        QVERIFY(QTest::qWaitForWindowExposed(&settings));
        QDialog *change = openChange(settings);
        QVERIFY(change);
        fill(change, u"anything at all"_s, u"the new passphrase"_s);
        QTest::mouseClick(byAccessibleName<QPushButton>(change, u"Change passphrase"_s),
                          Qt::LeftButton);
        auto *status = byAccessibleName<QLabel>(change, u"Passphrase problem"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"No console passphrase is set yet."_s),
                                 15000);
        QCOMPARE(run(m_passphrase->checkIsSet()), PassphraseJob::Error::NoError);
        QCOMPARE(run(m_passphrase->verify("the new passphrase")), PassphraseJob::Error::NotSet);
    }
};

QTEST_MAIN(TestChangePassphrase)
#include "TestChangePassphrase.moc"
