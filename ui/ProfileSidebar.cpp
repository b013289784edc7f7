#include "ProfileSidebar.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace keydesk {

namespace {
constexpr int ProfileIdRole = Qt::UserRole + 1;
}

ProfileSidebar::ProfileSidebar(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_add(new QPushButton(tr("&Add profile…"), this))
    , m_remove(new QPushButton(tr("Re&move profile…"), this))
{
    setAccessibleName(tr("Profiles"));
    m_tree->setObjectName(u"profiles"_s);
    m_tree->setAccessibleName(tr("Profiles"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setColumnCount(1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ProfileSidebar::currentChanged);
    m_add->setObjectName(u"addProfile"_s);
    m_add->setAccessibleName(tr("Add profile"));
    m_remove->setObjectName(u"removeProfile"_s);
    m_remove->setAccessibleName(tr("Remove profile"));
    m_remove->setEnabled(false);
    connect(m_add, &QPushButton::clicked, this, &ProfileSidebar::addRequested);
    connect(m_remove, &QPushButton::clicked, this, &ProfileSidebar::confirmRemoval);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);
    setTabOrder(m_tree, m_add);
    setTabOrder(m_add, m_remove);
}

void ProfileSidebar::setProfiles(const QList<Profile> &profiles)
{
    m_profiles = profiles;
    m_tree->clear();
    for (const ServiceKind service :
         {ServiceKind::Ram, ServiceKind::ModelStudio, ServiceKind::DashVector,
          ServiceKind::Tablestore, ServiceKind::OceanBase}) {
        QTreeWidgetItem *group = nullptr;
        for (const Profile &profile : profiles) {
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
            auto *item = new QTreeWidgetItem(group, {profile.displayName});
            item->setData(0, ProfileIdRole, profile.id);
            item->setToolTip(0, profile.endpoint.toString());
        }
    }
    m_tree->expandAll();
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
}

void ProfileSidebar::setProfileNote(const QString &profileId, const QString &note)
{
    QTreeWidgetItem *item = itemFor(profileId);
    if (!item)
        return;
    for (const Profile &profile : std::as_const(m_profiles)) {
        if (profile.id == profileId)
            item->setText(0,
                          note.isEmpty() ? profile.displayName
                                         : u"%1 (%2)"_s.arg(profile.displayName, note));
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
        tr("Remove the profile “%1”? Its secret leaves the keychain; the keys on the service "
           "are not touched.")
            .arg(m_tree->currentItem()->text(0)),
        QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRemoval"_s);
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
    m_remove->setEnabled(!id.isEmpty());
    if (!id.isEmpty())
        Q_EMIT profileSelected(id);
}

} // namespace keydesk
