#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

// Which language the window speaks and the translators that make it so: the application's own
// strings (:/i18n/mqtt-inspector_<lang>.qm, built from resources/translations/) and Qt's
// (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, for QMessageBox/QFileDialog buttons).
// The choice is "" (follow the system locale), "en" or "zh_CN", kept in QSettings; the window
// is built in one language, so a changed choice applies at the next start.
class LanguageSettings : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSettings(QObject *parent = nullptr);
    ~LanguageSettings() override;

    // The languages we ship, as choice codes: "en", "zh_CN".
    static QStringList languages();
    // The language's own name ("English", "简体中文"), the same in every UI language.
    static QString nativeName(const QString &language);
    // The stored choice, "" when the system locale decides.
    static QString storedChoice();
    static void setStoredChoice(const QString &language);
    // The locale a choice stands for: the system's for "", else the language's.
    static QLocale localeFor(const QString &choice);
    // The shipped language that serves locale: "zh_CN" for Chinese in Simplified script, else "en".
    static QString languageFor(const QLocale &locale);

    // Replaces the translators this object installed with those for locale (English for a
    // language we do not ship) and makes it QLocale's default. False when the application's
    // translation for a shipped non-English language could not be loaded.
    bool install(const QLocale &locale);
    // The shipped language install() picked ("en" or "zh_CN").
    QString language() const { return m_language; }

private:
    void removeTranslators();

    QTranslator *m_appTranslator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
    QString m_language;
};
