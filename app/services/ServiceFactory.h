#pragma once

#include "services/KeyService.h"

#include <QByteArray>

#include <memory>

class QObject;

namespace keydesk {

class HttpClient;

// The adapter for a profile's service: the one place outside the adapters that tells the
// services apart, so that a new service is one adapter plus one line here (DESIGN.md §3).
// secret is the profile's own (CredentialVault::accessKeySecretKey()); the adapter keeps a
// copy in a buffer of its own, so the caller may wipe theirs at once. With a parent, the
// parent must outlive the pointer returned, or be given it with release().
std::unique_ptr<KeyService> makeKeyService(const Profile &profile, const QByteArray &secret,
                                           HttpClient *client, QObject *parent = nullptr);

} // namespace keydesk
