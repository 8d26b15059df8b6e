#pragma once

#include "publishtemplate.h"

#include <QAbstractItemModel>
#include <QStringList>

#include <memory>
#include <vector>

class QSettings;

// The publish composer's saved templates, filed in groups (folders): a two-level tree whose
// top rows are groups and whose children are templates, in the user's order. Names are unique
// within a group; whatever would clash (an import, a move, a duplicate) gets " (2)", " (3)"…
// appended, so nothing is ever overwritten silently. Persisted in QSettings under
// "PublishTemplates" (payloads and correlation data base64-encoded), exchanged as the JSON
// file format of docs/publish-templates.md.
class TemplateStore : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TopicColumn, ColumnCount };
    enum Role {
        IsGroupRole = Qt::UserRole + 1, // bool
        GroupNameRole, // QString: the group of a template, the name of a group
    };

    // What importJson() did.
    struct ImportResult
    {
        int added = 0;
        QStringList renamed; // "group/old name → new name" for each name that clashed
    };

    static constexpr int kFormatVersion = 1;
    static QString formatName(); // the JSON "format" value
    static QString settingsGroup(); // QSettings group of save()/load()

    explicit TemplateStore(QObject *parent = nullptr);
    ~TemplateStore() override;

    // The group used for a template without one.
    static QString defaultGroupName();

    int groupCount() const { return int(m_groups.size()); }
    QStringList groupNames() const;
    int templateCount() const;
    QList<PublishTemplate> templates() const; // in display order, groups filled in

    bool isGroup(const QModelIndex &index) const;
    bool isTemplate(const QModelIndex &index) const;
    QModelIndex groupIndex(const QString &name) const;
    QModelIndex findTemplate(const QString &group, const QString &name) const;
    // The template at `index` (column ignored); a default one for a group or invalid index.
    PublishTemplate templateAt(const QModelIndex &index) const;
    // `name`, or `name (2)`, `name (3)`… whichever is free in `group`.
    QString uniqueName(const QString &group, const QString &name) const;

    // Returns the existing group of that name, if any.
    QModelIndex addGroup(const QString &name);
    // Appends to t.group (created when missing); a clashing name gets a suffix.
    QModelIndex addTemplate(const PublishTemplate &t);
    // Replaces everything but the name and group of the template at `index`.
    bool updateTemplate(const QModelIndex &index, const PublishTemplate &t);
    // Renames a group or template; false with *error when the name is empty or taken.
    bool rename(const QModelIndex &index, const QString &name, QString *error = nullptr);
    // Appends the template to `group` (created when missing); returns its new index.
    QModelIndex moveToGroup(const QModelIndex &index, const QString &group);
    // One row up or down among its siblings (a group among groups).
    bool moveUp(const QModelIndex &index);
    bool moveDown(const QModelIndex &index);
    // A copy right below, named "<name> (copy)".
    QModelIndex duplicate(const QModelIndex &index);
    // A group goes with its templates.
    bool remove(const QModelIndex &index);
    void clear();

    void save(QSettings &settings) const;
    void load(QSettings &settings);

    // The JSON file: every group (empty ones too) and template, in order.
    QByteArray toJson() const;
    // Adds what the file holds. The whole file is checked first: on any problem nothing is
    // added and *error names it (the template's 1-based position and the field).
    bool importJson(const QByteArray &json, QString *error, ImportResult *result = nullptr);
    bool exportFile(const QString &path, QString *error) const;
    bool importFile(const QString &path, QString *error, ImportResult *result = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                  const QModelIndex &destinationParent, int destinationChild) override;

    // Drag and drop inside the view: a template onto a group, between or onto templates
    // (before it); a group before another group. The drop is a moveRows(), so dropMimeData()
    // returns false: true would make the view remove the source rows as after a copy.
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

private:
    struct Group
    {
        QString name;
        QList<PublishTemplate> templates;
    };

    Group *groupOf(const QModelIndex &index) const; // the group of a template, or a group itself
    int groupRow(const Group *group) const;
    Group *findGroup(const QString &name) const;
    static QString uniqueIn(const Group *group, const QString &name, const QStringList &alsoTaken = {});
    QString toolTip(const QModelIndex &index) const;
    // The move a drop of `data` at (row, parent) means; false when it means none.
    bool dropMove(const QMimeData *data, int row, const QModelIndex &parent, QModelIndex *sourceParent,
                  int *sourceRow, QModelIndex *destinationParent, int *destinationChild) const;

    // Groups own their templates; an index's internal pointer is the Group of a template
    // (nullptr for a group row), which stays valid while rows move.
    std::vector<std::unique_ptr<Group>> m_groups;
};
