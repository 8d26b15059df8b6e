#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

// Help > About: our version beside the runtime versions of Qt, QScintilla and OpenSSL, which
// are what a bug report needs (the libraries on the user's system, not the ones we built with).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString applicationVersion();
    static QString qtVersion();
    static QString qscintillaVersion();
    static QString opensslVersion();
    // Plain text for a bug report: one "name version" line per component, then the system.
    static QString versionReport();

    static QString projectUrl();

private:
    void copyVersions();

    QPushButton *m_copy;
    QLabel *m_copied;
};
