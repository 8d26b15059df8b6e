#pragma once

#include "codec/protocol.h"

#include <QSortFilterProxyModel>

// The packet inspector's filter by packet type over a PacketModel (its TypeRole): every type
// visible by default. Rows are never sorted, so appended packets stay one inserted range.
class PacketFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PacketFilterModel(QObject *parent = nullptr);

    // One bit per packet type number (bit 3 = PUBLISH).
    void setVisibleTypes(quint16 mask);
    quint16 visibleTypes() const { return m_mask; }
    void setTypeVisible(mqtt::PacketType type, bool visible);
    bool isTypeVisible(mqtt::PacketType type) const;
    static constexpr quint16 kAllTypes = 0xFFFF;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    quint16 m_mask = kAllTypes;
};
