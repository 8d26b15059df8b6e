#include "templatestore.h"

#include "previewtext.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QMimeData>
#include <QSaveFile>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcTemplates, "mqtt.ui.templates", QtWarningMsg)

// A templates file is a handful of kilobytes; anything this large is not one, and reading
// it whole would only stall the window.
constexpr qint64 kMaxImportSize = 64 * 1024 * 1024;

// What a drag carries: "<group row>" for a group, "<group row> <row>" for a template. Only
// this view reads it, during one drag, while the rows cannot change.
constexpr char kMimeType[] = "application/x-mqtt-inspector-template-row";

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray fromBase64(const QVariant &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

} // namespace

TemplateStore::TemplateStore(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TemplateStore::~TemplateStore() = default;

QString TemplateStore::formatName()
{
    return QStringLiteral("mqtt-inspector-publish-templates");
}

QString TemplateStore::settingsGroup()
{
    return QStringLiteral("PublishTemplates");
}

QString TemplateStore::defaultGroupName()
{
    return tr("General");
}

QStringList TemplateStore::groupNames() const
{
    QStringList names;
    for (const auto &group : m_groups)
        names.append(group->name);
    return names;
}

int TemplateStore::templateCount() const
{
    int count = 0;
    for (const auto &group : m_groups)
        count += int(group->templates.size());
    return count;
}

QList<PublishTemplate> TemplateStore::templates() const
{
    QList<PublishTemplate> all;
    for (const auto &group : m_groups) {
        for (PublishTemplate t : group->templates) {
            t.group = group->name;
            all.append(t);
        }
    }
    return all;
}

bool TemplateStore::isGroup(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && !index.internalPointer();
}

bool TemplateStore::isTemplate(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalPointer();
}

TemplateStore::Group *TemplateStore::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (auto *group = static_cast<Group *>(index.internalPointer()))
        return group;
    return index.row() < int(m_groups.size()) ? m_groups[size_t(index.row())].get() : nullptr;
}

int TemplateStore::groupRow(const Group *group) const
{
    // Linear: a user keeps a few dozen groups at most.
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].get() == group)
            return int(i);
    }
    return -1;
}

TemplateStore::Group *TemplateStore::findGroup(const QString &name) const
{
    for (const auto &group : m_groups) {
        if (group->name == name)
            return group.get();
    }
    return nullptr;
}

QModelIndex TemplateStore::groupIndex(const QString &name) const
{
    const Group *group = findGroup(name);
    return group ? createIndex(groupRow(group), NameColumn, nullptr) : QModelIndex();
}

QModelIndex TemplateStore::findTemplate(const QString &groupName, const QString &name) const
{
    Group *group = findGroup(groupName);
    if (!group)
        return {};
    for (int row = 0; row < group->templates.size(); ++row) {
        if (group->templates.at(row).name == name)
            return createIndex(row, NameColumn, group);
    }
    return {};
}

PublishTemplate TemplateStore::templateAt(const QModelIndex &index) const
{
    if (!isTemplate(index))
        return {};
    const Group *group = groupOf(index);
    if (index.row() >= group->templates.size())
        return {};
    PublishTemplate t = group->templates.at(index.row());
    t.group = group->name;
    return t;
}

