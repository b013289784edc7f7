#include "SandboxFixture.h"

#include <QTest>

class TestTablestoreRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestTablestoreRules)
#include "TestTablestoreRules.moc"
