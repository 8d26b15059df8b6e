#include "connectiondialog.h"

#include "brokerurl.h"
#include "profilestore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QGridLayout>

#include <algorithm>
#include <limits>
#include <memory>

namespace {

Q_LOGGING_CATEGORY(lcDialog, "mqtt.ui.connectiondialog", QtWarningMsg)

enum SubscriptionColumn { FilterCol, QosCol, NoLocalCol, RapCol, RetainHandlingCol, SubIdCol, SubColumnCount };

QSpinBox *spin(int min, int max, const QString &notSent = QString(), const QString &suffix = QString())
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    if (!notSent.isEmpty())
        box->setSpecialValueText(notSent);
    box->setSuffix(suffix);
    return box;
}

// A path field with a "Browse…" button beside it.
QWidget *withBrowse(QLineEdit *edit, QWidget *parent, const QString &title)
{
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    // The form's label names the row, not the field: name the field for screen readers.
    edit->setAccessibleName(title);
    auto *browse = new QPushButton(ConnectionDialog::tr("Browse…"));
    browse->setAccessibleName(ConnectionDialog::tr("Browse for %1").arg(title));
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, parent, title] {
        const QString file = QFileDialog::getOpenFileName(parent, title, edit->text(),
                                                          ConnectionDialog::tr("PEM files (*.pem *.crt *.key);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    return row;
}

QFormLayout *form(QWidget *widget)
{
    auto *layout = new QFormLayout(widget);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return layout;
}

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Connections"));

    m_notice = new QLabel;
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_notice->hide();

    m_url = new QLineEdit;
    m_url->setPlaceholderText(tr("mqtts://user@broker.example:8883/topic/#"));
    m_url->setAccessibleName(tr("Broker URL"));
    m_url->setClearButtonEnabled(true);
    auto *fill = new QPushButton(tr("&Fill Form"));
    auto *urlRow = new QHBoxLayout;
    auto *urlLabel = new QLabel(tr("From &URL:"));
    urlLabel->setBuddy(m_url);
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_url, 1);
    urlRow->addWidget(fill);
    connect(fill, &QPushButton::clicked, this, &ConnectionDialog::fillFromUrlField);
    // Return in the URL field fills the form; it must not also press Connect.
    m_url->installEventFilter(this);

    m_tabs = new QTabWidget;
    m_tabs->addTab(createGeneralTab(), tr("&General"));
    m_tabs->addTab(createTlsTab(), tr("&TLS"));
    m_tabs->addTab(createAuthTab(), tr("&Authentication"));
    m_tabs->addTab(createWillTab(), tr("&Will"));
    m_tabs->addTab(createMqtt5Tab(), tr("MQTT &5"));
    m_tabs->addTab(createSubscriptionsTab(), tr("&Subscriptions"));

    m_problemsLabel = new QLabel;
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    m_problemsLabel->setAccessibleName(tr("Problems"));

    m_buttons = new QDialogButtonBox;
    m_connect = m_buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setDefault(true);
    m_save = m_buttons->addButton(tr("Sa&ve"), QDialogButtonBox::ActionRole);
    m_buttons->addButton(QDialogButtonBox::Close);
    connect(m_connect, &QPushButton::clicked, this, [this] { saveAndMaybeConnect(true); });
    connect(m_save, &QPushButton::clicked, this, [this] { saveAndMaybeConnect(false); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *right = new QVBoxLayout;
    right->addLayout(urlRow);
    right->addWidget(m_tabs, 1);
    right->addWidget(m_problemsLabel);

    auto *columns = new QHBoxLayout;
    columns->addWidget(createProfilePanel());
    columns->addLayout(right, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(columns, 1);
    layout->addWidget(m_buttons);

    if (m_secrets)
        connect(m_secrets, &SecretStore::writeFinished, this, &ConnectionDialog::onSecretWritten);

    // Room for the six tabs' titles and the subscriptions table; fits a 1280x800 screen.
    resize(1060, 660);

    // Only Connect is pressed by Return; the other buttons by click or their mnemonic.
    for (QPushButton *button : findChildren<QPushButton *>()) {
        if (button != m_connect)
            button->setAutoDefault(false);
    }
    if (m_store->count() > 0)
        selectProfile(0);
    else
        setFormProfile(ConnectionProfile());
    updateState();
}

QWidget *ConnectionDialog::createProfilePanel()
{
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Profiles:"));
    m_list = new QListView;
    m_list->setModel(m_store);
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_list->setMinimumWidth(170);
    label->setBuddy(m_list);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current.isValid() ? current.row() : -1); });
    connect(m_store, &QAbstractItemModel::dataChanged, this, [this] {
        // A rename in the list: the form's name follows it.
        if (m_row >= 0 && !m_loading) {
            const QString name = m_store->profile(m_row).name;
            if (m_name->text() != name) {
                m_loading = true;
                m_name->setText(name);
                m_loading = false;
            }
            persist();
        }
    });

    auto *buttons = new QGridLayout;
    auto *add = new QPushButton(tr("&New"));
    auto *duplicate = new QPushButton(tr("D&uplicate"));
    auto *rename = new QPushButton(tr("&Rename"));
    auto *remove = new QPushButton(tr("&Delete"));
    auto *import = new QPushButton(tr("&Import…"));
    auto *exportButton = new QPushButton(tr("&Export…"));
    buttons->addWidget(add, 0, 0);
    buttons->addWidget(duplicate, 0, 1);
    buttons->addWidget(rename, 1, 0);
    buttons->addWidget(remove, 1, 1);
    buttons->addWidget(import, 2, 0);
    buttons->addWidget(exportButton, 2, 1);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this] {
        commitForm();
        ConnectionProfile p;
        p.name = tr("New profile");
        const int row = m_store->add(p);
        persist();
        selectProfile(row);
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(duplicate, &QPushButton::clicked, this, [this] {
        commitForm();
        const int row = m_store->duplicate(m_row);
        if (row >= 0) {
            persist();
            selectProfile(row);
        }
    });
    connect(rename, &QPushButton::clicked, this, [this] {
        if (m_row >= 0)
            m_list->edit(m_store->index(m_row));
    });
    connect(remove, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(import, &QPushButton::clicked, this, &ConnectionDialog::importProfiles);
    connect(exportButton, &QPushButton::clicked, this, &ConnectionDialog::exportProfiles);
    return panel;
}

QWidget *ConnectionDialog::createGeneralTab()
{
    auto *page = new QWidget;
    QFormLayout *layout = form(page);
    m_name = new QLineEdit;
    m_host = new QLineEdit;
    m_host->setPlaceholderText(tr("broker.example or 192.0.2.10"));
    m_port = spin(1, 65535);
    m_transport = new QComboBox;
    m_transport->addItem(tr("mqtt (TCP)"), int(ConnectionProfile::Transport::Mqtt));
    m_transport->addItem(tr("mqtts (TLS)"), int(ConnectionProfile::Transport::Mqtts));
    m_transport->addItem(tr("ws (WebSocket)"), int(ConnectionProfile::Transport::Ws));
    m_transport->addItem(tr("wss (WebSocket over TLS)"), int(ConnectionProfile::Transport::Wss));
    m_wsPath = new QLineEdit;
    m_clientId = new QLineEdit;
    m_clientId->setPlaceholderText(tr("generated when empty"));
    m_generate = new QPushButton(tr("&Generate"));
    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_clientId, 1);
    idRow->addWidget(m_generate);
    m_protocol = new QComboBox;
    m_protocol->addItem(tr("MQTT 5.0"), int(mqtt::ProtocolVersion::V5));
    m_protocol->addItem(tr("MQTT 3.1.1"), int(mqtt::ProtocolVersion::V311));
    m_keepAlive = spin(0, 65535, tr("off"), tr(" s"));
    m_clean = new QCheckBox(tr("Clean start (discard any session the broker kept)"));
    m_sessionExpiry = spin(0, std::numeric_limits<int>::max(), tr("0 (ends with the connection)"), tr(" s"));
    m_autoReconnect = new QCheckBox(tr("Reconnect automatically when the connection drops"));
    m_connectAtLaunch = new QCheckBox(tr("Connect when MQTT Inspector starts"));

    layout->addRow(tr("&Name:"), m_name);
    layout->addRow(tr("&Host:"), m_host);
    layout->addRow(tr("&Port:"), m_port);
    layout->addRow(tr("T&ransport:"), m_transport);
    layout->addRow(tr("WebSocket pat&h:"), m_wsPath);
    auto *idLabel = new QLabel(tr("Client &ID:"));
    idLabel->setBuddy(m_clientId);
    layout->addRow(idLabel, idRow);
    layout->addRow(tr("Pr&otocol:"), m_protocol);
    layout->addRow(tr("&Keepalive:"), m_keepAlive);
    layout->addRow(QString(), m_clean);
    layout->addRow(tr("Session e&xpiry:"), m_sessionExpiry);
    layout->addRow(QString(), m_autoReconnect);
    layout->addRow(QString(), m_connectAtLaunch);
    m_port->setAccessibleName(tr("Port"));
    m_keepAlive->setAccessibleName(tr("Keepalive"));
    m_sessionExpiry->setAccessibleName(tr("Session expiry"));

    connect(m_generate, &QPushButton::clicked, this,
            [this] { m_clientId->setText(ConnectionProfile::generateClientId()); });
    connect(m_transport, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        // Follow the transport's usual port unless the user chose another one.
        const int oldDefault = m_port->property("defaultPort").toInt();
        const auto t = ConnectionProfile::Transport(m_transport->currentData().toInt());
        if (m_port->value() == oldDefault || oldDefault == 0)
            m_port->setValue(ConnectionProfile::defaultPort(t));
        m_port->setProperty("defaultPort", ConnectionProfile::defaultPort(t));
        updateState();
    });
    for (QLineEdit *edit : {m_name, m_host, m_wsPath, m_clientId})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionDialog::updateState);
    connect(m_protocol, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateState);
    return page;
}

