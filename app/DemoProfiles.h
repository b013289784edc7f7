#pragma once

#include "domain/Profile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

class SandboxLauncher;

namespace keydesk {

// One profile per service on a keydesk-sandbox started with --demo, read from its
// demo-account.json (docs/sandbox-api.md "--demo"): each on the sandbox's HTTPS endpoint and
// trusting only the sandbox's own certificate. The secrets come with them, in memory only, for
// the caller to put into the vault; this class writes nothing anywhere and wipes its copies
// when it goes.
class DemoProfiles
{
    Q_DECLARE_TR_FUNCTIONS(DemoProfiles)

public:
    struct Error
    {
        enum class Kind {
            None,
            Missing, // no demo-account.json or no certificate: the sandbox did not run --demo
            Malformed, // not JSON, or a field missing or of the wrong type: the message names it
        };
        Kind kind = Kind::None;
        QString message;

        explicit operator bool() const { return kind != Kind::None; }
    };

    static DemoProfiles fromLauncher(const SandboxLauncher &launcher);
    static DemoProfiles fromFile(const QString &demoAccountPath, const QString &certificatePath);

    DemoProfiles(DemoProfiles &&other) noexcept = default;
    DemoProfiles &operator=(DemoProfiles &&other) noexcept = default;
    DemoProfiles(const DemoProfiles &) = delete;
    DemoProfiles &operator=(const DemoProfiles &) = delete;
    ~DemoProfiles();

    const Error &error() const { return m_error; }
    const QList<Profile> &profiles() const; // RAM, Model Studio, DashVector, Tablestore, OceanBase
    // The profile's own secret, in a buffer of the caller's (to wipe); empty for another id.
    QByteArray secret(const QString &profileId) const;

    // Stable, so that starting the demo again replaces its profiles instead of adding more.
    static QString profileId(ServiceKind service); // "sandbox-ram", …

private:
    DemoProfiles() = default;
    void read(const QByteArray &json, const QString &certificatePath);

    Error m_error;
    QList<Profile> m_profiles;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace keydesk
