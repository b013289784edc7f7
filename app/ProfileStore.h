#pragma once

#include "domain/Profile.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace keydesk {

// The console's profiles in QSettings, one group per profile under "profiles/<id>". Only a
// profile's non-secret fields go there; its secret lives in the vault under the profile's id
// (CredentialVault::serviceForProfile(id), key CredentialVault::accessKeySecretKey()), which
// the caller writes and, when a profile is removed, deletes (DESIGN.md §4, docs/vault.md).
//
// The file may have been edited by hand: an entry that cannot be read is skipped with the
// reason, and left in the file untouched so that the person can repair it.
class ProfileStore
{
public:
    struct Error
    {
        enum class Kind {
            None,
            NotFound, // update or remove of an id the store does not hold
            AlreadyExists, // add with an id the store already holds
            Invalid, // a profile that could not be read back: the message says which field
            Storage, // the settings file cannot be read or written
        };
        Kind kind = Kind::None;
        QString message;

        explicit operator bool() const { return kind != Kind::None; }
    };

    // An entry of the settings file that load() could not read.
    struct SkippedEntry
    {
        QString id; // the entry's group name
        QString reason;
    };

    struct Loaded
    {
        QList<Profile> profiles; // by service, then display name
        QList<SkippedEntry> skipped;
        Error error; // Storage: the file itself could not be read; profiles is empty
    };

    ProfileStore(); // the console's own settings: organisation and application "KeyDesk"
    explicit ProfileStore(const QString &iniFilePath);
    explicit ProfileStore(QSettings *settings); // not owned; must outlive the store
    ~ProfileStore();
    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    Loaded load() const;
    std::optional<Profile> find(const QString &id) const;

    // Gives the profile a new id when it has none, then saves it.
    Error add(Profile &profile);
    Error update(const Profile &profile);
    Error remove(const QString &id);

    // What add() and load() accept: an empty message, or what is wrong, for the person.
    static QString validate(const Profile &profile);
    static QString newId();
    static bool isValidId(const QString &id);

private:
    bool contains(const QString &id) const;
    Error write(const Profile &profile);
    Error sync();

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
};

} // namespace keydesk
