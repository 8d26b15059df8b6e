#pragma once

#include <QMenu>

class QActionGroup;

// View > Language: System / English / 简体中文, the choice kept by LanguageSettings. The window
// is built in one language, so the menu says that a change applies at the next start.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // The checked entry's choice code: "" (system), "en" or "zh_CN".
    QString choice() const;

private:
    void choose(const QString &language);

    QActionGroup *m_group;
};
