#pragma once

#include <QPointer>
#include <QWidget>

class Connection;
class PacketFilterModel;
class PacketModel;
class QAction;
class QLabel;
class QModelIndex;
class QPlainTextEdit;
class QSplitter;
class QTableView;
class QToolButton;
class QTreeWidget;

// Every packet of the current connection both ways: a toolbar (Capture on/off, Clear, a
// filter by packet type, the packet and drop counts), the table over the connection's
// PacketModel (following the tail while the user leaves it at the bottom) and, for the
// selected packet, its decoded fields and hex dump. Capture is off until asked for: the
// client's observer then costs nothing. Rows arrive in the model's batches, never one by one.
class PacketInspector : public QWidget
{
    Q_OBJECT
public:
    explicit PacketInspector(QWidget *parent = nullptr);
    ~PacketInspector() override;

    // Follows the current tab; nullptr shows nothing and disables the controls.
    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }

    QAction *captureAction() const { return m_captureAction; }
    QAction *clearAction() const { return m_clearAction; }
    QToolButton *typeButton() const { return m_typeButton; }
    QList<QAction *> typeActions() const { return m_typeActions; }
    QLabel *countLabel() const { return m_countLabel; }
    QLabel *droppedLabel() const { return m_droppedLabel; }
    QTableView *table() const { return m_table; }
    QTreeWidget *fieldsView() const { return m_fields; }
    QPlainTextEdit *hexView() const { return m_hex; }
    PacketFilterModel *filterModel() const { return m_filter; }
    bool isFollowingTail() const { return m_followTail; }

private:
    void updateCounts();
    void updateTypeButton();
    void showPacket(const QModelIndex &index);
    void onRowsInserted();

    QPointer<Connection> m_connection;
    QPointer<QObject> m_connectionContext; // ends every connection to the old model at once
    PacketModel *m_emptyModel;
    PacketFilterModel *m_filter;
    QAction *m_captureAction;
    QAction *m_clearAction;
    QToolButton *m_typeButton;
    QList<QAction *> m_typeActions; // index + 1 is the packet type
    QLabel *m_countLabel;
    QLabel *m_droppedLabel;
    QSplitter *m_splitter;
    QTableView *m_table;
    QTreeWidget *m_fields;
    QPlainTextEdit *m_hex;
    bool m_followTail = true;
};
