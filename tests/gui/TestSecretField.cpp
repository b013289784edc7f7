#include "SecretField.h"

#include <QApplication>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

// A wiped secret field is empty and stays empty: Ctrl+Z must not bring the value back, as it
// would after QLineEdit::clear(), which keeps the removed characters in the undo history.
class TestSecretField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wipedValueCannotBeUndone()
    {
        QLineEdit field;
        field.show();
        QVERIFY(QTest::qWaitForWindowExposed(&field));
        QTest::keyClicks(&field, u"sk-secret-value"_s);
        QCOMPARE(field.text(), u"sk-secret-value"_s);
        QSignalSpy changed(&field, &QLineEdit::textChanged);

        wipeLineEdit(&field);

        QVERIFY(field.text().isEmpty());
        QCOMPARE(changed.count(), 1); // a form that watches the field learns it is empty
        QVERIFY(!field.isUndoAvailable());
        QTest::keySequence(&field, QKeySequence::Undo);
        field.undo();
        QVERIFY(field.text().isEmpty());
    }

    // What the comment in SecretField.h says of clear(): the reason for setText().
    void clearKeepsTheValueInTheUndoHistory()
    {
        QLineEdit field;
        QTest::keyClicks(&field, u"sk-secret-value"_s);
        field.clear();
        QVERIFY(field.isUndoAvailable());
        field.undo();
        QVERIFY(!field.text().isEmpty());
    }

    void noFieldIsNothingToWipe() { wipeLineEdit(nullptr); }
};

QTEST_MAIN(TestSecretField)
#include "TestSecretField.moc"
