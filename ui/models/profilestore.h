#pragma once

#include "connectionprofile.h"

#include <QAbstractListModel>
#include <QStringList>

class QSettings;

// The saved connection profiles, one row each, in the user's order. Names are unique (a clash
// gets " (2)", " (3)"…). Kept in QSettings under "ConnectionProfiles" as one JSON object per
// entry, so that a damaged entry is reported and skipped while the others load; exchanged as
// a JSON file ({"format": "mqtt-inspector-profiles", "version": 1, "profiles": [...]}).
// Neither ever holds a password or key passphrase: those stay in memory (this session) or go
// to the system keychain (SecretStore).
class ProfileStore : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        UrlRole = Qt::UserRole + 1, // QString: "mqtts://host:8883"
        ConnectAtLaunchRole,        // bool
    };

    static constexpr int kFormatVersion = 1;
    static QString formatName();
    static QString settingsGroup();

    explicit ProfileStore(QObject *parent = nullptr);

    int count() const { return int(m_profiles.size()); }
    QList<ConnectionProfile> profiles() const { return m_profiles; }
    ConnectionProfile profile(int row) const;
    int indexOf(const QString &name) const; // -1 when there is none
    int indexOfId(const QString &id) const;
    QString uniqueName(const QString &name, int exceptRow = -1) const;

    // Appends (the name made unique, a new id when it has none or a taken one); returns the
    // new row.
    int add(const ConnectionProfile &profile);
    // Replaces the profile at `row` (its id stays); a name taken by another row is made unique.
    bool update(int row, const ConnectionProfile &profile);
    // A copy right below, "<name> (copy)"; returns its row or -1.
    int duplicate(int row);
    bool rename(int row, const QString &name, QString *error = nullptr);
    bool remove(int row);
    void clear();

    void save(QSettings &settings) const;
    // Replaces the list with what the settings hold. Returns one message per damaged entry
    // ("Saved profile 2: ..."); the others load.
    QStringList load(QSettings &settings);

    // Every profile, without secrets.
    QByteArray toJson() const;
    // Adds the file's profiles. A file that is not a profiles file adds nothing and gives one
    // message; a damaged profile in it gives a message ("Profile 3 (\"name\"): ...") and the
    // others are added. Returns the number added.
    int importJson(const QByteArray &json, QStringList *errors);
    bool exportFile(const QString &path, QString *error) const;
    int importFile(const QString &path, QStringList *errors);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    QList<ConnectionProfile> m_profiles;
};
