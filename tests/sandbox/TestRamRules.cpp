#include "SandboxFixture.h"

#include <QTest>

class TestRamRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestRamRules)
#include "TestRamRules.moc"
