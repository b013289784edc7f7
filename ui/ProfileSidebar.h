#pragma once

#include "domain/Profile.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace keydesk {

// The profiles, grouped under their service's name; selecting one shows its keys. Removing
// asks first; what removal means (settings, keychain) is the window's business.
class ProfileSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileSidebar(QWidget *parent = nullptr);

    void setProfiles(const QList<Profile> &profiles);
    void removeProfile(const QString &profileId);
    // A short note shown with the profile, e.g. that its secret is missing.
    void setProfileNote(const QString &profileId, const QString &note);
    QString currentProfileId() const;
    void selectProfile(const QString &profileId);

Q_SIGNALS:
    void profileSelected(const QString &profileId);
    void addRequested();
    void removalConfirmed(const QString &profileId);

private:
    QTreeWidgetItem *itemFor(const QString &profileId) const;
    void confirmRemoval();
    void currentChanged();

    QTreeWidget *m_tree;
    QPushButton *m_add;
    QPushButton *m_remove;
    QList<Profile> m_profiles;
};

} // namespace keydesk
