#include "widgets/newpanedialog.h"

#include "topic.h"
#include "widgets/palettecolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

NewPaneDialog::NewPaneDialog(QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit(this))
    , m_qos(new QComboBox(this))
    , m_subscribe(new QCheckBox(tr("Subscribe to this filter"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New pane"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A pane shows every message its filter matches, as paho's "
                                "message_callback_add does. A message can appear in several "
                                "panes; the Default pane gets what matched none."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_filter->setObjectName(QStringLiteral("paneFilter"));
    m_filter->setPlaceholderText(QStringLiteral("sensors/+/temperature"));
    m_filter->setMinimumWidth(320);
    m_qos->addItems({tr("0 (at most once)"), tr("1 (at least once)"), tr("2 (exactly once)")});
    m_subscribe->setChecked(true);
    m_subscribe->setToolTip(tr("Off: only route what the existing subscriptions bring"));
    form->addRow(tr("Topic filter:"), m_filter);
    form->addRow(tr("QoS:"), m_qos);
    form->addRow(QString(), m_subscribe);
    layout->addLayout(form);
    m_error->setObjectName(QStringLiteral("filterError"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, PaletteColors::error(errorPalette));
    m_error->setPalette(errorPalette);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open pane"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subscribe, &QCheckBox::toggled, m_qos, &QWidget::setEnabled);
    connect(m_filter, &QLineEdit::textChanged, this, &NewPaneDialog::validate);
    validate();
}

void NewPaneDialog::setFilter(const QString &filter)
{
    m_filter->setText(filter);
}

QString NewPaneDialog::filter() const
{
    return m_filter->text();
}

int NewPaneDialog::qos() const
{
    return m_qos->currentIndex();
}

bool NewPaneDialog::subscribe() const
{
    return m_subscribe->isChecked();
}

void NewPaneDialog::validate()
{
    const QString text = m_filter->text();
    const QString error = text.isEmpty() ? QString() : mqtt::validateTopicFilter(text);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    auto *buttons = findChild<QDialogButtonBox *>();
    if (buttons)
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.isEmpty() && error.isEmpty());
}
