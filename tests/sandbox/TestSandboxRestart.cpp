#include "SandboxFixture.h"

#include <QTest>

class TestSandboxRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestSandboxRestart)
#include "TestSandboxRestart.moc"
