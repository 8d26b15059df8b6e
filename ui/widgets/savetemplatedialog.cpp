#include "widgets/savetemplatedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SaveTemplateDialog::SaveTemplateDialog(const QStringList &groups, const QString &group,
                                       const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name, this))
    , m_group(new QComboBox(this))
    , m_hint(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Save as Template"));
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_name->setPlaceholderText(tr("e.g. Kitchen light on"));
    m_name->selectAll();
    m_group->setObjectName(QStringLiteral("templateGroupCombo"));
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->addItems(groups);
    m_group->setCurrentText(group);
    m_group->setToolTip(tr("Pick a group or type a new one"));
    m_hint->setObjectName(QStringLiteral("templateHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Saves the topic, payload, QoS, retain flag and MQTT 5 properties of the "
                       "composer as they are now."));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Group:"), m_group);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('x')) * 50);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &SaveTemplateDialog::updateState);
    updateState();
}

QString SaveTemplateDialog::name() const
{
    return m_name->text().trimmed();
}

QString SaveTemplateDialog::group() const
{
    return m_group->currentText().trimmed();
}

void SaveTemplateDialog::updateState()
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!name().isEmpty());
}