QString TemplateStore::uniqueIn(const Group *group, const QString &name, const QStringList &alsoTaken)
{
    const auto taken = [&](const QString &candidate) {
        if (alsoTaken.contains(candidate))
            return true;
        if (!group)
            return false;
        for (const PublishTemplate &t : group->templates) {
            if (t.name == candidate)
                return true;
        }
        return false;
    };
    if (!taken(name))
        return name;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(name).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

QString TemplateStore::uniqueName(const QString &group, const QString &name) const
{
    return uniqueIn(findGroup(group), name);
}

QModelIndex TemplateStore::addGroup(const QString &name)
{
    const QString groupName = name.trimmed().isEmpty() ? defaultGroupName() : name.trimmed();
    if (const QModelIndex existing = groupIndex(groupName); existing.isValid())
        return existing;
    const int row = int(m_groups.size());
    beginInsertRows(QModelIndex(), row, row);
    auto group = std::make_unique<Group>();
    group->name = groupName;
    m_groups.push_back(std::move(group));
    endInsertRows();
    return createIndex(row, NameColumn, nullptr);
}

QModelIndex TemplateStore::addTemplate(const PublishTemplate &t)
{
    const QModelIndex parent = addGroup(t.group);
    Group *group = groupOf(parent);
    PublishTemplate copy = t;
    copy.group = group->name;
    copy.name = uniqueIn(group, t.name.trimmed().isEmpty() ? tr("Untitled") : t.name.trimmed());
    const int row = int(group->templates.size());
    beginInsertRows(parent, row, row);
    group->templates.append(copy);
    endInsertRows();
    return createIndex(row, NameColumn, group);
}

bool TemplateStore::updateTemplate(const QModelIndex &index, const PublishTemplate &t)
{
    if (!isTemplate(index))
        return false;
    Group *group = groupOf(index);
    PublishTemplate &stored = group->templates[index.row()];
    PublishTemplate copy = t;
    copy.name = stored.name;
    copy.group = group->name;
    if (copy == stored)
        return true;
    stored = copy;
    Q_EMIT dataChanged(createIndex(index.row(), 0, group), createIndex(index.row(), ColumnCount - 1, group));
    return true;
}

bool TemplateStore::rename(const QModelIndex &index, const QString &newName, QString *error)
{
    const QString name = newName.trimmed();
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (name.isEmpty())
        return fail(tr("The name is empty"));
    Group *group = groupOf(index);
    if (!group)
        return fail(tr("Nothing to rename"));
    if (isGroup(index)) {
        if (group->name == name)
            return true;
        if (findGroup(name))
            return fail(tr("A group named \"%1\" exists already").arg(name));
        group->name = name;
        for (PublishTemplate &t : group->templates)
            t.group = name;
    } else {
        PublishTemplate &t = group->templates[index.row()];
        if (t.name == name)
            return true;
        if (findTemplate(group->name, name).isValid())
            return fail(tr("\"%1\" already has a template named \"%2\"").arg(group->name, name));
        t.name = name;
    }
    const QModelIndex first = index.siblingAtColumn(NameColumn);
    Q_EMIT dataChanged(first, first, {Qt::DisplayRole, Qt::EditRole, GroupNameRole});
    return true;
}

QModelIndex TemplateStore::moveToGroup(const QModelIndex &index, const QString &groupName)
{
    if (!isTemplate(index))
        return {};
    const QModelIndex source = index.siblingAtColumn(NameColumn);
    const QPersistentModelIndex kept(source);
    const QModelIndex target = addGroup(groupName); // may insert a row above nothing: rows below stay
    if (groupOf(target) == groupOf(kept))
        return kept;
    Group *to = groupOf(target);
    if (!moveRows(kept.parent(), kept.row(), 1, target, int(to->templates.size())))
        return {};
    return createIndex(int(to->templates.size()) - 1, NameColumn, to);
}

bool TemplateStore::moveUp(const QModelIndex &index)
{
    if (!index.isValid() || index.row() == 0)
        return false;
    return moveRows(index.parent(), index.row(), 1, index.parent(), index.row() - 1);
}

bool TemplateStore::moveDown(const QModelIndex &index)
{
    if (!index.isValid() || index.row() + 1 >= rowCount(index.parent()))
        return false;
    // Qt counts the destination before the move: one below the next row.
    return moveRows(index.parent(), index.row(), 1, index.parent(), index.row() + 2);
}

QModelIndex TemplateStore::duplicate(const QModelIndex &index)
{
    if (!isTemplate(index))
        return {};
    Group *group = groupOf(index);
    PublishTemplate copy = group->templates.at(index.row());
    copy.name = uniqueIn(group, tr("%1 (copy)").arg(copy.name));
    const int row = index.row() + 1;
    beginInsertRows(index.parent(), row, row);
    group->templates.insert(row, copy);
    endInsertRows();
    return createIndex(row, NameColumn, group);
}

bool TemplateStore::remove(const QModelIndex &index)
{
    if (!index.isValid() || index.model() != this)
        return false;
    return removeRows(index.row(), 1, index.parent());
}

void TemplateStore::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}

