#pragma once

#include "services/KeyService.h"

#include <QDateTime>
#include <QMetaObject>

// Runs the adapters' KeyJobs to their end in tests. A job reports once through finished() and
// then deletes itself, so what it held is copied out in the finished slot.
struct KeyJobResult
{
    bool finished = false;
    keydesk::KeyError error;
    keydesk::KeyList list;
    keydesk::ApiKey key;
    QByteArray secret;
    QDateTime secretExpires;
    int progressDone = -1; // the last progress() the job reported
    int progressTotal = -1;
};

// Fills result from what job reports; result must outlive the job. The connection to
// finished() is returned so that a caller may disconnect it.
QMetaObject::Connection collect(keydesk::KeyJob *job, KeyJobResult &result);

// Waits (in the event loop) until job has finished, at most timeoutMs.
KeyJobResult await(keydesk::KeyJob *job, int timeoutMs = 15000);

// The first key of list with this id, or null.
const keydesk::ApiKey *findKey(const keydesk::KeyList &list, const QString &id);

// The error's kind and summary, for a failure message.
QString describe(const keydesk::KeyError &error);

// Verdicts on a result, in Qt Test's way: a failed check ends the helper, and the test slot
// that called it goes on unless it checks QTest::currentTestFailed().
void expectOk(const KeyJobResult &result);
// An error the service answered, with its code, status, message and request id, and no value.
void expectError(const KeyJobResult &result, keydesk::KeyError::Kind kind,
                 const QString &serviceCode, int httpStatus);
// Refused before anything was sent: no status, no service code, no request id.
void expectLocal(const KeyJobResult &result, keydesk::KeyError::Kind kind);
