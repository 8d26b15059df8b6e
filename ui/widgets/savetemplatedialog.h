#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// Asks for the name and group of a new publish template. The group is picked from the
// existing ones or typed (a new group is created on save). OK needs a name.
class SaveTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    SaveTemplateDialog(const QStringList &groups, const QString &group, const QString &name,
                       QWidget *parent = nullptr);

    QString name() const;
    QString group() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *groupCombo() const { return m_group; }

private:
    void updateState();

    QLineEdit *m_name;
    QComboBox *m_group;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};
