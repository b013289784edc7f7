#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>

class QTimer;

namespace keydesk {

// One viewing session of a revealed value (DESIGN.md §6): it holds its own copy of the value,
// counts down from the moment it is made, and wipes the copy when it ends, by the clock, by
// end() or by going away. A session never starts again: a new view needs a new verification.
class RevealSession : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultSeconds = 60;

    explicit RevealSession(QByteArrayView value, int seconds = defaultSeconds,
                           QObject *parent = nullptr);
    ~RevealSession() override;

    // Empty once the session has ended.
    const QByteArray &value() const { return m_value; }
    int lengthSeconds() const { return m_lengthSeconds; }
    int remainingSeconds() const { return m_remaining; }
    bool isActive() const { return !m_ended; }

public Q_SLOTS:
    void end(); // wipes the value and emits ended(), once

Q_SIGNALS:
    void remainingChanged(int seconds);
    void ended();

private:
    void tick();

    QByteArray m_value;
    QTimer *m_timer;
    int m_lengthSeconds;
    int m_remaining;
    bool m_ended = false;
};

} // namespace keydesk
