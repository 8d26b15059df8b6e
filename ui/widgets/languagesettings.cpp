#include "languagesettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace {

const QString choiceKey = QStringLiteral("ui/language");

} // namespace

LanguageSettings::LanguageSettings(QObject *parent)
    : QObject(parent)
{
}

LanguageSettings::~LanguageSettings()
{
    removeTranslators();
}

QStringList LanguageSettings::languages()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageSettings::nativeName(const QString &language)
{
    // Not tr(): a user who cannot read the current language must still find their own.
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

QString LanguageSettings::storedChoice()
{
    const QString choice = QSettings().value(choiceKey).toString();
    return languages().contains(choice) ? choice : QString();
}

void LanguageSettings::setStoredChoice(const QString &language)
{
    QSettings settings;
    if (language.isEmpty())
        settings.remove(choiceKey);
    else
        settings.setValue(choiceKey, language);
}

QLocale LanguageSettings::localeFor(const QString &choice)
{
    if (choice.isEmpty())
        return QLocale::system();
    return QLocale(choice);
}

QString LanguageSettings::languageFor(const QLocale &locale)
{
    // Chinese written in Simplified script (zh_CN, zh_SG, plain zh) gets our zh_CN; Traditional
    // readers are better served by English than by a script they may not read.
    const bool simplified = locale.language() == QLocale::Chinese
        && locale.script() != QLocale::TraditionalChineseScript;
    return simplified ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool LanguageSettings::install(const QLocale &locale)
{
    removeTranslators();
    m_language = languageFor(locale);
    const bool chinese = m_language == QLatin1String("zh_CN");
    const QLocale effective = chinese ? QLocale(QLocale::Chinese, QLocale::China) : locale;
    QLocale::setDefault(effective);

    m_appTranslator = new QTranslator(this);
    const bool appLoaded = m_appTranslator->load(
        QStringLiteral(":/i18n/mqtt-inspector_%1.qm").arg(m_language));
    if (appLoaded)
        QCoreApplication::installTranslator(m_appTranslator);

    // Qt's own strings; Debian's qt6-translations-l10n ships no English file, English needs none.
    if (chinese) {
        m_qtTranslator = new QTranslator(this);
        if (m_qtTranslator->load(effective, QStringLiteral("qtbase"), QStringLiteral("_"),
                                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(m_qtTranslator);
    }
    return appLoaded || !chinese;
}

void LanguageSettings::removeTranslators()
{
    for (QTranslator *translator : {m_appTranslator, m_qtTranslator}) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    m_appTranslator = nullptr;
    m_qtTranslator = nullptr;
}