bool TemplateStore::removeRows(int row, int count, const QModelIndex &parent)
{
    if (row < 0 || count <= 0 || row + count > rowCount(parent) || parent.column() > 0)
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    if (!parent.isValid()) {
        m_groups.erase(m_groups.begin() + row, m_groups.begin() + row + count);
    } else {
        groupOf(parent)->templates.remove(row, count);
    }
    endRemoveRows();
    return true;
}

bool TemplateStore::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                             const QModelIndex &destinationParent, int destinationChild)
{
    if (count <= 0 || sourceRow < 0 || destinationChild < 0 || sourceParent.column() > 0
        || destinationParent.column() > 0)
        return false;
    // Groups stay top-level and templates stay in groups.
    if (sourceParent.isValid() != destinationParent.isValid())
        return false;
    if (isTemplate(sourceParent) || isTemplate(destinationParent))
        return false;
    if (sourceRow + count > rowCount(sourceParent) || destinationChild > rowCount(destinationParent))
        return false;

    if (!sourceParent.isValid()) {
        if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent, destinationChild))
            return false;
        std::vector<std::unique_ptr<Group>> moved;
        for (int i = 0; i < count; ++i)
            moved.push_back(std::move(m_groups[size_t(sourceRow + i)]));
        m_groups.erase(m_groups.begin() + sourceRow, m_groups.begin() + sourceRow + count);
        const int at = destinationChild > sourceRow ? destinationChild - count : destinationChild;
        for (int i = 0; i < count; ++i)
            m_groups.insert(m_groups.begin() + at + i, std::move(moved[size_t(i)]));
        endMoveRows();
        return true;
    }

    Group *from = groupOf(sourceParent);
    Group *to = groupOf(destinationParent);
    QList<PublishTemplate> moved = from->templates.mid(sourceRow, count);
    QList<int> renamed;
    if (from != to) {
        QStringList taken;
        for (int i = 0; i < moved.size(); ++i) {
            const QString name = uniqueIn(to, moved.at(i).name, taken);
            if (name != moved.at(i).name)
                renamed.append(i);
            moved[i].name = name;
            moved[i].group = to->name;
            taken.append(name);
        }
    }
    if (!beginMoveRows(sourceParent, sourceRow, sourceRow + count - 1, destinationParent, destinationChild))
        return false;
    from->templates.remove(sourceRow, count);
    const int at = from == to && destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        to->templates.insert(at + i, moved.at(i));
    endMoveRows();
    // A name that clashed in the new group got a suffix: the view must show it.
    for (const int i : renamed) {
        const QModelIndex changed = createIndex(at + i, NameColumn, to);
        Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::EditRole});
    }
    return true;
}

QModelIndex TemplateStore::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    return createIndex(row, column, groupOf(parent));
}

QModelIndex TemplateStore::parent(const QModelIndex &child) const
{
    if (!isTemplate(child))
        return {};
    const int row = groupRow(static_cast<const Group *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, NameColumn, nullptr);
}

int TemplateStore::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() > 0 || !isGroup(parent))
        return 0;
    const Group *group = groupOf(parent);
    return group ? int(group->templates.size()) : 0;
}

