#include "connection.h"
#include "messagestore.h"
#include "widgets/connectiontab.h"
#include "widgets/mainwindow.h"
#include "widgets/newpanedialog.h"
#include "widgets/topicdetails.h"
#include "widgets/topictree.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

// The window without a mouse: the Topic menu's keys act on the selected topic, Alt+Up/Down
// step through its history, F6 walks the areas, Ctrl+PgDown the connection tabs.
class tst_WindowKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowkeyboard"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = 1;
        m_tab = m_window->addConnection(settings, false);
        MessageStore *store = m_tab->connection()->store();
        for (int i = 1; i <= 3; ++i) {
            mqtt::Message m(QStringLiteral("home/kitchen/temp"), QByteArray::number(20 + i));
            m.setTimestamp(1714564800000 + i);
            store->add(m);
        }
        store->flush();
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(m_tab->topicTree()->selectTopic(QStringLiteral("home/kitchen/temp")));
        m_tab->topicTree()->view()->setFocus();
    }

    void cleanup()
    {
        m_window.reset();
    }

    void copyTopicAndPayload()
    {
        QApplication::clipboard()->clear();
        QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("home/kitchen/temp"));
        QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("23"));
    }

    void stepThroughHistory()
    {
        auto *history = m_tab->details()->findChild<QTableView *>(QStringLiteral("historyView"));
        QVERIFY(history);
        QTest::keyClick(m_window.get(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(history->currentIndex().row(), 2); // from the newest
        QVERIFY(history->isVisible());               // the History page is shown
        QTest::keyClick(m_window.get(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(history->currentIndex().row(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(history->currentIndex().row(), 2);
        QVERIFY(!m_tab->details()->showNextMessage()); // the end
    }

    void watchInNewPane()
    {
        const int panes = m_tab->paneTabs()->count();
        // It asks first (the filter prefilled, subscribe or view only): accept that.
        QString filter;
        QTimer::singleShot(200, this, [&filter] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<NewPaneDialog *>(w)) {
                    filter = dialog->filter();
                    dialog->accept();
                }
            }
        });
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(filter, QStringLiteral("home/kitchen/temp"));
        QTRY_COMPARE(m_tab->paneTabs()->count(), panes + 1);
    }

    void areasWithF6()
    {
        QVERIFY(m_tab->topicTree()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QVERIFY(m_tab->details()->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(m_window.get(), Qt::Key_F6);
        QVERIFY(m_tab->paneTabs()->isAncestorOf(QApplication::focusWidget())
                || m_tab->paneTabs() == QApplication::focusWidget());
        QTest::keyClick(m_window.get(), Qt::Key_F6, Qt::ShiftModifier);
        QVERIFY(m_tab->details()->isAncestorOf(QApplication::focusWidget()));
    }

    void connectionTabs()
    {
        ConnectionSettings settings;
        settings.host = QStringLiteral("127.0.0.2");
        settings.port = 1;
        m_window->addConnection(settings, false);
        QCOMPARE(m_window->tabs()->currentIndex(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(m_window->tabs()->currentIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(m_window->tabs()->currentIndex(), 1);
    }

    void focusFilter()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(QApplication::focusWidget(), m_tab->topicTree()->filterEdit());
    }

private:
    std::unique_ptr<MainWindow> m_window;
    ConnectionTab *m_tab = nullptr;
};

QTEST_MAIN(tst_WindowKeyboard)
#include "tst_windowkeyboard.moc"
