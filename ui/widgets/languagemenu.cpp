#include "languagemenu.h"

#include "widgets/languagesettings.h"

#include <QActionGroup>

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    const QString stored = LanguageSettings::storedChoice();
    QStringList choices{QString()};
    choices += LanguageSettings::languages();
    for (const QString &language : std::as_const(choices)) {
        const QString text = language.isEmpty()
            ? tr("System (%1)").arg(LanguageSettings::nativeName(
                  LanguageSettings::languageFor(QLocale::system())))
            : LanguageSettings::nativeName(language);
        QAction *action = addAction(text);
        action->setCheckable(true);
        action->setChecked(language == stored);
        action->setData(language);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { choose(language); });
    }
    addSeparator();
    QAction *note = addAction(tr("Applies at the next start"));
    note->setEnabled(false);
}

QString LanguageMenu::choice() const
{
    QAction *checked = m_group->checkedAction();
    return checked ? checked->data().toString() : QString();
}

void LanguageMenu::choose(const QString &language)
{
    LanguageSettings::setStoredChoice(language);
}
