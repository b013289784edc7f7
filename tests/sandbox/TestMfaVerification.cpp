#include "SandboxFixture.h"

#include <QTest>

class TestMfaVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notYetWritten() { QSKIP("being written"); }
};

QTEST_GUILESS_MAIN(TestMfaVerification)
#include "TestMfaVerification.moc"
