#include "ClipboardGuard.h"
#include "DemoSandbox.h"
#include "KeyListPage.h"
#include "services/KeyService.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace keydesk;

namespace {

// What the sandbox's "richTextMessage" fault sends as the error's message.
const QString kMarkup = u"<a href=\"https://evil.example\">click</a><b>bold</b>"_s;

// Every label under root that shows the server's markup: how many, failing the test on one that
// would render it (rich text, or a link it opens).
int verifyShownLiterally(const QWidget *root)
{
    int seen = 0;
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (!label->text().contains(u"evil.example"_s))
            continue;
        ++seen;
        const QByteArray name = label->objectName().toUtf8();
        if (label->textFormat() != Qt::PlainText) {
            QTest::qFail(QByteArray(name + " shows the server's text as rich text").constData(),
                         __FILE__, __LINE__);
            return seen;
        }
        if (label->openExternalLinks()
            || (label->textInteractionFlags() & Qt::LinksAccessibleByMouse)) {
            QTest::qFail(QByteArray(name + " offers the server's link").constData(), __FILE__,
                         __LINE__);
            return seen;
        }
        if (!label->text().contains(kMarkup)) {
            QTest::qFail(QByteArray(name + " does not show the markup literally").constData(),
                         __FILE__, __LINE__);
            return seen;
        }
    }
    return seen;
}

} // namespace

// A hostile server's error message (`<a href>` and `<b>`, the sandbox's "richTextMessage"
// fault) on a real key list page of the demo's RAM profile, offscreen: every label and message
// box that shows it shows the literal text, with no link to click.
class TestRichTextFromServer : public QObject
{
    Q_OBJECT

private:
    DemoSandbox m_demo;
    ClipboardGuard *m_clipboard = nullptr;

    bool setFaults(const QJsonArray &rules)
    {
        QUrl url = m_demo.sandbox().http();
        url.setPath(u"/_sandbox/faults"_s);
        const QByteArray body
            = QJsonDocument(QJsonObject {{u"rules"_s, rules}}).toJson(QJsonDocument::Compact);
        return m_demo.sandbox()
                   .net()
                   .send("POST", url, {{"content-type", "application/json"}}, body)
                   .status
            == 200;
    }

    std::unique_ptr<KeyListPage> listedPage()
    {
        auto page = std::make_unique<KeyListPage>(m_demo.service(ServiceKind::Ram),
                                                  KeyPageTools {nullptr, nullptr, m_clipboard});
        page->resize(900, 500);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get())
            || !QTest::qWaitFor([&] { return !page->isLoading(); }, 20000))
            return nullptr;
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"KeyDeskTest"_s);
        QCoreApplication::setApplicationName(u"TestRichTextFromServer"_s);
        QVERIFY2(m_demo.start(), qPrintable(m_demo.errorString()));
        m_clipboard = new ClipboardGuard(this);
    }

    void cleanup() { QVERIFY(setFaults({})); }

    void listErrorIsPlainText()
    {
        QVERIFY(setFaults({QJsonObject {{u"fault"_s, u"richTextMessage"_s}}}));
        const auto page = listedPage();
        QVERIFY(page);
        QCOMPARE(page->state(), KeyListPage::State::Error);
        QVERIFY(verifyShownLiterally(page.get()) >= 1);
    }

    void failedChangeBoxIsPlainText()
    {
        const auto page = listedPage();
        QVERIFY(page);
        QCOMPARE(page->state(), KeyListPage::State::Keys);
        page->table()->selectRow(0);
        QVERIFY(setFaults(
            {QJsonObject {{u"fault"_s, u"richTextMessage"_s},
                          {u"match"_s, QJsonObject {{u"action"_s, u"UpdateAccessKey"_s}}}}}));
        QAction *toggle = page->action(u"toggleEnabled"_s);
        QVERIFY(toggle && toggle->isEnabled());
        toggle->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = page->findChild<QMessageBox *>(u"toggleError"_s)), 15000);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->textFormat(), Qt::PlainText);
        QVERIFY(verifyShownLiterally(box) >= 1);
        box->close();
    }
};

QTEST_MAIN(TestRichTextFromServer)
#include "TestRichTextFromServer.moc"
