#pragma once

#include "models/payloadformat.h"

#include <QByteArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;
class QPalette;
class QStackedWidget;
class QsciLexer;
class QsciScintilla;

// A read-only view of one payload: QScintilla with line numbers and JSON/XML highlighting, a
// format choice (Auto shows what it picked: "Auto (JSON)") and the payload's size. Payloads
// from PayloadFormat::asyncThreshold up are formatted on a worker thread; one job runs at a
// time and only the newest payload is rendered when it ends, so a stream of large payloads
// neither stalls the GUI nor piles up work.
class PayloadView : public QWidget
{
    Q_OBJECT
public:
    explicit PayloadView(QWidget *parent = nullptr);
    ~PayloadView() override;

    void setPayload(const QByteArray &payload);
    QByteArray payload() const { return m_payload; }
    // No payload; `note` (e.g. why there is none) is shown instead of the editor.
    void clear(const QString &note = QString());

    // The format chosen in the combo (Auto by default).
    void setFormat(PayloadFormat::Format format);
    PayloadFormat::Format format() const { return m_format; }
    // What the text on screen was rendered as (never Auto).
    PayloadFormat::Format shownFormat() const { return m_shownFormat; }
    QString formatLabel() const; // the combo's text, e.g. "Auto (JSON)"

    // The whole rendered text (of every part, when it is shown in parts).
    QString text() const;
    bool isRendering() const { return m_rendering; }
    // A rendering over pageChars characters is shown in parts, one at a time (Scintilla takes
    // seconds to take 40 MB at once, and colouring or wrapping them takes longer): parts are
    // cut at a line end near each multiple of pageChars, and the bar above the text moves
    // between them. Nothing is left out.
    static constexpr qsizetype pageChars = 1024 * 1024;
    int pageCount() const { return int(m_pageStarts.size()); }
    int currentPage() const { return m_page; }
    void setPage(int page);
    QsciScintilla *editor() const { return m_editor; }

    // Colours and font of an editor with its JSON and XML lexers from `palette` (the
    // publish composer's editor looks like this view).
    static void styleEditor(QsciScintilla *editor, QsciLexer *jsonLexer, QsciLexer *xmlLexer,
                            const QPalette &palette);

Q_SIGNALS:
    // The text of the current payload is on screen.
    void rendered();
    // The user picked a format in the view's box (not setFormat() from code).
    void formatChosen(PayloadFormat::Format format);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void startAsyncRender();
    void show(const PayloadFormat::Rendering &rendering);
    void applyColors();
    void updateMarginWidth();

    QComboBox *m_formatCombo = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QsciScintilla *m_editor = nullptr;
    QLabel *m_note = nullptr;
    QsciLexer *m_jsonLexer = nullptr;
    QsciLexer *m_xmlLexer = nullptr;

    QByteArray m_payload;
    PayloadFormat::Format m_format = PayloadFormat::Auto;
    PayloadFormat::Format m_shownFormat = PayloadFormat::Text;
    QWidget *m_pageBar = nullptr;
    QLabel *m_pageLabel = nullptr;
    QToolButton *m_previousPage = nullptr;
    QToolButton *m_nextPage = nullptr;
    QString m_rendered;               // the whole rendering when it is shown in parts
    QList<qsizetype> m_pageStarts;    // empty when the rendering fits one part
    int m_page = 0;
    quint64 m_generation = 0; // bumped by every payload or format change
    bool m_rendering = false; // a worker job is running
};
