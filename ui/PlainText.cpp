#include "PlainText.h"

#include <QLabel>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace keydesk {

void showPlain(QLabel *label)
{
    if (!label)
        return;
    label->setTextFormat(Qt::PlainText);
    label->setOpenExternalLinks(false);
    label->setTextInteractionFlags(label->textInteractionFlags() & ~Qt::LinksAccessibleByMouse
                                   & ~Qt::LinksAccessibleByKeyboard);
}

void showPlain(QMessageBox *box)
{
    if (!box)
        return;
    box->setTextFormat(Qt::PlainText);
    // The text's label, the informative text's (made by setInformativeText()), and any other.
    const QList<QLabel *> labels = box->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->pixmap().isNull())
            showPlain(label);
    }
}

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return text;
    // Rich text made of the escaped text: Qt shows the characters, never markup.
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

} // namespace keydesk
