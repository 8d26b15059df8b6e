#include "historymodel.h"

#include "payloadformat.h"

#include <QDateTime>

#include <algorithm>

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void HistoryModel::setMessages(const QList<mqtt::Message> &messages)
{
    const qsizetype old = m_messages.size();
    // Message::operator== compares the shared pointer first, so the usual case (the same
    // messages handed again) costs two pointer compares.
    const bool grownAtEnd = old > 0 && messages.size() >= old
                            && messages.first() == m_messages.first()
                            && messages.at(old - 1) == m_messages.last();
    if (grownAtEnd) {
        if (messages.size() == old) {
            m_messages = messages;
            return;
        }
        beginInsertRows(QModelIndex(), int(old), int(messages.size() - 1));
        m_messages = messages;
        endInsertRows();
        return;
    }
    if (old == 0 && messages.isEmpty())
        return;
    beginResetModel();
    m_messages = messages;
    endResetModel();
}

void HistoryModel::clear()
{
    setMessages({});
}

mqtt::Message HistoryModel::message(int row) const
{
    if (row < 0 || row >= m_messages.size())
        return mqtt::Message();
    return m_messages.at(row);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const mqtt::Message &message = m_messages.at(index.row());
    if (role == MessageRole)
        return QVariant::fromValue(message);
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == SizeColumn || index.column() == QosColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn) {
        return QDateTime::fromMSecsSinceEpoch(message.timestamp())
            .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(message.timestamp())
            .toString(QStringLiteral("hh:mm:ss.zzz"));
    case QosColumn:
        return message.qos();
    case RetainColumn:
        return message.retain() ? QStringLiteral("R") : QString();
    case SizeColumn:
        return PayloadFormat::sizeText(message.payload().size());
    case PayloadColumn:
        return preview(message.payload());
    }
    return QVariant();
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case QosColumn:
        return tr("QoS");
    case RetainColumn:
        return tr("Retain");
    case SizeColumn:
        return tr("Size");
    case PayloadColumn:
        return tr("Payload");
    }
    return QVariant();
}

QString HistoryModel::preview(const QByteArray &payload)
{
    constexpr qsizetype maxChars = 120;
    // A prefix only: the preview of a 16 MiB payload must cost what a short one does.
    const QByteArray head = payload.left(maxChars * 2);
    // Control characters mean binary; invalid UTF-8 (maybe a sequence cut by left()) is
    // shown as U+FFFD in the text.
    const bool binary = std::any_of(head.begin(), head.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f;
    });
    if (binary) {
        QString hex = QString::fromLatin1(head.left(24).toHex(' '));
        if (payload.size() > 24)
            hex += QStringLiteral(" …");
        return hex;
    }
    QString text = QString::fromUtf8(head).simplified();
    if (text.size() > maxChars || head.size() < payload.size())
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}
