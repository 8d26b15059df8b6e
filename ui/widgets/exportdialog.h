#pragma once

#include "sessionexporter.h"

#include <QDialog>

class Connection;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;

// File > Export: what (every topic, a subtree or one pane; received, sent, log), how (session
// file or CSV) and where, then the export itself with progress and cancel, in one dialog.
// The export runs on a worker (SessionExporter) and lands through a temporary file, so a
// failure says what went wrong and leaves nothing half written.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(Connection *connection, QWidget *parent = nullptr);

    void setSubtree(const QString &topic);
    void setPath(const QString &path);
    void setFormat(SessionExporter::Format format);
    // Scope: 0 every topic, 1 the subtree, 2 the pane at paneIndex.
    void setScope(int scope, int paneIndex = 0);
    void setContent(int content); // ExportSource::Content flags

    // Starts the export (what the Export button does). False when the form is not valid.
    bool startExport();
    SessionExporter *exporter() const { return m_exporter; }
    QString resultText() const;

    static QString defaultFileName(const Connection *connection, SessionExporter::Format format);

protected:
    void reject() override;

private:
    void browse();
    void updateForm();
    void onFinished(const SessionExporter::Result &result);

    Connection *m_connection;
    SessionExporter *m_exporter;
    QButtonGroup *m_scope;
    QRadioButton *m_all;
    QRadioButton *m_subtree;
    QRadioButton *m_pane;
    QLineEdit *m_subtreeEdit;
    QComboBox *m_paneCombo;
    QCheckBox *m_received;
    QCheckBox *m_sent;
    QCheckBox *m_log;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLabel *m_note;
    QProgressBar *m_progress;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
};
