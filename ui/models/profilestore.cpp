#include "profilestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>

namespace {

Q_LOGGING_CATEGORY(lcProfiles, "mqtt.ui.profiles", QtWarningMsg)

// A profiles file is a few kilobytes; anything this large is not one.
constexpr qint64 kMaxImportSize = 16 * 1024 * 1024;

const QLatin1String kEntryKey("json");

} // namespace

QString ProfileStore::formatName()
{
    return QStringLiteral("mqtt-inspector-profiles");
}

QString ProfileStore::settingsGroup()
{
    return QStringLiteral("ConnectionProfiles");
}

ProfileStore::ProfileStore(QObject *parent)
    : QAbstractListModel(parent)
{
}

ConnectionProfile ProfileStore::profile(int row) const
{
    return row >= 0 && row < m_profiles.size() ? m_profiles.at(row) : ConnectionProfile();
}

int ProfileStore::indexOf(const QString &name) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

int ProfileStore::indexOfId(const QString &id) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).id == id)
            return i;
    }
    return -1;
}

QString ProfileStore::uniqueName(const QString &name, int exceptRow) const
{
    const QString base = name.trimmed().isEmpty() ? tr("New profile") : name.trimmed();
    const auto taken = [&](const QString &candidate) {
        const int row = indexOf(candidate);
        return row >= 0 && row != exceptRow;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}

int ProfileStore::add(const ConnectionProfile &profile)
{
    ConnectionProfile p = profile;
    p.name = uniqueName(p.name);
    if (p.id.isEmpty() || indexOfId(p.id) >= 0)
        p.id = ConnectionProfile::generateId();
    const int row = count();
    beginInsertRows(QModelIndex(), row, row);
    m_profiles.append(p);
    endInsertRows();
    return row;
}

bool ProfileStore::update(int row, const ConnectionProfile &profile)
{
    if (row < 0 || row >= count())
        return false;
    ConnectionProfile p = profile;
    p.name = uniqueName(p.name, row);
    p.id = m_profiles.at(row).id;
    m_profiles[row] = p;
    Q_EMIT dataChanged(index(row), index(row));
    return true;
}

int ProfileStore::duplicate(int row)
{
    if (row < 0 || row >= count())
        return -1;
    ConnectionProfile p = m_profiles.at(row);
    p.name = uniqueName(tr("%1 (copy)").arg(p.name));
    p.id = ConnectionProfile::generateId(); // its own keychain entries
    beginInsertRows(QModelIndex(), row + 1, row + 1);
    m_profiles.insert(row + 1, p);
    endInsertRows();
    return row + 1;
}

bool ProfileStore::rename(int row, const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    if (row < 0 || row >= count())
        return false;
    if (trimmed.isEmpty()) {
        if (error)
            *error = tr("A profile needs a name.");
        return false;
    }
    const int other = indexOf(trimmed);
    if (other >= 0 && other != row) {
        if (error)
            *error = tr("There is a profile called \"%1\" already.").arg(trimmed);
        return false;
    }
    m_profiles[row].name = trimmed;
    Q_EMIT dataChanged(index(row), index(row));
    return true;
}

bool ProfileStore::remove(int row)
{
    if (row < 0 || row >= count())
        return false;
    beginRemoveRows(QModelIndex(), row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
    return true;
}

void ProfileStore::clear()
{
    beginResetModel();
    m_profiles.clear();
    endResetModel();
}

void ProfileStore::save(QSettings &settings) const
{
    settings.remove(settingsGroup());
    settings.beginWriteArray(settingsGroup(), count());
    for (int i = 0; i < count(); ++i) {
        settings.setArrayIndex(i);
        // withoutSecrets(): toJson() writes none anyway; this keeps it so if it ever changes.
        settings.setValue(kEntryKey, QString::fromUtf8(QJsonDocument(m_profiles.at(i).withoutSecrets().toJson())
                                                          .toJson(QJsonDocument::Compact)));
    }
    settings.endArray();
}

QStringList ProfileStore::load(QSettings &settings)
{
    QStringList errors;
    QList<ConnectionProfile> loaded;
    const int size = settings.beginReadArray(settingsGroup());
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        const QByteArray text = settings.value(kEntryKey).toString().toUtf8();
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        QString why;
        std::optional<ConnectionProfile> p;
        if (parseError.error != QJsonParseError::NoError)
            why = tr("not JSON (%1 at offset %2)").arg(parseError.errorString()).arg(parseError.offset);
        else if (!doc.isObject())
            why = tr("not a JSON object");
        else
            p = ConnectionProfile::fromJson(doc.object(), &why);
        if (!p) {
            const QString name = doc.object().value(QStringLiteral("name")).toString();
            errors << (name.isEmpty() ? tr("Saved profile %1: %2").arg(i + 1).arg(why)
                                      : tr("Saved profile %1 (\"%2\"): %3").arg(i + 1).arg(name, why));
            // The caller shows the message; this is for the debug log.
            qCInfo(lcProfiles) << "skipping saved profile" << i + 1 << why;
            continue;
        }
        // Two entries with one name would make --profile ambiguous: the later one is renamed.
        QString name = p->name;
        for (int n = 2; std::any_of(loaded.cbegin(), loaded.cend(),
                                    [&](const ConnectionProfile &o) { return o.name == name; }); ++n)
            name = QStringLiteral("%1 (%2)").arg(p->name).arg(n);
        p->name = name;
        if (p->id.isEmpty() || std::any_of(loaded.cbegin(), loaded.cend(),
                                           [&](const ConnectionProfile &o) { return o.id == p->id; }))
            p->id = ConnectionProfile::generateId();
        loaded.append(*p);
    }
    settings.endArray();
    beginResetModel();
    m_profiles = loaded;
    endResetModel();
    return errors;
}

QByteArray ProfileStore::toJson() const
{
    QJsonArray profiles;
    for (const ConnectionProfile &p : m_profiles)
        profiles.append(p.withoutSecrets().toJson());
    QJsonObject root{{QStringLiteral("format"), formatName()},
                     {QStringLiteral("version"), kFormatVersion},
                     {QStringLiteral("profiles"), profiles}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

int ProfileStore::importJson(const QByteArray &json, QStringList *errors)
{
    QStringList ignored;
    QStringList &errs = errors ? *errors : ignored;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errs << tr("The file is not JSON: %1 at offset %2.")
                        .arg(parseError.errorString()).arg(parseError.offset);
        return 0;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != formatName()) {
        errs << tr("The file is not a profiles file: \"format\" is not \"%1\".").arg(formatName());
        return 0;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > kFormatVersion) {
        errs << tr("The file's version %1 is not one this version reads (1 to %2).")
                        .arg(root.value(QStringLiteral("version")).toVariant().toString())
                        .arg(kFormatVersion);
        return 0;
    }
    if (!root.value(QStringLiteral("profiles")).isArray()) {
        errs << tr("The file has no \"profiles\" list.");
        return 0;
    }
    const QJsonArray list = root.value(QStringLiteral("profiles")).toArray();
    int added = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject object = list.at(i).toObject();
        const QString shownName = object.value(QStringLiteral("name")).toString();
        const QString where = shownName.isEmpty() ? tr("Profile %1").arg(i + 1)
                                                  : tr("Profile %1 (\"%2\")").arg(i + 1).arg(shownName);
        if (!list.at(i).isObject()) {
            errs << tr("%1: not a JSON object").arg(where);
            continue;
        }
        QString why;
        std::optional<ConnectionProfile> p = ConnectionProfile::fromJson(object, &why);
        if (!p) {
            errs << tr("%1: %2").arg(where, why);
            continue;
        }
        add(*p);
        ++added;
    }
    return added;
}

bool ProfileStore::exportFile(const QString &path, QString *error) const
{
    // QSaveFile: a failed write leaves the old file (or none), never half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int ProfileStore::importFile(const QString &path, QStringList *errors)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors << tr("Cannot read %1: %2").arg(path, file.errorString());
        return 0;
    }
    if (file.size() > kMaxImportSize) {
        if (errors)
            *errors << tr("%1 is too large to be a profiles file (%2 bytes).").arg(path).arg(file.size());
        return 0;
    }
    return importJson(file.readAll(), errors);
}

int ProfileStore::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ProfileStore::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return p.name;
    case Qt::ToolTipRole:
    case UrlRole:
        return p.toSettings().displayUrl();
    case ConnectAtLaunchRole:
        return p.connectAtLaunch;
    default:
        return {};
    }
}

Qt::ItemFlags ProfileStore::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

bool ProfileStore::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    return rename(index.row(), value.toString());
}
