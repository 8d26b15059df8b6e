#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

// Asks for a pane's topic filter, its QoS and whether to SUBSCRIBE it or only view what the
// existing subscriptions already bring. The filter is checked as the user types.
class NewPaneDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewPaneDialog(QWidget *parent = nullptr);

    void setFilter(const QString &filter);
    QString filter() const;
    int qos() const;
    bool subscribe() const;

private:
    void validate();

    QLineEdit *m_filter;
    QComboBox *m_qos;
    QCheckBox *m_subscribe;
    QLabel *m_error;
};
