#include "widgets/aboutdialog.h"

#include "mqttcoreglobal.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

#include <Qsci/qsciglobal.h>
#include <openssl/crypto.h>

Q_LOGGING_CATEGORY(lcAboutDialog, "mqtt.ui.about", QtWarningMsg)

namespace {

QLabel *versionLabel(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    // Selectable so that one version can be copied on its own too.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_copy(new QPushButton(tr("&Copy Version Information"), this))
    , m_copied(new QLabel(this))
{
    setWindowTitle(tr("About MQTT Inspector"));
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    // The icon on the left, everything else in one column beside it.
    auto *header = new QHBoxLayout;
    header->setSpacing(16);
    const QIcon icon = QIcon::fromTheme(QStringLiteral("mqtt-inspector"), windowIcon());
    if (!icon.isNull()) {
        auto *iconLabel = new QLabel(this);
        iconLabel->setPixmap(icon.pixmap(64, 64));
        iconLabel->setAlignment(Qt::AlignTop);
        header->addWidget(iconLabel);
    }
    auto *column = new QVBoxLayout;
    column->setSpacing(4);
    auto *title = new QLabel(
        tr("<h2>MQTT Inspector %1</h2>"
           "<p>A desktop inspector for MQTT 3.1.1 and 5.0 brokers:<br>topic tree, messages, "
           "publishing and session files.</p>")
            .arg(applicationVersion().toHtmlEscaped()),
        this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    column->addWidget(title);
    column->addSpacing(8);

    auto *versions = new QFormLayout;
    versions->setLabelAlignment(Qt::AlignLeft);
    versions->setHorizontalSpacing(12);
    versions->addRow(tr("MQTT Inspector:"),
                     versionLabel(QStringLiteral("applicationVersion"), applicationVersion(), this));
    versions->addRow(tr("Qt:"), versionLabel(QStringLiteral("qtVersion"), qtVersion(), this));
    versions->addRow(tr("QScintilla:"),
                     versionLabel(QStringLiteral("qscintillaVersion"), qscintillaVersion(), this));
    versions->addRow(tr("OpenSSL:"),
                     versionLabel(QStringLiteral("opensslVersion"), opensslVersion(), this));
    versions->addRow(tr("System:"),
                     versionLabel(QStringLiteral("systemVersion"),
                                  QSysInfo::prettyProductName() + u' '
                                      + QSysInfo::currentCpuArchitecture(),
                                  this));
    column->addLayout(versions);
    column->addSpacing(12);

    auto *link = new QLabel(QStringLiteral("<a href=\"%1\">%1</a>").arg(projectUrl()), this);
    link->setObjectName(QStringLiteral("projectLink"));
    link->setTextFormat(Qt::RichText);
    link->setOpenExternalLinks(true);
    column->addWidget(link);
    header->addLayout(column, 1);
    layout->addLayout(header);
    layout->addSpacing(12);

    m_copy->setObjectName(QStringLiteral("copyVersions"));
    m_copy->setToolTip(tr("Copy these versions to the clipboard, for a bug report"));
    m_copied->setObjectName(QStringLiteral("copiedNote"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_copied, 1);
    footer->addWidget(buttons);
    layout->addLayout(footer);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &AboutDialog::copyVersions);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
}

QString AboutDialog::applicationVersion()
{
    return QStringLiteral(MQTTCORE_VERSION_STRING);
}

QString AboutDialog::qtVersion()
{
    // The library loaded at run time; a distribution update can make it differ from the build.
    const QString runtime = QString::fromLatin1(qVersion());
    if (runtime == QLatin1String(QT_VERSION_STR))
        return runtime;
    return tr("%1 (built with %2)").arg(runtime, QStringLiteral(QT_VERSION_STR));
}

QString AboutDialog::qscintillaVersion()
{
    return QStringLiteral(QSCINTILLA_VERSION_STR);
}

QString AboutDialog::opensslVersion()
{
    // "OpenSSL 3.0.11 19 Sep 2023": the name is dropped, the form has its own label.
    QString text = QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
    if (text.startsWith(QLatin1String("OpenSSL ")))
        text.remove(0, 8);
    return text;
}

QString AboutDialog::versionReport()
{
    // Not translated: bug reports are read by the developers.
    return QStringLiteral("MQTT Inspector %1\nQt %2\nQScintilla %3\nOpenSSL %4\n%5 %6\n")
        .arg(applicationVersion(), qtVersion(), qscintillaVersion(), opensslVersion(),
             QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
}

QString AboutDialog::projectUrl()
{
    return QStringLiteral("https://github.com/mqttinspector/mqtt-inspector");
}

void AboutDialog::copyVersions()
{
    QApplication::clipboard()->setText(versionReport());
    m_copied->setText(tr("Copied to the clipboard."));
    qCDebug(lcAboutDialog) << "version report copied";
}