QWidget *ConnectionDialog::createTlsTab()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    m_tlsNote = new QLabel(tr("TLS is used by the mqtts and wss transports; choose one on the General tab."));
    m_tlsNote->setWordWrap(true);
    outer->addWidget(m_tlsNote);
    m_tlsForm = new QWidget;
    QFormLayout *layout = form(m_tlsForm);
    layout->setContentsMargins(0, 0, 0, 0);
    m_trust = new QComboBox;
    m_trust->addItem(tr("The system's trusted certificates"));
    m_trust->addItem(tr("This CA file only"));
    m_caFile = new QLineEdit;
    m_certFile = new QLineEdit;
    m_keyFile = new QLineEdit;
    m_passphrase = new QLineEdit;
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_savePassphrase = new QCheckBox(tr("Save the passphrase in the system keychain"));
    m_insecure = new QCheckBox(tr("Insecure: do not verify the broker's certificate"));
    m_insecure->setAccessibleDescription(tr("Anyone between you and the broker can read and change the traffic"));
    m_insecureWarning = new QLabel(tr("⚠ Verification is OFF. The connection is encrypted but the broker "
                                      "is not authenticated: anyone on the way can pose as it. "
                                      "Each connection logs a warning."));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(QStringLiteral(
            "QLabel { color: white; background: #b00020; padding: 6px; border-radius: 3px; font-weight: bold; }"));
    layout->addRow(tr("&Trust:"), m_trust);
    layout->addRow(tr("&CA file:"), withBrowse(m_caFile, this, tr("CA file")));
    layout->addRow(tr("Client c&ertificate:"), withBrowse(m_certFile, this, tr("Client certificate")));
    layout->addRow(tr("Client &key:"), withBrowse(m_keyFile, this, tr("Client key")));
    layout->addRow(tr("Key &passphrase:"), m_passphrase);
    layout->addRow(QString(), m_savePassphrase);
    layout->addRow(QString(), m_insecure);
    layout->addRow(m_insecureWarning);
    outer->addWidget(m_tlsForm);
    outer->addStretch(1);
    connect(m_trust, &QComboBox::currentIndexChanged, this, &ConnectionDialog::updateState);
    connect(m_insecure, &QCheckBox::toggled, this, &ConnectionDialog::updateState);
    for (QLineEdit *edit : {m_caFile, m_certFile, m_keyFile})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    return page;
}

