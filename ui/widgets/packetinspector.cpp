#include "packetinspector.h"

#include "connection.h"
#include "packetfiltermodel.h"
#include "packetformatter.h"
#include "packetmodel.h"

#include <QAction>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcPacketInspector, "mqtt.ui.packetinspector", QtWarningMsg)

namespace {

void addFields(QTreeWidgetItem *parent, QTreeWidget *tree, const QList<PacketFormatter::Field> &fields)
{
    for (const PacketFormatter::Field &f : fields) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
        item->setText(0, f.name);
        item->setText(1, f.value);
        item->setToolTip(1, f.value);
        addFields(item, tree, f.children);
    }
}

} // namespace

PacketInspector::PacketInspector(QWidget *parent)
    : QWidget(parent)
    , m_emptyModel(new PacketModel(this))
    , m_filter(new PacketFilterModel(this))
    , m_typeButton(new QToolButton(this))
    , m_countLabel(new QLabel(this))
    , m_droppedLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_table(new QTableView(m_splitter))
    , m_fields(new QTreeWidget)
    , m_hex(new QPlainTextEdit)
{
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setIconSize(QSize(16, 16));
    m_captureAction = toolbar->addAction(tr("Capture"));
    m_captureAction->setObjectName(QStringLiteral("packetCaptureAction"));
    m_captureAction->setCheckable(true);
    m_captureAction->setToolTip(tr("Record every packet both ways (off: costs nothing)"));
    m_clearAction = toolbar->addAction(tr("Clear"));
    m_clearAction->setObjectName(QStringLiteral("packetClearAction"));
    m_clearAction->setToolTip(tr("Forget the packets captured so far"));
    toolbar->addSeparator();

    // The type filter: a check list, one entry per control packet type.
    auto *menu = new QMenu(m_typeButton);
    QAction *all = menu->addAction(tr("Show All Types"));
    menu->addSeparator();
    for (int type = 1; type <= 15; ++type) {
        QAction *action = menu->addAction(PacketFormatter::typeName(mqtt::PacketType(type)));
        action->setCheckable(true);
        action->setChecked(true);
        connect(action, &QAction::toggled, this, [this, type](bool on) {
            m_filter->setTypeVisible(mqtt::PacketType(type), on);
            updateTypeButton();
            updateCounts();
        });
        m_typeActions.append(action);
    }
    connect(all, &QAction::triggered, this, [this] {
        for (QAction *action : std::as_const(m_typeActions))
            action->setChecked(true);
    });
    m_typeButton->setObjectName(QStringLiteral("packetTypeButton"));
    m_typeButton->setMenu(menu);
    m_typeButton->setPopupMode(QToolButton::InstantPopup);
    m_typeButton->setToolTip(tr("Show only some packet types"));
    m_typeButton->setAccessibleName(tr("Packet types shown"));
    toolbar->addWidget(m_typeButton);
    toolbar->addSeparator();
    m_countLabel->setObjectName(QStringLiteral("packetCountLabel"));
    m_droppedLabel->setObjectName(QStringLiteral("packetDroppedLabel"));
    m_droppedLabel->setToolTip(tr("Oldest packets dropped to keep the capture bounded"));
    toolbar->addWidget(m_countLabel);
    auto *gap = new QWidget(toolbar);
    gap->setFixedWidth(12);
    toolbar->addWidget(gap);
    toolbar->addWidget(m_droppedLabel);

    m_table->setObjectName(QStringLiteral("packetTable"));
    m_table->setAccessibleName(tr("Packets"));
    // Without a connection the table shows an empty model: the columns (and their widths) stay.
    m_filter->setSourceModel(m_emptyModel);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never measures 50,000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(PacketModel::NumberColumn, digit * 7);
    m_table->setColumnWidth(PacketModel::TimeColumn, digit * 14);
    m_table->setColumnWidth(PacketModel::DirectionColumn, digit * 12);
    m_table->setColumnWidth(PacketModel::TypeColumn, digit * 13);
    m_table->setColumnWidth(PacketModel::PacketIdColumn, digit * 9);
    m_table->setColumnWidth(PacketModel::SizeColumn, digit * 9);
    m_table->horizontalHeader()->setSectionResizeMode(PacketModel::SummaryColumn, QHeaderView::Stretch);

    auto *details = new QSplitter(Qt::Vertical, m_splitter);
    m_fields->setParent(details);
    m_fields->setObjectName(QStringLiteral("packetFields"));
    m_fields->setAccessibleName(tr("Decoded fields"));
    m_fields->setColumnCount(2);
    m_fields->setHeaderLabels({tr("Field"), tr("Value")});
    m_fields->setUniformRowHeights(true);
    m_fields->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_hex->setParent(details);
    m_hex->setObjectName(QStringLiteral("packetHex"));
    m_hex->setAccessibleName(tr("Hex dump"));
    m_hex->setReadOnly(true);
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hex->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hex->setPlaceholderText(tr("Select a packet to see its bytes"));
    details->setStretchFactor(0, 3);
    details->setStretchFactor(1, 2);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(m_splitter, 1);

    connect(m_captureAction, &QAction::toggled, this, [this](bool on) {
        if (m_connection)
            m_connection->setPacketCapture(on);
    });
    connect(m_clearAction, &QAction::triggered, this, [this] {
        if (m_connection)
            m_connection->packetModel()->clear();
        m_fields->clear();
        m_hex->clear();
    });
    // The user's scrolling decides whether new rows pull the view down (tail mode).
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_followTail = value >= m_table->verticalScrollBar()->maximum();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &PacketInspector::onRowsInserted);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showPacket(current); });

    setConnection(nullptr);
    updateTypeButton();
}

