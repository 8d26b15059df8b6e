#pragma once

#include "codec/properties.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QWidget>

class Connection;
class EchoTracker;
class QCheckBox;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QStringListModel;
class QTabWidget;
class QTableWidget;
class QTimer;
class QsciLexer;
class QsciScintilla;
class TemplatesPanel;

namespace mqtt {
struct ReasonCode;
}

// The publish composer of the current connection (the "Publish" dock): topic with completion
// from the store, QoS, retain, a payload editor (JSON/XML highlighting, JSON validation with
// the error position, formatting, hex input, loading a file), the MQTT 5 PUBLISH properties,
// Send (Ctrl+Enter), the outcome of each send ("Delivered: PUBACK", the broker's reason, or
// why the client refused), the round trip when our message comes back on one of our
// subscriptions, a "repeat every N ms" series with its latency distribution, and the history
// of what was sent, and saved templates (TemplatesPanel).
class PublishPanel : public QWidget
{
    Q_OBJECT
public:
    enum Mode { Auto, Text, Json, Xml, Hex };
    Q_ENUM(Mode)

    explicit PublishPanel(QWidget *parent = nullptr);
    ~PublishPanel() override;

    // The connection the composer publishes on (the current tab's); nullptr for none.
    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }

    void setTopic(const QString &topic);
    QString topic() const;
    void setQos(int qos);
    int qos() const;
    void setRetain(bool retain);
    bool retain() const;
    // Replaces the editor's text; in Hex mode `payload` is shown as hex bytes.
    void setPayload(const QByteArray &payload);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The bytes that Send would publish; false with *error for invalid hex.
    bool payload(QByteArray *out, QString *error = nullptr) const;
    // The 5.0 properties of the form; false with *error for invalid hex correlation data.
    bool properties(mqtt::Properties *out, QString *error = nullptr) const;
    // What the properties form holds, also while it is disabled (no or a 3.1.1 connection):
    // a template saved then keeps them.
    bool formProperties(mqtt::Properties *out, QString *error = nullptr) const;
    // Fills the properties form; `hexCorrelation` shows the correlation data as hex bytes.
    void setProperties(const mqtt::Properties &properties, bool hexCorrelation);
    bool correlationHex() const;
    bool propertiesEnabled() const;
    // Loads a file as the payload (text as is, anything else in Hex mode). A file that cannot
    // be read or is larger than an MQTT packet can be gives false and says why.
    bool loadFile(const QString &path);
    // Pretty-prints JSON (keeping the key order) or XML in place; false when it is neither.
    bool formatPayload();

    // Publishes what the form holds. False when nothing was sent (the result line says why).
    bool send();
    // Sends `count` times, one every `intervalMs`, and reports the round trips of the series.
    void startSeries(int intervalMs, int count);
    void stopSeries();
    bool isSeriesRunning() const;

    QString resultText() const;
    QString validationText() const;
    QString latencyText() const;
    QString seriesText() const;

    // For tests and the window.
    QLineEdit *topicEdit() const { return m_topicEdit; }
    QsciScintilla *editor() const { return m_editor; }
    QPushButton *sendButton() const { return m_sendButton; }
    QListWidget *historyList() const { return m_history; }
    QTableWidget *userPropertiesTable() const { return m_userProps; }
    QCompleter *completer() const { return m_completer; }
    QTabWidget *sections() const { return m_sections; }
    TemplatesPanel *templatesPanel() const { return m_templates; }
    void showTemplates();
    void focusTopic();

Q_SIGNALS:
    // The client accepted a PUBLISH (mid) from the composer.
    void sent(int mid);
    // The outcome of that PUBLISH is known (the result line changed).
    void completed(int mid, bool ok);
    // A round trip was measured.
    void echoed(double ms);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Draft
    {
        QString topic;
        QByteArray payload;
        int qos = 0;
        bool retain = false;
        Mode mode = Auto;
        mqtt::Properties properties;
        bool hexCorrelation = false;
    };
    struct InFlight
    {
        int qos = 0;
        int sendId = 0;
    };

    QWidget *createPayloadPage();
    QWidget *createPropertiesPage();
    QWidget *createHistoryPage();
    void updateEditorMode();
    void validate();
    void setResult(const QString &text, bool failure);
    void onPublished(int mid, mqtt::ReasonCode reasonCode);
    void onEchoed(int sendId, qint64 nanoseconds);
    void onSeriesTick();
    void updateSeriesText();
    void refreshCompletions(bool force = false);
    void updateConnectionState();
    void addHistory(const Draft &draft);
    void restoreHistory(QListWidgetItem *item);
    void addUserPropertyRow(const QString &name = QString(), const QString &value = QString());
    Mode effectiveMode() const; // Auto resolved from the text
    QString refusalText(int rc, int qos, bool retain) const;
    void applyColors();
    void colorLabels();

    QPointer<Connection> m_connection;
    QObject *m_connectionContext = nullptr; // receives the connection's signals; replaced on switch
    EchoTracker *m_echo = nullptr;

    QLineEdit *m_topicEdit;
    QCompleter *m_completer;
    QStringListModel *m_topicModel;
    QComboBox *m_qosCombo;
    QCheckBox *m_retainCheck;
    QTabWidget *m_sections;
    QComboBox *m_modeCombo = nullptr;
    QsciScintilla *m_editor = nullptr;
    QsciLexer *m_jsonLexer = nullptr;
    QsciLexer *m_xmlLexer = nullptr;
    QLabel *m_validation = nullptr;
    QPushButton *m_formatButton = nullptr;
    QPushButton *m_fileButton = nullptr;
    QLabel *m_propsNote = nullptr;
    QWidget *m_propsForm = nullptr;
    QLineEdit *m_contentType = nullptr;
    QComboBox *m_formatIndicator = nullptr;
    QSpinBox *m_expiry = nullptr;
    QLineEdit *m_responseTopic = nullptr;
    QLineEdit *m_correlation = nullptr;
    QComboBox *m_correlationMode = nullptr;
    QTableWidget *m_userProps = nullptr;
    QListWidget *m_history = nullptr;
    TemplatesPanel *m_templates = nullptr;
    QPushButton *m_sendButton;
    QLabel *m_result;
    QLabel *m_latency;
    QSpinBox *m_repeatInterval;
    QSpinBox *m_repeatCount;
    QPushButton *m_repeatButton;
    QLabel *m_seriesLabel;
    QTimer *m_seriesTimer;
    QTimer *m_completionTimer;

    Mode m_mode = Auto;
    Mode m_shownMode = Text; // what the editor's lexer shows
    bool m_resultFailed = false;
    bool m_validationFailed = false;
    QList<Draft> m_drafts; // history, newest last
    QHash<int, InFlight> m_inFlight; // mid -> send
    int m_nextSendId = 1;
    int m_lastSendId = 0;
    // The running or last series.
    QSet<int> m_seriesIds;
    QList<qint64> m_seriesNs;
    int m_seriesSent = 0;
    int m_seriesTotal = 0;
    int m_seriesFailed = 0;
    qint64 m_completionCount = -1;
    QElapsedTimer m_completionAge;
};
