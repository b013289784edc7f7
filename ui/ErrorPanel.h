#pragma once

#include "domain/KeyError.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace keydesk {

// A failed call as a person needs it: what failed, the service's message, code and request id
// in selectable text (to quote to the vendor), and Retry.
class ErrorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorPanel(QWidget *parent = nullptr);

    void setError(const QString &title, const KeyError &error);
    QString detailsText() const;

    // The message, service code, request id and TLS details, one per line.
    static QString describe(const KeyError &error);

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_details;
    QPushButton *m_retry;
};

} // namespace keydesk
