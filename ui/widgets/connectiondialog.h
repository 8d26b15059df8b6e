#pragma once

#include "connectionprofile.h"
#include "secretstore.h"

#include <QDialog>
#include <QSet>

class ProfileStore;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

// File > New Connection: the saved profiles on the left (add, duplicate, rename, delete,
// import, export), the selected one's form on the right in six tabs (General, TLS,
// Authentication, Will, MQTT 5, Subscriptions), a "from URL" field that fills the form, and
// Connect. Problems are listed under the form as they are typed and keep Connect and Save
// disabled. Passwords and key passphrases go to the system keychain only when asked to and
// when one runs; otherwise the dialog says so and offers to keep them for this session only.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);

    // Shown above the list (what loading the saved profiles found damaged).
    void setNotice(const QString &text);
    void selectProfile(int row);
    int currentRow() const { return m_row; }

    // The form as a profile (secrets included).
    ConnectionProfile formProfile() const;
    void setFormProfile(const ConnectionProfile &profile);
    // The profile Connect was pressed for (after accepted()).
    ConnectionProfile acceptedProfile() const { return m_accepted; }
    // Problems of the form, as shown under it; empty when it can connect.
    QStringList problems() const { return m_problems; }

    // Fills the form from a broker URL (mqtt://, mqtts://, ws://, wss://); false with *error.
    bool fillFromUrl(const QString &text, QString *error = nullptr);
    // Saves the form into the selected profile (a new one when none is selected) and the
    // secrets into the keychain; then, when connect is true, accepts. Asynchronous when
    // secrets are saved.
    void saveAndMaybeConnect(bool connect);

    // The widgets tests drive.
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QComboBox *transportCombo() const { return m_transport; }
    QLineEdit *webSocketPathEdit() const { return m_wsPath; }
    QComboBox *trustCombo() const { return m_trust; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QPushButton *generateClientIdButton() const { return m_generate; }
    QComboBox *protocolCombo() const { return m_protocol; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *savePasswordCheck() const { return m_savePassword; }
    QCheckBox *insecureCheck() const { return m_insecure; }
    QLabel *insecureWarning() const { return m_insecureWarning; }
    QLabel *problemsLabel() const { return m_problemsLabel; }
    QLabel *keychainLabel() const { return m_keychainLabel; }
    QLineEdit *urlEdit() const { return m_url; }
    QCheckBox *willCheck() const { return m_willEnabled; }
    QLineEdit *willTopicEdit() const { return m_willTopic; }
    QTableWidget *subscriptionsTable() const { return m_subscriptions; }
    QListView *profileList() const { return m_list; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    // The keychain could not save a secret: the message shown, before asking what to do.
    void secretNotSaved(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createGeneralTab();
    QWidget *createTlsTab();
    QWidget *createAuthTab();
    QWidget *createWillTab();
    QWidget *createMqtt5Tab();
    QWidget *createSubscriptionsTab();
    QWidget *createProfilePanel();
    void updateState();
    void fillFromUrlField();
    void onCurrentChanged(int row);
    void commitForm();
    void persist();
    void readSecrets(const ConnectionProfile &profile);
    void onSecretWritten(const QString &key, SecretStore::Result result, const QString &message);
    void finishSave();
    void importProfiles();
    void exportProfiles();
    void deleteProfile();
    void addSubscriptionRow(const ProfileSubscription &s);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    int m_row = -1;
    bool m_loading = false;
    ConnectionProfile m_accepted;
    QStringList m_problems;

    // Saving secrets: the keys still being written, the failures and whether to connect then.
    QSet<QString> m_pendingWrites;
    QStringList m_writeFailures;
    bool m_connectAfterSave = false;
    ConnectionProfile m_saving;

    QLabel *m_notice;
    QListView *m_list;
    QLineEdit *m_url;
    QTabWidget *m_tabs;
    QLabel *m_problemsLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_connect;
    QPushButton *m_save;

    QLineEdit *m_name;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QComboBox *m_transport;
    QLineEdit *m_wsPath;
    QLineEdit *m_clientId;
    QPushButton *m_generate;
    QComboBox *m_protocol;
    QSpinBox *m_keepAlive;
    QCheckBox *m_clean;
    QSpinBox *m_sessionExpiry;
    QCheckBox *m_autoReconnect;
    QCheckBox *m_connectAtLaunch;

    QWidget *m_tlsForm;
    QLabel *m_tlsNote;
    QComboBox *m_trust;
    QLineEdit *m_caFile;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_passphrase;
    QCheckBox *m_savePassphrase;
    QCheckBox *m_insecure;
    QLabel *m_insecureWarning;

    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_savePassword;
    QLabel *m_keychainLabel;

    QCheckBox *m_willEnabled;
    QWidget *m_willForm;
    QLineEdit *m_willTopic;
    QPlainTextEdit *m_willPayload;
    QComboBox *m_willQos;
    QCheckBox *m_willRetain;
    QSpinBox *m_willDelay;
    QSpinBox *m_willExpiry;
    QLineEdit *m_willContentType;
    QLineEdit *m_willResponseTopic;
    QCheckBox *m_willUtf8;
    QWidget *m_willV5;

    QWidget *m_mqtt5Form;
    QLabel *m_mqtt5Note;
    QSpinBox *m_receiveMaximum;
    QSpinBox *m_maximumPacketSize;
    QSpinBox *m_topicAliasMaximum;
    QTableWidget *m_userProperties;

    QTableWidget *m_subscriptions;
};
