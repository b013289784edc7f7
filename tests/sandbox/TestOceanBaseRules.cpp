#include "SandboxFixture.h"

#include <QTest>

class TestOceanBaseRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestOceanBaseRules)
#include "TestOceanBaseRules.moc"
