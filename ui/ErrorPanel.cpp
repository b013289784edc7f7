#include "ErrorPanel.h"

#include "PlainText.h"

#include <QLabel>
#include <QPushButton>
#include <QStringList>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

ErrorPanel::ErrorPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    m_title->setObjectName(u"errorTitle"_s);
    m_title->setAccessibleName(tr("What failed"));
    m_title->setWordWrap(true);
    showPlain(m_title);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_details->setObjectName(u"errorDetails"_s);
    m_details->setAccessibleName(tr("Error details"));
    m_details->setWordWrap(true);
    showPlain(m_details); // the service's message
    // Selectable, so the code and request id can be quoted to the vendor.
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFocusPolicy(Qt::StrongFocus);
    m_retry->setObjectName(u"retry"_s);
    m_retry->setAccessibleName(tr("Retry"));
    connect(m_retry, &QPushButton::clicked, this, &ErrorPanel::retryRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch();
}

void ErrorPanel::setError(const QString &title, const KeyError &error)
{
    m_title->setText(title);
    m_details->setText(describe(error));
}

QString ErrorPanel::detailsText() const
{
    return m_details->text();
}

QString ErrorPanel::describe(const KeyError &error)
{
    QStringList lines {error.message.isEmpty() ? kindName(error.kind) : error.message};
    if (!error.serviceCode.isEmpty())
        lines.append(tr("Service code: %1").arg(error.serviceCode));
    if (error.httpStatus > 0)
        lines.append(tr("HTTP status: %1").arg(error.httpStatus));
    if (!error.requestId.isEmpty())
        lines.append(tr("Request id: %1").arg(error.requestId));
    if (!error.details.isEmpty())
        lines.append(error.details);
    return lines.join(u'\n');
}

} // namespace keydesk
