#include "SecretField.h"

#include "vault/SecretBytes.h"

#include <QLineEdit>

namespace keydesk {

void wipeLineEdit(QLineEdit *field)
{
    if (!field)
        return;
    QString text = field->text();
    wipeSecret(text);
    field->setText(QString());
}

} // namespace keydesk
