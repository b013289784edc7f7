#include "SandboxFixture.h"

#include <QTest>

class TestDashVectorRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestDashVectorRules)
#include "TestDashVectorRules.moc"
