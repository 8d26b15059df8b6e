#include "widgets/palettecolors.h"
#include "widgets/payloadview.h"
#include "widgets/theme.h"
#include "widgets/topicdetails.h"

#include <QApplication>
#include <QImage>
#include <QChartView>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

#include <Qsci/qsciscintilla.h>

// Theme: the dark and light palettes reach the whole window, the QScintilla views and the
// charts included, at once; System goes back to the desktop's look; the choice is kept.
class tst_Theme : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("MQTT Inspector Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_theme"));
        m_systemPalette = QApplication::palette();
        m_systemStyle = QApplication::style()->name();
    }

    void apply_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("dark");
        QTest::newRow("dark") << int(Theme::Mode::Dark) << true;
        QTest::newRow("light") << int(Theme::Mode::Light) << false;
    }

    void apply()
    {
        QFETCH(int, mode);
        QFETCH(bool, dark);
        PayloadView view;
        view.setPayload("{\"a\": [1, 2, 3]}");
        TopicDetails details;
        view.QWidget::show();
        details.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        Theme::apply(Theme::Mode(mode));
        QCOMPARE(Theme::current(), Theme::Mode(mode));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QCOMPARE(PaletteColors::isDark(QApplication::palette()), dark);
        QTRY_COMPARE(PaletteColors::isDark(view.palette()), dark);
        // The editor repaints with the new paper, and text stays readable on it.
        const auto *editor = view.findChild<QsciScintilla *>();
        QVERIFY(editor);
        // What is on screen: the editor's background, away from the text.
        const auto background = [editor] {
            const QImage image = editor->viewport()->grab().toImage();
            return image.pixelColor(image.width() - 4, image.height() - 4);
        };
        QTRY_COMPARE(background().lightness() < 128, dark);
        QVERIFY(qAbs(editor->palette().color(QPalette::Text).lightness() - background().lightness()) > 100);
        // The chart's background follows (Chart tab).
        const auto *chart = details.findChild<QChartView *>();
        QVERIFY(chart);
        QTRY_COMPARE(chart->chart()->backgroundBrush().color().lightness() < 128, dark);
    }

    void systemRestores()
    {
        Theme::apply(Theme::Mode::Dark);
        Theme::apply(Theme::Mode::System);
        QCOMPARE(Theme::current(), Theme::Mode::System);
        QCOMPARE(QApplication::style()->name(), m_systemStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Base), m_systemPalette.color(QPalette::Base));
    }

    void saved_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("system") << int(Theme::Mode::System);
        QTest::newRow("light") << int(Theme::Mode::Light);
        QTest::newRow("dark") << int(Theme::Mode::Dark);
    }

    void saved()
    {
        QFETCH(int, mode);
        Theme::save(Theme::Mode(mode));
        QCOMPARE(Theme::saved(), Theme::Mode(mode));
    }

    void contrast_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("dark") << Theme::darkPalette();
        QTest::newRow("light") << Theme::lightPalette();
    }

    void contrast()
    {
        // Text on base, window, buttons and the selection meets WCAG AA (4.5:1).
        QFETCH(QPalette, palette);
        const QPalette &p = palette;
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF());
        };
        const auto ratio = [&](const QColor &a, const QColor &b) {
            const double la = luminance(a), lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        QVERIFY(ratio(p.color(QPalette::Text), p.color(QPalette::Base)) > 4.5);
        QVERIFY(ratio(p.color(QPalette::WindowText), p.color(QPalette::Window)) > 4.5);
        QVERIFY(ratio(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) > 4.0);
        QVERIFY(ratio(p.color(QPalette::ButtonText), p.color(QPalette::Button)) > 4.5);
        QVERIFY(ratio(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) > 4.5);
    }

private:
    QTemporaryDir m_dir;
    QPalette m_systemPalette;
    QString m_systemStyle;
};

QTEST_MAIN(tst_Theme)
#include "tst_theme.moc"