PacketInspector::~PacketInspector() = default;

void PacketInspector::setConnection(Connection *connection)
{
    if (connection == m_connection && m_connectionContext)
        return;
    delete m_connectionContext;
    m_connectionContext = new QObject(this);
    m_connection = connection;
    m_filter->setSourceModel(connection ? connection->packetModel() : m_emptyModel);
    m_fields->clear();
    m_hex->clear();
    m_followTail = true;
    {
        const QSignalBlocker blocker(m_captureAction);
        m_captureAction->setChecked(connection && connection->packetCapture());
    }
    m_captureAction->setEnabled(connection != nullptr);
    m_clearAction->setEnabled(connection != nullptr);
    if (connection) {
        connect(connection->packetModel(), &PacketModel::countsChanged, m_connectionContext,
                [this] { updateCounts(); });
        connect(connection, &Connection::packetCaptureChanged, m_connectionContext, [this](bool on) {
            const QSignalBlocker blocker(m_captureAction);
            m_captureAction->setChecked(on);
        });
        m_table->scrollToBottom();
    }
    updateCounts();
}

void PacketInspector::updateCounts()
{
    const PacketModel *model = m_connection ? m_connection->packetModel() : nullptr;
    const qint64 rows = model ? model->rowCount() : 0;
    const qint64 shown = m_filter->rowCount();
    const qint64 dropped = model ? model->droppedPackets() : 0;
    const QString total = (rows == 1 ? tr("%1 packet") : tr("%1 packets")).arg(QLocale().toString(rows));
    m_countLabel->setText(shown == rows ? total
                                        : tr("%1 shown of %2").arg(QLocale().toString(shown), total));
    m_droppedLabel->setText(tr("%1 dropped").arg(QLocale().toString(dropped)));
    m_droppedLabel->setEnabled(dropped > 0);
}

void PacketInspector::updateTypeButton()
{
    int shown = 0;
    for (QAction *action : std::as_const(m_typeActions))
        shown += action->isChecked() ? 1 : 0;
    m_typeButton->setText(shown == int(m_typeActions.size()) ? tr("Types: all")
                                                             : tr("Types: %1 of %2").arg(shown).arg(m_typeActions.size()));
}

void PacketInspector::onRowsInserted()
{
    if (m_followTail)
        m_table->scrollToBottom();
}

void PacketInspector::showPacket(const QModelIndex &index)
{
    m_fields->clear();
    if (!index.isValid()) {
        m_hex->clear();
        return;
    }
    const auto packet = index.data(PacketModel::PacketRole).value<mqtt::CapturedPacket>();
    addFields(nullptr, m_fields, PacketFormatter::fields(packet));
    m_fields->expandAll();
    // The fields show the password's length only; the bytes must not show it either.
    const auto [maskFrom, maskLength] = PacketFormatter::passwordRange(packet);
    m_hex->setPlainText(PacketFormatter::hexDump(packet.bytes, PacketFormatter::kHexDumpMaxBytes,
                                                 maskFrom, maskLength));
    qCDebug(lcPacketInspector) << "showing" << PacketFormatter::typeName(packet.type())
                               << packet.bytes.size() << "bytes";
}
