#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace keydesk::protocol {

using QueryItems = QList<QPair<QString, QString>>;

// RFC 3986 encoding as Alibaba Cloud's signers use it: only A-Z a-z 0-9 - _ . ~ stay
// as they are, every other UTF-8 byte becomes %XX with upper-case hex (protocols.md §1.2).
QByteArray percentEncode(const QString &value);

// "k1=v1&k2=v2" with keys and values percent-encoded and pairs sorted by key, then value.
QByteArray canonicalQueryString(QueryItems items);

} // namespace keydesk::protocol
