#pragma once

#include "message.h"

#include <QAbstractTableModel>
#include <QList>

// The messages of one topic, oldest first, for the details' History tab. The store hands the
// whole history again on every flush; setMessages() turns "the same list, grown at the end"
// into one beginInsertRows and anything else (front dropped by the history budget, another
// topic) into a reset.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, QosColumn, RetainColumn, SizeColumn, PayloadColumn, ColumnCount };
    enum Role { MessageRole = Qt::UserRole + 1 }; // QVariant<mqtt::Message>

    explicit HistoryModel(QObject *parent = nullptr);

    void setMessages(const QList<mqtt::Message> &messages);
    void clear();
    const QList<mqtt::Message> &messages() const { return m_messages; }
    mqtt::Message message(int row) const; // a default Message when out of range

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // One line of at most ~120 characters, from the payload's first bytes only.
    static QString preview(const QByteArray &payload);

private:
    QList<mqtt::Message> m_messages;
};