int TemplateStore::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool TemplateStore::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QString TemplateStore::toolTip(const QModelIndex &index) const
{
    const Group *group = groupOf(index);
    if (isGroup(index))
        return tr("%1: %2").arg(group->name, PreviewText::counted(group->templates.size(),
            QT_TRANSLATE_NOOP("PreviewText", "template"),
            QT_TRANSLATE_NOOP("PreviewText", "templates")));
    const PublishTemplate &t = group->templates.at(index.row());
    QString flags = tr("QoS %1").arg(t.qos);
    if (t.retain)
        flags += tr(", retained");
    const QString preview = t.effectiveMode() == PublishTemplate::EditorMode::Hex
                                ? tr("%1 of binary data").arg(PreviewText::counted(t.payload.size(),
                                    QT_TRANSLATE_NOOP("PreviewText", "byte"),
                                    QT_TRANSLATE_NOOP("PreviewText", "bytes")))
                                : QString::fromUtf8(t.payload.left(200)).simplified();
    return tr("%1\n%2 [%3]\n%4").arg(t.name, t.topic, flags, preview.isEmpty() ? tr("(empty payload)") : preview);
}

QVariant TemplateStore::data(const QModelIndex &index, int role) const
{
    const Group *group = groupOf(index);
    if (!group)
        return {};
    const bool isGroupRow = isGroup(index);
    if (!isGroupRow && index.row() >= group->templates.size())
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (isGroupRow)
            return index.column() == NameColumn ? QVariant(group->name) : QVariant();
        return index.column() == NameColumn ? group->templates.at(index.row()).name
                                            : group->templates.at(index.row()).topic;
    case Qt::ToolTipRole:
        return toolTip(index);
    case Qt::FontRole:
        if (isGroupRow) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case IsGroupRole:
        return isGroupRow;
    case GroupNameRole:
        return group->name;
    default:
        return {};
    }
}

bool TemplateStore::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != NameColumn)
        return false;
    QString error;
    if (!rename(index, value.toString(), &error)) {
        qCInfo(lcTemplates) << "rename refused:" << error;
        return false;
    }
    return true;
}

Qt::ItemFlags TemplateStore::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // a group dropped below the last one
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsEditable;
    if (isTemplate(index))
        f |= Qt::ItemNeverHasChildren;
    if (index.column() == NameColumn)
        f |= Qt::ItemIsDragEnabled;
    f |= Qt::ItemIsDropEnabled;
    return f;
}

Qt::DropActions TemplateStore::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions TemplateStore::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList TemplateStore::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *TemplateStore::mimeData(const QModelIndexList &indexes) const
{
    // One row at a time: the view selects single rows.
    for (const QModelIndex &index : indexes) {
        if (index.column() != NameColumn || index.model() != this)
            continue;
        QByteArray text = isGroup(index) ? QByteArray::number(index.row())
                                         : QByteArray::number(index.parent().row()) + ' ' + QByteArray::number(index.row());
        auto *data = new QMimeData;
        data->setData(QString::fromLatin1(kMimeType), text);
        return data;
    }
    return nullptr;
}

bool TemplateStore::dropMove(const QMimeData *data, int row, const QModelIndex &parent, QModelIndex *sourceParent,
                             int *sourceRow, QModelIndex *destinationParent, int *destinationChild) const
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return false;
    const QList<QByteArray> parts = data->data(QString::fromLatin1(kMimeType)).split(' ');
    bool ok = parts.size() == 1 || parts.size() == 2;
    const int first = ok ? parts.at(0).toInt(&ok) : -1;
    if (!ok || first < 0 || first >= groupCount())
        return false;
    if (parts.size() == 1) {
        // A group goes before the group it is dropped on (or the group of that template).
        int to = row >= 0 && !parent.isValid() ? row : groupCount();
        if (isGroup(parent))
            to = parent.row();
        else if (isTemplate(parent))
            to = parent.parent().row();
        if (to == first || to == first + 1)
            return false;
        *sourceParent = QModelIndex();
        *sourceRow = first;
        *destinationParent = QModelIndex();
        *destinationChild = to;
        return true;
    }
    const QModelIndex fromGroup = index(first, 0);
    const int second = parts.at(1).toInt(&ok);
    if (!ok || second < 0 || second >= rowCount(fromGroup))
        return false;
    QModelIndex toGroup;
    int to = -1;
    if (isGroup(parent)) {
        toGroup = parent.siblingAtColumn(0);
        to = row >= 0 ? row : rowCount(toGroup);
    } else if (isTemplate(parent)) {
        toGroup = parent.parent();
        to = parent.row();
    } else {
        return false; // templates live in groups
    }
    if (toGroup == fromGroup && (to == second || to == second + 1))
        return false;
    *sourceParent = fromGroup;
    *sourceRow = second;
    *destinationParent = toGroup;
    *destinationChild = to;
    return true;
}

