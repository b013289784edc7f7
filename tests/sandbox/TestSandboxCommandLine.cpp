#include "SandboxFixture.h"

#include <QTest>

class TestSandboxCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestSandboxCommandLine)
#include "TestSandboxCommandLine.moc"
