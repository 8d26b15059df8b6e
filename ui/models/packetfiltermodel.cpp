#include "packetfiltermodel.h"

#include "packetmodel.h"

PacketFilterModel::PacketFilterModel(QObject *parent) : QSortFilterProxyModel(parent) { }

void PacketFilterModel::setVisibleTypes(quint16 mask)
{
    if (mask == m_mask)
        return;
    m_mask = mask;
    invalidateFilter();
}

void PacketFilterModel::setTypeVisible(mqtt::PacketType type, bool visible)
{
    const quint16 bit = quint16(1u << quint8(type));
    setVisibleTypes(visible ? quint16(m_mask | bit) : quint16(m_mask & ~bit));
}

bool PacketFilterModel::isTypeVisible(mqtt::PacketType type) const
{
    return m_mask & (1u << quint8(type));
}

bool PacketFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_mask == kAllTypes)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const int type = sourceModel()->data(index, PacketModel::TypeRole).toInt();
    return m_mask & (1u << (type & 0x0F));
}
