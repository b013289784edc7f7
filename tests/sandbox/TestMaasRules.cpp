#include "SandboxFixture.h"

#include <QTest>

class TestMaasRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestMaasRules)
#include "TestMaasRules.moc"
