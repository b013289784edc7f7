#include "SandboxFixture.h"

#include <QTest>

class TestSandboxHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "TestSandboxHttp.moc"