QWidget *ConnectionDialog::createAuthTab()
{
    auto *page = new QWidget;
    QFormLayout *layout = form(page);
    m_user = new QLineEdit;
    m_password = new QLineEdit;
    m_password->setEchoMode(QLineEdit::Password);
    auto *show = new QToolButton;
    show->setText(tr("Show"));
    show->setCheckable(true);
    show->setAccessibleName(tr("Show password"));
    connect(show, &QToolButton::toggled, m_password, [this](bool on) {
        m_password->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(show);
    m_savePassword = new QCheckBox(tr("Save the password in the system keychain"));
    auto *where = new QLabel(tr("Passwords are never written to the settings or to exported files. "
                                "Unsaved, a password is kept until MQTT Inspector quits."));
    where->setWordWrap(true);
    m_keychainLabel = new QLabel;
    m_keychainLabel->setWordWrap(true);
    m_keychainLabel->setStyleSheet(QStringLiteral("QLabel { color: #8a5300; }"));
    m_keychainLabel->hide();
    layout->addRow(tr("&User name:"), m_user);
    auto *passwordLabel = new QLabel(tr("&Password:"));
    passwordLabel->setBuddy(m_password);
    layout->addRow(passwordLabel, passwordRow);
    layout->addRow(QString(), m_savePassword);
    layout->addRow(where);
    layout->addRow(m_keychainLabel);
    connect(m_user, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    connect(m_password, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    return page;
}

QWidget *ConnectionDialog::createWillTab()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    m_willEnabled = new QCheckBox(tr("Send a &will: the broker publishes it when this connection drops"));
    outer->addWidget(m_willEnabled);
    m_willForm = new QWidget;
    QFormLayout *layout = form(m_willForm);
    layout->setContentsMargins(0, 0, 0, 0);
    m_willTopic = new QLineEdit;
    m_willPayload = new QPlainTextEdit;
    m_willPayload->setAccessibleName(tr("Will payload"));
    m_willPayload->setMaximumHeight(90);
    m_willQos = new QComboBox;
    m_willQos->addItems({tr("0 (at most once)"), tr("1 (at least once)"), tr("2 (exactly once)")});
    m_willRetain = new QCheckBox(tr("Retain"));
    layout->addRow(tr("&Topic:"), m_willTopic);
    layout->addRow(tr("Pa&yload:"), m_willPayload);
    layout->addRow(tr("&QoS:"), m_willQos);
    layout->addRow(QString(), m_willRetain);
    m_willV5 = new QGroupBox(tr("MQTT 5 will properties"));
    QFormLayout *v5 = form(m_willV5);
    m_willDelay = spin(0, std::numeric_limits<int>::max(), tr("none"), tr(" s"));
    m_willExpiry = spin(0, std::numeric_limits<int>::max(), tr("none"), tr(" s"));
    m_willContentType = new QLineEdit;
    m_willResponseTopic = new QLineEdit;
    m_willUtf8 = new QCheckBox(tr("Payload is UTF-8 text (Payload Format Indicator)"));
    m_willDelay->setAccessibleName(tr("Will delay"));
    m_willExpiry->setAccessibleName(tr("Will message expiry"));
    v5->addRow(tr("&Delay:"), m_willDelay);
    v5->addRow(tr("Message e&xpiry:"), m_willExpiry);
    v5->addRow(tr("&Content type:"), m_willContentType);
    v5->addRow(tr("&Response topic:"), m_willResponseTopic);
    v5->addRow(QString(), m_willUtf8);
    layout->addRow(m_willV5);
    outer->addWidget(m_willForm);
    outer->addStretch(1);
    connect(m_willEnabled, &QCheckBox::toggled, this, &ConnectionDialog::updateState);
    connect(m_willTopic, &QLineEdit::textChanged, this, &ConnectionDialog::updateState);
    return page;
}

QWidget *ConnectionDialog::createMqtt5Tab()
{
    auto *page = new QWidget;
    auto *outer = new QVBoxLayout(page);
    m_mqtt5Note = new QLabel(tr("These CONNECT properties exist in MQTT 5.0 only; choose it on the General tab."));
    m_mqtt5Note->setWordWrap(true);
    outer->addWidget(m_mqtt5Note);
    m_mqtt5Form = new QWidget;
    QFormLayout *layout = form(m_mqtt5Form);
    layout->setContentsMargins(0, 0, 0, 0);
    m_receiveMaximum = spin(0, 65535, tr("broker default (65535)"));
    m_maximumPacketSize = spin(0, std::numeric_limits<int>::max(), tr("no limit"), tr(" bytes"));
    m_topicAliasMaximum = spin(0, 65535, tr("0 (no aliases)"));
    m_receiveMaximum->setAccessibleName(tr("Receive maximum"));
    m_maximumPacketSize->setAccessibleName(tr("Maximum packet size"));
    m_topicAliasMaximum->setAccessibleName(tr("Topic alias maximum"));
    layout->addRow(tr("&Receive maximum:"), m_receiveMaximum);
    layout->addRow(tr("Maximum &packet size:"), m_maximumPacketSize);
    layout->addRow(tr("&Topic alias maximum:"), m_topicAliasMaximum);
    m_userProperties = new QTableWidget(0, 2);
    m_userProperties->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_userProperties->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_userProperties->verticalHeader()->hide();
    m_userProperties->setAccessibleName(tr("User properties"));
    auto *add = new QPushButton(tr("&Add"));
    auto *remove = new QPushButton(tr("Re&move"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addRow(tr("User properties:"), static_cast<QWidget *>(nullptr));
    layout->addRow(m_userProperties);
    layout->addRow(buttons);
    outer->addWidget(m_mqtt5Form, 1);
    connect(add, &QPushButton::clicked, this, [this] {
        const int row = m_userProperties->rowCount();
        m_userProperties->insertRow(row);
        m_userProperties->setItem(row, 0, new QTableWidgetItem);
        m_userProperties->setItem(row, 1, new QTableWidgetItem);
        m_userProperties->editItem(m_userProperties->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_userProperties->currentRow() >= 0)
            m_userProperties->removeRow(m_userProperties->currentRow());
        updateState();
    });
    connect(m_userProperties, &QTableWidget::itemChanged, this, &ConnectionDialog::updateState);
    return page;
}

QWidget *ConnectionDialog::createSubscriptionsTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *hint = new QLabel(tr("Subscribed on connect. No local, retain as published, retain handling "
                               "and the subscription identifier are MQTT 5.0 options."));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_subscriptions = new QTableWidget(0, SubColumnCount);
    m_subscriptions->setHorizontalHeaderLabels({tr("Filter"), tr("QoS"), tr("No local"),
                                                tr("Retain as published"), tr("Retain handling"),
                                                tr("Subscription ID")});
    m_subscriptions->horizontalHeader()->setSectionResizeMode(FilterCol, QHeaderView::Stretch);
    m_subscriptions->horizontalHeader()->setMinimumSectionSize(40);
    for (int c = QosCol; c < SubColumnCount; ++c)
        m_subscriptions->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_subscriptions->setWordWrap(false);
    m_subscriptions->setTextElideMode(Qt::ElideMiddle);
    m_subscriptions->verticalHeader()->hide();
    m_subscriptions->setAccessibleName(tr("Subscriptions"));
    m_subscriptions->horizontalHeaderItem(RetainHandlingCol)->setToolTip(
            tr("0: send retained messages at subscribe; 1: only for a new subscription; 2: never"));
    layout->addWidget(m_subscriptions, 1);
    auto *add = new QPushButton(tr("&Add"));
    auto *remove = new QPushButton(tr("Re&move"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] {
        addSubscriptionRow({QString(), 0});
        m_subscriptions->editItem(m_subscriptions->item(m_subscriptions->rowCount() - 1, FilterCol));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_subscriptions->currentRow() >= 0)
            m_subscriptions->removeRow(m_subscriptions->currentRow());
        updateState();
    });
    connect(m_subscriptions, &QTableWidget::itemChanged, this, &ConnectionDialog::updateState);
    return page;
}

void ConnectionDialog::addSubscriptionRow(const ProfileSubscription &s)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_subscriptions->rowCount();
    m_subscriptions->insertRow(row);
    m_subscriptions->setItem(row, FilterCol, new QTableWidgetItem(s.filter));
    auto *qos = new QTableWidgetItem;
    qos->setData(Qt::EditRole, s.qos);
    m_subscriptions->setItem(row, QosCol, qos);
    for (int c : {NoLocalCol, RapCol}) {
        auto *check = new QTableWidgetItem;
        check->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        check->setCheckState((c == NoLocalCol ? s.noLocal : s.retainAsPublished) ? Qt::Checked : Qt::Unchecked);
        m_subscriptions->setItem(row, c, check);
    }
    auto *rh = new QTableWidgetItem;
    rh->setData(Qt::EditRole, s.retainHandling);
    m_subscriptions->setItem(row, RetainHandlingCol, rh);
    auto *id = new QTableWidgetItem;
    id->setData(Qt::EditRole, qint64(s.subscriptionId));
    m_subscriptions->setItem(row, SubIdCol, id);
    m_loading = wasLoading;
    updateState();
}

void ConnectionDialog::fillFromUrlField()
{
    QString error;
    if (!fillFromUrl(m_url->text().trimmed(), &error)) {
        m_problemsLabel->setText(tr("URL: %1").arg(error));
        m_problemsLabel->show();
    }
}

bool ConnectionDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_url && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            fillFromUrlField();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ConnectionDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ConnectionDialog::selectProfile(int row)
{
    m_list->setCurrentIndex(m_store->index(row));
}

void ConnectionDialog::onCurrentChanged(int row)
{
    if (row == m_row)
        return;
    commitForm();
    m_row = row;
    if (row >= 0) {
        const ConnectionProfile p = m_store->profile(row);
        setFormProfile(p);
        readSecrets(p);
    }
    updateState();
}

void ConnectionDialog::commitForm()
{
    // The form goes back into its profile (in memory; Save writes the settings), so that
    // switching profiles loses no edit.
    if (m_row < 0 || m_row >= m_store->count())
        return;
    const ConnectionProfile p = formProfile();
    if (p != m_store->profile(m_row)) {
        m_loading = true;
        m_store->update(m_row, p);
        m_loading = false;
    }
}

void ConnectionDialog::persist()
{
    QSettings settings;
    m_store->save(settings);
}

ConnectionProfile ConnectionDialog::formProfile() const
{
    ConnectionProfile p;
    p.id = m_row >= 0 ? m_store->profile(m_row).id : QString();
    p.name = m_name->text().trimmed();
    p.host = m_host->text().trimmed();
    p.port = m_port->value();
    p.transport = ConnectionProfile::Transport(m_transport->currentData().toInt());
    p.webSocketPath = m_wsPath->text().trimmed();
    p.clientId = m_clientId->text().trimmed();
    p.protocolVersion = mqtt::ProtocolVersion(m_protocol->currentData().toInt());
    p.keepAlive = m_keepAlive->value();
    p.cleanSession = m_clean->isChecked();
    p.sessionExpiry = quint32(m_sessionExpiry->value());
    p.autoReconnect = m_autoReconnect->isChecked();
    p.connectAtLaunch = m_connectAtLaunch->isChecked();
    p.caFile = m_trust->currentIndex() == 1 ? m_caFile->text().trimmed() : QString();
    p.certFile = m_certFile->text().trimmed();
    p.keyFile = m_keyFile->text().trimmed();
    p.keyPassphrase = m_passphrase->text().toUtf8();
    p.saveKeyPassphrase = m_savePassphrase->isChecked();
    p.insecure = m_insecure->isChecked();
    p.userName = m_user->text();
    p.password = m_password->text().toUtf8();
    p.savePassword = m_savePassword->isChecked();
    p.willEnabled = m_willEnabled->isChecked();
    p.willTopic = m_willTopic->text();
    p.willPayload = m_willPayload->toPlainText().toUtf8();
    p.willQos = m_willQos->currentIndex();
    p.willRetain = m_willRetain->isChecked();
    p.willDelay = quint32(m_willDelay->value());
    p.willMessageExpiry = quint32(m_willExpiry->value());
    p.willContentType = m_willContentType->text();
    p.willResponseTopic = m_willResponseTopic->text();
    p.willPayloadIsUtf8 = m_willUtf8->isChecked();
    p.receiveMaximum = m_receiveMaximum->value();
    p.maximumPacketSize = quint32(m_maximumPacketSize->value());
    p.topicAliasMaximum = m_topicAliasMaximum->value();
    for (int r = 0; r < m_userProperties->rowCount(); ++r) {
        const QTableWidgetItem *name = m_userProperties->item(r, 0);
        const QTableWidgetItem *value = m_userProperties->item(r, 1);
        const QString n = name ? name->text() : QString();
        const QString v = value ? value->text() : QString();
        if (!n.isEmpty() || !v.isEmpty())
            p.userProperties.append({n, v});
    }
    p.subscriptions.clear();
    for (int r = 0; r < m_subscriptions->rowCount(); ++r) {
        const auto item = [&](int c) { return m_subscriptions->item(r, c); };
        if (!item(FilterCol))
            continue;
        ProfileSubscription s;
        s.filter = item(FilterCol)->text().trimmed();
        s.qos = qBound(0, item(QosCol)->data(Qt::EditRole).toInt(), 2);
        s.noLocal = item(NoLocalCol)->checkState() == Qt::Checked;
        s.retainAsPublished = item(RapCol)->checkState() == Qt::Checked;
        s.retainHandling = qBound(0, item(RetainHandlingCol)->data(Qt::EditRole).toInt(), 2);
        s.subscriptionId = quint32(qMax<qint64>(0, item(SubIdCol)->data(Qt::EditRole).toLongLong()));
        p.subscriptions.append(s);
    }
    return p;
}

void ConnectionDialog::setFormProfile(const ConnectionProfile &p)
{
    m_loading = true;
    m_name->setText(p.name);
    m_host->setText(p.host);
    m_port->setValue(p.port);
    m_port->setProperty("defaultPort", ConnectionProfile::defaultPort(p.transport));
    m_transport->setCurrentIndex(m_transport->findData(int(p.transport)));
    m_wsPath->setText(p.webSocketPath);
    m_clientId->setText(p.clientId);
    m_protocol->setCurrentIndex(m_protocol->findData(int(p.protocolVersion)));
    m_keepAlive->setValue(p.keepAlive);
    m_clean->setChecked(p.cleanSession);
    m_sessionExpiry->setValue(int(qMin<quint32>(p.sessionExpiry, quint32(std::numeric_limits<int>::max()))));
    m_autoReconnect->setChecked(p.autoReconnect);
    m_connectAtLaunch->setChecked(p.connectAtLaunch);
    m_trust->setCurrentIndex(p.caFile.isEmpty() ? 0 : 1);
    m_caFile->setText(p.caFile);
    m_certFile->setText(p.certFile);
    m_keyFile->setText(p.keyFile);
    m_passphrase->setText(QString::fromUtf8(p.keyPassphrase));
    m_savePassphrase->setChecked(p.saveKeyPassphrase);
    m_insecure->setChecked(p.insecure);
    m_user->setText(p.userName);
    m_password->setText(QString::fromUtf8(p.password));
    m_savePassword->setChecked(p.savePassword);
    m_keychainLabel->hide();
    m_willEnabled->setChecked(p.willEnabled);
    m_willTopic->setText(p.willTopic);
    m_willPayload->setPlainText(QString::fromUtf8(p.willPayload));
    m_willQos->setCurrentIndex(qBound(0, p.willQos, 2));
    m_willRetain->setChecked(p.willRetain);
    m_willDelay->setValue(int(qMin<quint32>(p.willDelay, quint32(std::numeric_limits<int>::max()))));
    m_willExpiry->setValue(int(qMin<quint32>(p.willMessageExpiry, quint32(std::numeric_limits<int>::max()))));
    m_willContentType->setText(p.willContentType);
    m_willResponseTopic->setText(p.willResponseTopic);
    m_willUtf8->setChecked(p.willPayloadIsUtf8);
    m_receiveMaximum->setValue(p.receiveMaximum);
    m_maximumPacketSize->setValue(int(qMin<quint32>(p.maximumPacketSize, quint32(std::numeric_limits<int>::max()))));
    m_topicAliasMaximum->setValue(p.topicAliasMaximum);
    m_userProperties->setRowCount(0);
    for (const auto &prop : p.userProperties) {
        const int row = m_userProperties->rowCount();
        m_userProperties->insertRow(row);
        m_userProperties->setItem(row, 0, new QTableWidgetItem(prop.first));
        m_userProperties->setItem(row, 1, new QTableWidgetItem(prop.second));
    }
    m_subscriptions->setRowCount(0);
    for (const ProfileSubscription &s : p.subscriptions)
        addSubscriptionRow(s);
    m_loading = false;
    updateState();
}

bool ConnectionDialog::fillFromUrl(const QString &text, QString *error)
{
    const mqtt::BrokerUrl url = mqtt::BrokerUrl::parse(text);
    if (!url.isValid()) {
        if (error)
            *error = url.errorString();
        return false;
    }
    const ConnectionSettings settings = ConnectionSettings::fromUrl(url);
    ConnectionProfile p = formProfile();
    const ConnectionProfile fromUrl = ConnectionProfile::fromSettings(settings);
    p.host = fromUrl.host;
    p.port = fromUrl.port;
    p.transport = fromUrl.transport;
    p.webSocketPath = fromUrl.webSocketPath;
    if (!fromUrl.userName.isEmpty()) {
        p.userName = fromUrl.userName;
        p.password = fromUrl.password;
    }
    if (!url.topic().isEmpty())
        p.subscriptions = fromUrl.subscriptions;
    if (p.name.isEmpty() || p.name == tr("New profile"))
        p.name = m_store->uniqueName(settings.displayUrl(), m_row);
    setFormProfile(p);
    return true;
}

void ConnectionDialog::updateState()
{
    if (m_loading)
        return;
    const ConnectionProfile p = formProfile();
    const bool v5 = p.protocolVersion == mqtt::ProtocolVersion::V5;
    m_wsPath->setEnabled(p.isWebSocket());
    m_clean->setText(v5 ? tr("Clean start (discard any session the broker kept)")
                        : tr("Clean session (discard any session the broker kept)"));
    m_sessionExpiry->setEnabled(v5);
    m_tlsForm->setEnabled(p.isTls());
    m_tlsNote->setVisible(!p.isTls());
    m_caFile->setEnabled(m_trust->currentIndex() == 1);
    m_insecureWarning->setVisible(m_insecure->isChecked());
    m_tabs->setTabText(1, m_insecure->isChecked() && p.isTls() ? tr("&TLS ⚠ insecure") : tr("&TLS"));
    m_willForm->setEnabled(p.willEnabled);
    m_willV5->setEnabled(v5);
    m_mqtt5Form->setEnabled(v5);
    m_mqtt5Note->setVisible(!v5);

    m_problems = p.validate();
    if (m_trust->currentIndex() == 1 && p.isTls() && p.caFile.isEmpty())
        m_problems << tr("CA file: choose the CA file, or trust the system's certificates");
    m_problemsLabel->setText(m_problems.join(QLatin1Char('\n')));
    m_problemsLabel->setVisible(!m_problems.isEmpty());
    const bool idle = m_pendingWrites.isEmpty();
    m_connect->setEnabled(m_problems.isEmpty() && idle);
    m_save->setEnabled(m_problems.isEmpty() && idle);
    // Mark the fields the problems name, so the user sees where without reading the list.
    const auto mark = [](QWidget *w, bool bad) {
        w->setStyleSheet(bad ? QStringLiteral("border: 1px solid #b00020;") : QString());
    };
    const auto has = [this](const QString &field) {
        return std::any_of(m_problems.cbegin(), m_problems.cend(),
                           [&](const QString &s) { return s.startsWith(field + QLatin1Char(':')); });
    };
    mark(m_name, has(tr("Name")));
    mark(m_host, has(tr("Host")));
    mark(m_wsPath, has(tr("WebSocket path")));
    mark(m_willTopic, has(tr("Will topic")));
    mark(m_caFile, has(tr("CA file")));
}

void ConnectionDialog::readSecrets(const ConnectionProfile &profile)
{
    if (!m_secrets)
        return;
    const QString id = profile.id;
    const auto want = [&](bool save, const QByteArray &value) { return save && value.isEmpty(); };
    if (!want(profile.savePassword, profile.password) && !want(profile.saveKeyPassphrase, profile.keyPassphrase))
        return;
    auto *context = new QObject(this);
    auto remaining = std::make_shared<int>(0);
    const auto ask = [&](const QString &key) {
        ++*remaining;
        m_secrets->read(key);
    };
    connect(m_secrets, &SecretStore::readFinished, context,
            [this, context, id, remaining](const QString &key, SecretStore::Result result,
                                             const QByteArray &secret, const QString &message) {
                const bool password = key == SecretStore::passwordKey(id);
                if (!password && key != SecretStore::keyPassphraseKey(id))
                    return;
                if (--*remaining <= 0)
                    context->deleteLater();
                if (m_row < 0 || m_store->profile(m_row).id != id)
                    return; // another profile is shown by now
                if (result != SecretStore::Result::Ok) {
                    m_keychainLabel->setText(message + QLatin1Char(' ')
                                             + tr("Enter it to connect; it is kept for this session only."));
                    m_keychainLabel->show();
                    return;
                }
                m_loading = true;
                (password ? m_password : m_passphrase)->setText(QString::fromUtf8(secret));
                m_loading = false;
                updateState();
            });
    if (want(profile.savePassword, profile.password))
        ask(SecretStore::passwordKey(id));
    if (want(profile.saveKeyPassphrase, profile.keyPassphrase))
        ask(SecretStore::keyPassphraseKey(id));
}

void ConnectionDialog::saveAndMaybeConnect(bool connect)
{
    updateState();
    if (!m_problems.isEmpty() || !m_pendingWrites.isEmpty())
        return;
    ConnectionProfile p = formProfile();
    if (m_row < 0) {
        m_loading = true;
        m_row = m_store->add(p);
        m_list->setCurrentIndex(m_store->index(m_row));
        m_loading = false;
    } else {
        commitForm();
    }
    p = m_store->profile(m_row); // the name may have been made unique
    m_saving = p;
    m_connectAfterSave = connect;
    m_writeFailures.clear();
    persist();
    if (m_secrets) {
        if (p.savePassword && !p.password.isEmpty())
            m_pendingWrites.insert(SecretStore::passwordKey(p.id));
        else if (!p.savePassword)
            m_secrets->remove(SecretStore::passwordKey(p.id));
        if (p.saveKeyPassphrase && !p.keyPassphrase.isEmpty())
            m_pendingWrites.insert(SecretStore::keyPassphraseKey(p.id));
        else if (!p.saveKeyPassphrase)
            m_secrets->remove(SecretStore::keyPassphraseKey(p.id));
    }
    if (m_pendingWrites.isEmpty()) {
        finishSave();
        return;
    }
    updateState(); // buttons off while the keychain works
    for (const QString &key : std::as_const(m_pendingWrites))
        m_secrets->write(key, key == SecretStore::passwordKey(p.id) ? p.password : p.keyPassphrase);
}

void ConnectionDialog::onSecretWritten(const QString &key, SecretStore::Result result, const QString &message)
{
    if (!m_pendingWrites.remove(key))
        return;
    if (result != SecretStore::Result::Ok)
        m_writeFailures << message;
    if (m_pendingWrites.isEmpty())
        finishSave();
}

void ConnectionDialog::finishSave()
{
    updateState();
    if (m_writeFailures.isEmpty()) {
        m_keychainLabel->hide();
        if (m_connectAfterSave) {
            m_accepted = m_saving;
            accept();
        }
        return;
    }
    const QString message = m_writeFailures.first();
    qCWarning(lcDialog) << "secret not saved:" << message;
    Q_EMIT secretNotSaved(message);
    // Never plain text instead: ask whether to go on with the secret for this session only.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Secret not saved"),
                                tr("%1\n\nKeep it for this session only? It is not written anywhere; "
                                   "you enter it again the next time MQTT Inspector starts.").arg(message),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("secretNotSavedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *keep = box->addButton(tr("&Keep for This Session Only"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, keep] {
        if (box->clickedButton() != keep)
            return;
        // Unsaved from now on: the "save" flags go, the secrets stay in memory.
        ConnectionProfile p = m_saving;
        p.savePassword = false;
        p.saveKeyPassphrase = false;
        const int row = m_store->indexOfId(p.id);
        if (row >= 0) {
            m_loading = true;
            m_store->update(row, p);
            m_loading = false;
        }
        persist();
        if (row == m_row) {
            m_loading = true;
            m_savePassword->setChecked(false);
            m_savePassphrase->setChecked(false);
            m_loading = false;
        }
        m_keychainLabel->setText(tr("Not saved in a keychain: kept for this session only."));
        m_keychainLabel->show();
        if (m_connectAfterSave) {
            m_accepted = p;
            accept();
        }
    });
    box->open();
}

void ConnectionDialog::importProfiles()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Profiles"), QString(),
                                                      tr("Profiles (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    commitForm();
    QStringList errors;
    const int added = m_store->importFile(path, &errors);
    persist();
    QString text = tr("%n profile(s) imported.", nullptr, added);
    if (!errors.isEmpty())
        text += QLatin1Char('\n') + errors.join(QLatin1Char('\n'));
    setNotice(errors.isEmpty() ? QString() : text);
    if (added > 0)
        selectProfile(m_store->count() - 1);
}

void ConnectionDialog::exportProfiles()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Profiles"),
                                                      QStringLiteral("mqtt-inspector-profiles.json"),
                                                      tr("Profiles (*.json)"));
    if (path.isEmpty())
        return;
    commitForm();
    QString error;
    if (!m_store->exportFile(path, &error))
        QMessageBox::warning(this, tr("Export Profiles"), error);
}

void ConnectionDialog::deleteProfile()
{
    if (m_row < 0)
        return;
    const QString name = m_store->profile(m_row).name;
    const QString id = m_store->profile(m_row).id;
    if (QMessageBox::question(this, tr("Delete Profile"), tr("Delete the profile \"%1\"?").arg(name))
        != QMessageBox::Yes)
        return;
    const int row = m_row;
    m_row = -1; // nothing to commit: it goes
    m_store->remove(row);
    if (m_secrets) {
        m_secrets->remove(SecretStore::passwordKey(id));
        m_secrets->remove(SecretStore::keyPassphraseKey(id));
    }
    persist();
    if (m_store->count() > 0) {
        m_list->setCurrentIndex(QModelIndex());
        selectProfile(qMin(row, m_store->count() - 1));
    } else {
        setFormProfile(ConnectionProfile());
    }
}