bool TemplateStore::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent) const
{
    Q_UNUSED(column)
    QModelIndex sourceParent, destinationParent;
    int sourceRow = -1, destinationChild = -1;
    return action == Qt::MoveAction
           && dropMove(data, row, parent, &sourceParent, &sourceRow, &destinationParent, &destinationChild);
}

bool TemplateStore::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                 const QModelIndex &parent)
{
    Q_UNUSED(column)
    QModelIndex sourceParent, destinationParent;
    int sourceRow = -1, destinationChild = -1;
    if (action == Qt::MoveAction
        && dropMove(data, row, parent, &sourceParent, &sourceRow, &destinationParent, &destinationChild))
        moveRows(sourceParent, sourceRow, 1, destinationParent, destinationChild);
    return false; // see the header: the move is done, the view must not remove anything
}

QVariant TemplateStore::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Template");
    case TopicColumn:
        return tr("Topic");
    default:
        return {};
    }
}

void TemplateStore::save(QSettings &settings) const
{
    settings.beginGroup(settingsGroup());
    settings.remove(QString()); // the whole group: a deleted template must not linger
    settings.setValue(QStringLiteral("version"), kFormatVersion);
    settings.beginWriteArray(QStringLiteral("groups"), int(m_groups.size()));
    for (size_t g = 0; g < m_groups.size(); ++g) {
        const Group &group = *m_groups[g];
        settings.setArrayIndex(int(g));
        settings.setValue(QStringLiteral("name"), group.name);
        settings.beginWriteArray(QStringLiteral("templates"), int(group.templates.size()));
        for (int i = 0; i < group.templates.size(); ++i) {
            const PublishTemplate &t = group.templates.at(i);
            settings.setArrayIndex(i);
            settings.setValue(QStringLiteral("name"), t.name);
            settings.setValue(QStringLiteral("topic"), t.topic);
            // Base64: QSettings' INI files would mangle NUL and invalid UTF-8.
            settings.setValue(QStringLiteral("payload"), base64(t.payload));
            settings.setValue(QStringLiteral("qos"), t.qos);
            settings.setValue(QStringLiteral("retain"), t.retain);
            settings.setValue(QStringLiteral("mode"), PublishTemplate::modeName(t.mode));
            if (t.contentType)
                settings.setValue(QStringLiteral("contentType"), *t.contentType);
            if (t.payloadFormatIndicator)
                settings.setValue(QStringLiteral("payloadFormatIndicator"), int(*t.payloadFormatIndicator));
            if (t.messageExpiryInterval)
                settings.setValue(QStringLiteral("messageExpiryInterval"), qint64(*t.messageExpiryInterval));
            if (t.responseTopic)
                settings.setValue(QStringLiteral("responseTopic"), *t.responseTopic);
            if (t.correlationData)
                settings.setValue(QStringLiteral("correlationData"), base64(*t.correlationData));
            settings.setValue(QStringLiteral("correlationHex"), t.correlationHex);
            settings.beginWriteArray(QStringLiteral("userProperties"), int(t.userProperties.size()));
            for (int p = 0; p < t.userProperties.size(); ++p) {
                settings.setArrayIndex(p);
                settings.setValue(QStringLiteral("name"), t.userProperties.at(p).first);
                settings.setValue(QStringLiteral("value"), t.userProperties.at(p).second);
            }
            settings.endArray();
        }
        settings.endArray();
    }
    settings.endArray();
    settings.endGroup();
}

