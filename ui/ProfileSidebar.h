#pragma once

#include "domain/Profile.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace keydesk {

// The profiles, grouped under their service's name; selecting one shows its keys. Adding,
// editing (also by double-click) and removing are asked of the window, which owns what they
// mean (settings, keychain); removing asks first.
class ProfileSidebar : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileSidebar(QWidget *parent = nullptr);

    void setProfiles(const QList<Profile> &profiles);
    // Adds the profile, or replaces the one with its id; the selection stays, without a signal.
    void putProfile(const Profile &profile);
    void removeProfile(const QString &profileId);
    // A short note shown with the profile, e.g. that its secret is missing.
    void setProfileNote(const QString &profileId, const QString &note);
    QString currentProfileId() const;
    void selectProfile(const QString &profileId);

Q_SIGNALS:
    void profileSelected(const QString &profileId);
    void addRequested();
    void editRequested(const QString &profileId);
    void removalConfirmed(const QString &profileId);

private:
    QTreeWidgetItem *itemFor(const QString &profileId) const;
    void rebuild();
    QString itemText(const Profile &profile) const;
    void confirmRemoval();
    void currentChanged();
    void itemActivated(QTreeWidgetItem *item);

    QTreeWidget *m_tree;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QList<Profile> m_profiles;
    QHash<QString, QString> m_notes; // profile id → its note
};

} // namespace keydesk
