#pragma once

#include "ApiCall.h"

#include <optional>

// What every MaaS 2026-03-18 action shares: its product and version, its response envelope
// and its paging.
namespace maas {

inline const QString kProduct = QStringLiteral("MaaS");
inline const QString kVersion = QStringLiteral("2026-03-18");

// The MaaS envelope (protocols.md §5): camelCase requestId, success, code, message and
// httpStatusCode beside the payload; the HTTP status matches httpStatusCode. Gateway errors
// (signature, unknown action) stay in the POP form the router gives them.
HttpReply ok(const ApiCall &call, QJsonObject body = {});
HttpReply fail(const ApiCall &call, const ApiError &error);

// maxResults (1–100, default 20) and an opaque nextToken naming the last row of the previous
// page; kind tells the tokens of different lists apart.
struct Page
{
    int maxResults = 20;
    qint64 after = 0;
};
std::optional<ApiError> readPage(const ApiCall &call, char kind, Page &page);
QString pageToken(char kind, qint64 last);

} // namespace maas