void TemplateStore::load(QSettings &settings)
{
    beginResetModel();
    m_groups.clear();
    settings.beginGroup(settingsGroup());
    const int version = settings.value(QStringLiteral("version"), kFormatVersion).toInt();
    if (version != kFormatVersion) {
        // Written by a newer build: better none than wrong ones (and save() would drop them).
        qCWarning(lcTemplates) << "ignoring publish templates of settings version" << version;
        settings.endGroup();
        endResetModel();
        return;
    }
    const int groups = settings.beginReadArray(QStringLiteral("groups"));
    for (int g = 0; g < groups; ++g) {
        settings.setArrayIndex(g);
        QString name = settings.value(QStringLiteral("name")).toString().trimmed();
        if (name.isEmpty())
            name = defaultGroupName();
        Group *group = findGroup(name);
        if (!group) {
            m_groups.push_back(std::make_unique<Group>());
            group = m_groups.back().get();
            group->name = name;
        }
        const int count = settings.beginReadArray(QStringLiteral("templates"));
        for (int i = 0; i < count; ++i) {
            settings.setArrayIndex(i);
            PublishTemplate t;
            t.group = group->name;
            t.name = uniqueIn(group, settings.value(QStringLiteral("name")).toString());
            t.topic = settings.value(QStringLiteral("topic")).toString();
            t.payload = fromBase64(settings.value(QStringLiteral("payload")));
            t.qos = qBound(0, settings.value(QStringLiteral("qos")).toInt(), 2);
            t.retain = settings.value(QStringLiteral("retain")).toBool();
            t.mode = PublishTemplate::modeFromName(settings.value(QStringLiteral("mode")).toString())
                         .value_or(PublishTemplate::EditorMode::Auto);
            if (settings.contains(QStringLiteral("contentType")))
                t.contentType = settings.value(QStringLiteral("contentType")).toString();
            if (settings.contains(QStringLiteral("payloadFormatIndicator")))
                t.payloadFormatIndicator = quint8(qBound(0, settings.value(QStringLiteral("payloadFormatIndicator")).toInt(), 1));
            if (settings.contains(QStringLiteral("messageExpiryInterval")))
                t.messageExpiryInterval = quint32(settings.value(QStringLiteral("messageExpiryInterval")).toLongLong());
            if (settings.contains(QStringLiteral("responseTopic")))
                t.responseTopic = settings.value(QStringLiteral("responseTopic")).toString();
            if (settings.contains(QStringLiteral("correlationData")))
                t.correlationData = fromBase64(settings.value(QStringLiteral("correlationData")));
            t.correlationHex = settings.value(QStringLiteral("correlationHex")).toBool();
            const int props = settings.beginReadArray(QStringLiteral("userProperties"));
            for (int p = 0; p < props; ++p) {
                settings.setArrayIndex(p);
                t.userProperties.append({settings.value(QStringLiteral("name")).toString(),
                                         settings.value(QStringLiteral("value")).toString()});
            }
            settings.endArray();
            if (t.name.isEmpty())
                t.name = uniqueIn(group, tr("Untitled"));
            group->templates.append(t);
        }
        settings.endArray();
    }
    settings.endArray();
    settings.endGroup();
    endResetModel();
}

