#include "KeyJobWait.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace keydesk;

QMetaObject::Connection collect(KeyJob *job, KeyJobResult &result)
{
    QObject::connect(job, &KeyJob::progress, job, [&result](int done, int total) {
        result.progressDone = done;
        result.progressTotal = total;
    });
    return QObject::connect(job, &KeyJob::finished, job, [&result](KeyJob *done) {
        result.finished = true;
        result.error = done->error();
        result.list = done->list();
        result.key = done->key();
        result.secret = done->secret();
        result.secretExpires = done->secretExpires();
    });
}

KeyJobResult await(KeyJob *job, int timeoutMs)
{
    KeyJobResult result;
    const QMetaObject::Connection connection = collect(job, result);
    if (!QTest::qWaitFor([&result] { return result.finished; }, timeoutMs))
        qWarning("The job did not finish within %d ms.", timeoutMs);
    // A job that finishes later must not write into a result that is gone.
    QObject::disconnect(connection);
    return result;
}

const ApiKey *findKey(const KeyList &list, const QString &id)
{
    for (const ApiKey &key : list.keys) {
        if (key.id == id)
            return &key;
    }
    return nullptr;
}

QString describe(const KeyError &error)
{
    return kindName(error.kind) + u" "_s + error.summary();
}

void expectOk(const KeyJobResult &result)
{
    QVERIFY(result.finished);
    QVERIFY2(!result.error, qPrintable(result.error.summary()));
}

void expectError(const KeyJobResult &result, KeyError::Kind kind, const QString &serviceCode,
                 int httpStatus)
{
    QVERIFY(result.finished);
    QVERIFY2(result.error.kind == kind, qPrintable(result.error.summary()));
    QCOMPARE(result.error.serviceCode, serviceCode);
    QCOMPARE(result.error.httpStatus, httpStatus);
    QVERIFY(!result.error.message.isEmpty());
    QVERIFY(!result.error.requestId.isEmpty());
    QVERIFY(result.secret.isEmpty());
}

void expectLocal(const KeyJobResult &result, KeyError::Kind kind)
{
    QVERIFY(result.finished);
    QVERIFY2(result.error.kind == kind, qPrintable(result.error.summary()));
    QCOMPARE(result.error.httpStatus, 0);
    QVERIFY(result.error.serviceCode.isEmpty());
    QVERIFY(result.error.requestId.isEmpty());
    QVERIFY(!result.error.message.isEmpty());
}
