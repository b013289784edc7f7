#include "ProfileSidebar.h"

#include "Icons.h"
#include "PlainText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
constexpr int ProfileIdRole = Qt::UserRole + 1;
}

ProfileSidebar::ProfileSidebar(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add profile…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("Re&move profile…"), this))
{
    setAccessibleName(tr("Profiles"));
    m_tree->setObjectName(u"profiles"_s);
    m_tree->setAccessibleName(tr("Profiles"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setColumnCount(1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ProfileSidebar::currentChanged);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &ProfileSidebar::itemActivated);
    m_add->setObjectName(u"addProfile"_s);
    m_add->setAccessibleName(tr("Add profile"));
    m_edit->setObjectName(u"editProfile"_s);
    m_edit->setAccessibleName(tr("Edit profile"));
    m_edit->setEnabled(false);
    m_remove->setObjectName(u"removeProfile"_s);
    m_remove->setAccessibleName(tr("Remove profile"));
    m_remove->setEnabled(false);
    setThemedIcon(m_add, u"add-profile"_s);
    setThemedIcon(m_edit, u"edit"_s);
    setThemedIcon(m_remove, u"remove"_s);
    connect(m_add, &QPushButton::clicked, this, &ProfileSidebar::addRequested);
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (const QString id = currentProfileId(); !id.isEmpty())
            Q_EMIT editRequested(id);
    });
    connect(m_remove, &QPushButton::clicked, this, &ProfileSidebar::confirmRemoval);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);
    setTabOrder(m_tree, m_add);
    setTabOrder(m_add, m_edit);
    setTabOrder(m_edit, m_remove);
}

void ProfileSidebar::setProfiles(const QList<Profile> &profiles)
{
    m_profiles = profiles;
    m_notes.clear();
    rebuild();
}

void ProfileSidebar::putProfile(const Profile &profile)
{
    const auto kept = std::find_if(m_profiles.begin(), m_profiles.end(),
                                   [&](const Profile &known) { return known.id == profile.id; });
    if (kept != m_profiles.end())
        *kept = profile;
    else
        m_profiles.append(profile);
    const QString current = currentProfileId();
    {
        // The tree is rebuilt whole (a renamed profile may move); the person's place is kept.
        const QSignalBlocker blocker(m_tree);
        rebuild();
        if (QTreeWidgetItem *item = itemFor(current))
            m_tree->setCurrentItem(item);
    }
    m_edit->setEnabled(!currentProfileId().isEmpty());
    m_remove->setEnabled(!currentProfileId().isEmpty());
}

void ProfileSidebar::rebuild()
{
    m_tree->clear();
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase}) {
        QTreeWidgetItem *group = nullptr;
        for (const Profile &profile : std::as_const(m_profiles)) {
            if (profile.service != service)
                continue;
            if (!group) {
                group = new QTreeWidgetItem(m_tree, {serviceDisplayName(service)});
                group->setFlags(Qt::ItemIsEnabled);
                QFont bold = group->font(0);
                bold.setBold(true);
                group->setFont(0, bold);
                group->setExpanded(true);
            }
            auto *item = new QTreeWidgetItem(group, {itemText(profile)});
            item->setData(0, ProfileIdRole, profile.id);
            item->setToolTip(0, plainToolTip(profile.endpoint.toString()));
        }
    }
    m_tree->expandAll();
}

QString ProfileSidebar::itemText(const Profile &profile) const
{
    const QString note = m_notes.value(profile.id);
    return note.isEmpty() ? profile.displayName : u"%1 (%2)"_s.arg(profile.displayName, note);
}

void ProfileSidebar::removeProfile(const QString &profileId)
{
    QTreeWidgetItem *item = itemFor(profileId);
    if (!item)
        return;
    QTreeWidgetItem *group = item->parent();
    delete item;
    if (group && group->childCount() == 0)
        delete group;
    m_profiles.removeIf([&](const Profile &profile) { return profile.id == profileId; });
    m_notes.remove(profileId);
}

void ProfileSidebar::setProfileNote(const QString &profileId, const QString &note)
{
    QTreeWidgetItem *item = itemFor(profileId);
    if (!item)
        return;
    if (note.isEmpty())
        m_notes.remove(profileId);
    else
        m_notes.insert(profileId, note);
    for (const Profile &profile : std::as_const(m_profiles)) {
        if (profile.id == profileId)
            item->setText(0, itemText(profile));
    }
}

QString ProfileSidebar::currentProfileId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, ProfileIdRole).toString() : QString();
}

void ProfileSidebar::selectProfile(const QString &profileId)
{
    if (QTreeWidgetItem *item = itemFor(profileId))
        m_tree->setCurrentItem(item);
}

QTreeWidgetItem *ProfileSidebar::itemFor(const QString &profileId) const
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->data(0, ProfileIdRole).toString() == profileId)
                return group->child(i);
        }
    }
    return nullptr;
}

void ProfileSidebar::confirmRemoval()
{
    const QString id = currentProfileId();
    if (id.isEmpty())
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove profile"),
        tr("Remove the profile “%1”? Its secret and the copies kept with it leave the "
           "keychain; the keys on the service are not touched.")
            .arg(m_tree->currentItem()->text(0)),
        QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRemoval"_s);
    showPlain(box); // the profile's name is a person's
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"remove"_s);
    remove->setAccessibleName(tr("Remove"));
    box->button(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id] {
        if (box->clickedButton() == remove)
            Q_EMIT removalConfirmed(id);
    });
    box->open();
}

void ProfileSidebar::currentChanged()
{
    const QString id = currentProfileId();
    m_edit->setEnabled(!id.isEmpty());
    m_remove->setEnabled(!id.isEmpty());
    if (!id.isEmpty())
        Q_EMIT profileSelected(id);
}

void ProfileSidebar::itemActivated(QTreeWidgetItem *item)
{
    // A service's heading has no id: double-clicking it only folds it.
    if (const QString id = item ? item->data(0, ProfileIdRole).toString() : QString();
        !id.isEmpty())
        Q_EMIT editRequested(id);
}

} // namespace keydesk