QByteArray TemplateStore::toJson() const
{
    QJsonArray groups;
    QJsonArray templates;
    for (const auto &group : m_groups) {
        groups.append(group->name);
        for (PublishTemplate t : group->templates) {
            t.group = group->name;
            templates.append(t.toJson());
        }
    }
    QJsonObject root;
    root.insert(QStringLiteral("format"), formatName());
    root.insert(QStringLiteral("version"), kFormatVersion);
    root.insert(QStringLiteral("groups"), groups);
    root.insert(QStringLiteral("templates"), templates);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool TemplateStore::importJson(const QByteArray &json, QString *error, ImportResult *result)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (json.trimmed().isEmpty())
        return fail(tr("The file is empty"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("Not a JSON file: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return fail(tr("Not a templates file: the JSON is not an object"));
    const QJsonObject root = doc.object();
    const QJsonValue format = root.value(QLatin1String("format"));
    if (!format.isString())
        return fail(tr("Not a templates file: \"format\" is missing (expected \"%1\")").arg(formatName()));
    if (format.toString() != formatName())
        return fail(tr("Not a templates file: \"format\" is \"%1\", expected \"%2\"").arg(format.toString(), formatName()));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble())
        return fail(tr("\"version\" is missing or not a number"));
    if (version.toDouble() != kFormatVersion)
        return fail(tr("Version %1 of the templates format is not supported (this program reads version %2)")
                        .arg(version.toDouble()).arg(kFormatVersion));

    QStringList groupOrder;
    const QJsonValue groupsValue = root.value(QLatin1String("groups"));
    if (!groupsValue.isUndefined()) {
        if (!groupsValue.isArray())
            return fail(tr("\"groups\" must be an array of group names"));
        const QJsonArray groups = groupsValue.toArray();
        for (qsizetype i = 0; i < groups.size(); ++i) {
            if (!groups.at(i).isString() || groups.at(i).toString().trimmed().isEmpty())
                return fail(tr("Group %1: the name is missing or not a string").arg(i + 1));
            groupOrder.append(groups.at(i).toString().trimmed());
        }
    }
    const QJsonValue templatesValue = root.value(QLatin1String("templates"));
    if (!templatesValue.isArray())
        return fail(tr("\"templates\" is missing or not an array"));
    const QJsonArray array = templatesValue.toArray();
    QList<PublishTemplate> parsed;
    parsed.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fail(tr("Template %1: not a JSON object").arg(i + 1));
        const QJsonObject object = array.at(i).toObject();
        QString why;
        const std::optional<PublishTemplate> t = PublishTemplate::fromJson(object, &why);
        if (!t) {
            const QJsonValue name = object.value(QLatin1String("name"));
            if (name.isString() && !name.toString().isEmpty())
                return fail(tr("Template %1 (\"%2\"): %3").arg(i + 1).arg(name.toString(), why));
            return fail(tr("Template %1: %2").arg(i + 1).arg(why));
        }
        parsed.append(*t);
    }

    // Everything is valid: only now does the store change.
    ImportResult done;
    for (const QString &group : std::as_const(groupOrder))
        addGroup(group);
    for (PublishTemplate t : std::as_const(parsed)) {
        if (t.group.trimmed().isEmpty())
            t.group = defaultGroupName();
        t.group = t.group.trimmed();
        const QModelIndex added = addTemplate(t);
        const QString name = added.data().toString();
        if (name != t.name.trimmed())
            done.renamed.append(tr("%1/%2 → %3").arg(t.group, t.name, name));
        ++done.added;
    }
    qCDebug(lcTemplates) << "imported" << done.added << "templates," << done.renamed.size() << "renamed";
    if (result)
        *result = done;
    return true;
}

bool TemplateStore::exportFile(const QString &path, QString *error) const
{
    QSaveFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(name, file.errorString());
        return false;
    }
    file.write(toJson());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(name, file.errorString());
        return false;
    }
    return true;
}

bool TemplateStore::importFile(const QString &path, QString *error, ImportResult *result)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(name, file.errorString());
        return false;
    }
    if (file.size() > kMaxImportSize) {
        if (error)
            *error = tr("%1 is too large for a templates file").arg(name);
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(name, file.errorString());
        return false;
    }
    QString why;
    if (!importJson(bytes, &why, result)) {
        if (error)
            *error = tr("%1: %2").arg(name, why);
        return false;
    }
    return true;
}
