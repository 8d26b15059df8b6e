#pragma once

#include <QAbstractTableModel>
#include <QList>

class MessageStore;
#include "topicnode.h"

// "What floods this broker": the topics with the highest current msgs/s (or bytes/s),
// refreshed on each rate tick of the store (about once a second), at most limit() rows.
class TopTalkersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TopicColumn, RateColumn, BytesRateColumn, MessagesColumn, ShareColumn,
                  ColumnCount };
    enum class SortBy { Messages, Bytes };
    enum Role { TopicRole = Qt::UserRole + 1 };

    explicit TopTalkersModel(MessageStore *store, QObject *parent = nullptr);

    void setSortBy(SortBy sortBy);
    SortBy sortBy() const { return m_sortBy; }
    void setLimit(int rows);
    int limit() const { return m_limit; }
    QString topicAt(int row) const;
    void refresh();
    // Ranking walks every topic with a rate; a model nobody looks at skips it (a million
    // active topics cost tens of ms per tick). Activating refreshes at once.
    void setActive(bool active);
    bool isActive() const { return m_active; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        TopicNode *node;
        QString topic;
        float rate;
        float bytesRate;
        qint64 messages;
    };
    MessageStore *m_store;
    QList<Row> m_rows;
    SortBy m_sortBy = SortBy::Messages;
    int m_limit = 100;
    bool m_active = true;
    double m_totalRate = 0;
};
