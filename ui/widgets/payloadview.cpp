#include "payloadview.h"

#include "widgets/palettecolors.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerxml.h>
#include <Qsci/qsciscintilla.h>

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QToolButton>

namespace {

// Syntax colours in the spirit of Kate's Breeze schemes, one set per palette brightness.
struct SyntaxColors
{
    QColor key, string, number, keyword, comment, tag, attribute;
};

SyntaxColors syntaxColors(const QPalette &palette)
{
    if (PaletteColors::isDark(palette)) {
        return {QColor(0x7c, 0xb7, 0xff), QColor(0xf2, 0xa8, 0x6f), QColor(0xb5, 0xce, 0xa8),
                QColor(0xd3, 0x8f, 0xd6), QColor(0x8a, 0x93, 0x9b), QColor(0x6c, 0xb6, 0xeb),
                QColor(0x9c, 0xdc, 0xfe)};
    }
    return {QColor(0x00, 0x57, 0xae), QColor(0xa3, 0x15, 0x15), QColor(0x09, 0x80, 0x58),
            QColor(0x7a, 0x3e, 0x9d), QColor(0x70, 0x79, 0x80), QColor(0x80, 0x00, 0x00),
            QColor(0xc2, 0x36, 0x00)};
}

} // namespace

PayloadView::PayloadView(QWidget *parent)
    : QWidget(parent)
{
    m_formatCombo = new QComboBox(this);
    m_formatCombo->setObjectName(QStringLiteral("formatCombo"));
    for (const auto format : {PayloadFormat::Auto, PayloadFormat::Text, PayloadFormat::Json,
                              PayloadFormat::Xml, PayloadFormat::Hex, PayloadFormat::Base64})
        m_formatCombo->addItem(PayloadFormat::formatName(format), int(format));
    m_formatCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_formatCombo->setToolTip(tr("How to show the payload"));
    m_sizeLabel = new QLabel(this);
    m_sizeLabel->setObjectName(QStringLiteral("sizeLabel"));
    m_sizeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_formatCombo);
    bar->addStretch(1);
    bar->addWidget(m_sizeLabel);

    m_pageBar = new QWidget(this);
    m_pageBar->setObjectName(QStringLiteral("pageBar"));
    auto *pageLayout = new QHBoxLayout(m_pageBar);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_previousPage = new QToolButton(m_pageBar);
    m_previousPage->setObjectName(QStringLiteral("previousPage"));
    m_previousPage->setAccessibleName(tr("Previous part"));
    m_previousPage->setArrowType(Qt::LeftArrow);
    m_previousPage->setToolTip(tr("Previous part"));
    m_nextPage = new QToolButton(m_pageBar);
    m_nextPage->setObjectName(QStringLiteral("nextPage"));
    m_nextPage->setAccessibleName(tr("Next part"));
    m_nextPage->setArrowType(Qt::RightArrow);
    m_nextPage->setToolTip(tr("Next part"));
    m_pageLabel = new QLabel(m_pageBar);
    m_pageLabel->setObjectName(QStringLiteral("pageLabel"));
    m_pageLabel->setWordWrap(true);
    pageLayout->addWidget(m_previousPage);
    pageLayout->addWidget(m_nextPage);
    pageLayout->addWidget(m_pageLabel, 1);
    m_pageBar->hide();
    connect(m_previousPage, &QToolButton::clicked, this, [this] { setPage(m_page - 1); });
    connect(m_nextPage, &QToolButton::clicked, this, [this] { setPage(m_page + 1); });

    m_editor = new QsciScintilla(this);
    m_editor->setObjectName(QStringLiteral("payloadEditor"));
    m_editor->setAccessibleName(tr("Payload"));
    m_editor->setReadOnly(true);
    m_editor->setUtf8(true);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginWidth(1, 0);
    m_editor->setFolding(QsciScintilla::NoFoldStyle);
    // Fit the horizontal scroll range to the text instead of Scintilla's fixed 2000 px.
    m_editor->setScrollWidth(1);
    m_editor->setScrollWidthTracking(true);
    m_editor->setCaretLineVisible(false);
    m_editor->setFrameShape(QFrame::NoFrame);

    m_jsonLexer = new QsciLexerJSON(this);
    m_xmlLexer = new QsciLexerXML(this);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("payloadNote"));
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setMargin(12);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_editor);
    m_stack->addWidget(m_note);

    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *frameLayout = new QVBoxLayout(frame);
    frameLayout->setContentsMargins(1, 1, 1, 1);
    frameLayout->addWidget(m_stack);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_pageBar);
    layout->addWidget(frame, 1);

    connect(m_formatCombo, &QComboBox::activated, this, [this](int index) {
        const auto format = PayloadFormat::Format(m_formatCombo->itemData(index).toInt());
        setFormat(format);
        Q_EMIT formatChosen(format);
    });

    applyColors();
    clear();
}

PayloadView::~PayloadView() = default;

void PayloadView::setPayload(const QByteArray &payload)
{
    m_payload = payload;
    const QString size = PayloadFormat::sizeText(payload.size());
    m_sizeLabel->setText(payload.size() < 1024
                             ? size
                             : tr("%1 (%2 bytes)").arg(size, QLocale().toString(payload.size())));
    render();
}

void PayloadView::clear(const QString &note)
{
    ++m_generation;
    m_payload.clear();
    m_sizeLabel->clear();
    m_editor->clear();
    m_rendered.clear();
    m_pageStarts.clear();
    m_pageBar->hide();
    m_formatCombo->setItemText(0, PayloadFormat::formatName(PayloadFormat::Auto));
    m_note->setText(note);
    m_stack->setCurrentWidget(note.isEmpty() ? static_cast<QWidget *>(m_editor) : m_note);
}

void PayloadView::setFormat(PayloadFormat::Format format)
{
    m_formatCombo->setCurrentIndex(m_formatCombo->findData(int(format)));
    if (format == m_format)
        return;
    m_format = format;
    render();
}

QString PayloadView::formatLabel() const
{
    return m_formatCombo->currentText();
}

QString PayloadView::text() const
{
    return m_pageStarts.isEmpty() ? m_editor->text() : m_rendered;
}

void PayloadView::render()
{
    ++m_generation;
    if (m_payload.size() < PayloadFormat::asyncThreshold) {
        show(PayloadFormat::renderResolved(m_payload, m_format));
        return;
    }
    m_note->setText(tr("Formatting %1…").arg(PayloadFormat::sizeText(m_payload.size())));
    m_stack->setCurrentWidget(m_note);
    // One job at a time: a running job's end starts the newest payload's job.
    if (!m_rendering)
        startAsyncRender();
}

void PayloadView::startAsyncRender()
{
    m_rendering = true;
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<PayloadFormat::Rendering>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_rendering = false;
        if (generation == m_generation)
            show(watcher->result());
        else if (m_payload.size() >= PayloadFormat::asyncThreshold)
            startAsyncRender(); // stale: a newer payload or format came meanwhile
    });
    watcher->setFuture(PayloadFormat::renderResolvedAsync(m_payload, m_format));
}

void PayloadView::show(const PayloadFormat::Rendering &rendering)
{
    m_shownFormat = rendering.format;
    const bool large = rendering.text.size() > pageChars;
    QsciLexer *lexer = nullptr;
    if (rendering.format == PayloadFormat::Json && !large)
        lexer = m_jsonLexer;
    else if (rendering.format == PayloadFormat::Xml && !large)
        lexer = m_xmlLexer;
    if (m_editor->lexer() != lexer) {
        m_editor->setLexer(lexer);
        applyColors(); // setLexer() resets the editor's colours and font to the lexer's
    }
    // Hex and base64 have their own line layout; wrapping would break the columns. Parts of
    // a large rendering are not wrapped either: wrapping a megabyte of lines is slow.
    const bool wrap = rendering.format != PayloadFormat::Hex
                      && rendering.format != PayloadFormat::Base64 && !large;
    m_editor->setWrapMode(wrap ? QsciScintilla::WrapWord : QsciScintilla::WrapNone);
    m_formatCombo->setItemText(
        0, m_format == PayloadFormat::Auto
               ? tr("Auto (%1)").arg(PayloadFormat::formatName(rendering.format))
               : PayloadFormat::formatName(PayloadFormat::Auto));
    m_stack->setCurrentWidget(m_editor);
    m_pageStarts.clear();
    m_rendered.clear();
    if (!large) {
        m_pageBar->hide();
        m_editor->setText(rendering.text);
        updateMarginWidth();
        emit rendered();
        return;
    }
    m_rendered = rendering.text;
    // Cut near each multiple of pageChars, after a line end when one is close.
    for (qsizetype start = 0; start < m_rendered.size();) {
        m_pageStarts.append(start);
        qsizetype end = start + pageChars;
        if (end < m_rendered.size()) {
            const qsizetype newline = m_rendered.indexOf(QLatin1Char('\n'), end);
            if (newline >= 0 && newline - end < 4096)
                end = newline + 1;
        }
        start = end;
    }
    m_pageBar->show();
    setPage(0);
    emit rendered();
}

void PayloadView::setPage(int page)
{
    if (m_pageStarts.isEmpty())
        return;
    m_page = qBound(0, page, int(m_pageStarts.size()) - 1);
    const qsizetype start = m_pageStarts.at(m_page);
    const qsizetype end = m_page + 1 < m_pageStarts.size() ? m_pageStarts.at(m_page + 1)
                                                            : m_rendered.size();
    m_editor->setText(m_rendered.mid(start, end - start));
    updateMarginWidth();
    m_pageLabel->setText(tr("Part %1 of %2 (characters %3 to %4 of %5): too large to show "
                            "at once")
                             .arg(m_page + 1)
                             .arg(m_pageStarts.size())
                             .arg(QLocale().toString(start + 1), QLocale().toString(end),
                                  QLocale().toString(m_rendered.size())));
    m_previousPage->setEnabled(m_page > 0);
    m_nextPage->setEnabled(m_page + 1 < m_pageStarts.size());
}

void PayloadView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
    QWidget::changeEvent(event);
}

void PayloadView::applyColors()
{
    styleEditor(m_editor, m_jsonLexer, m_xmlLexer, palette());
    updateMarginWidth();
}

void PayloadView::styleEditor(QsciScintilla *editor, QsciLexer *jsonLexer, QsciLexer *xmlLexer,
                              const QPalette &pal)
{
    const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const SyntaxColors colors = syntaxColors(pal);

    for (QsciLexer *lexer : {jsonLexer, xmlLexer}) {
        lexer->setDefaultPaper(base);
        lexer->setDefaultColor(text);
        lexer->setDefaultFont(font);
        lexer->setPaper(base, -1);
        lexer->setColor(text, -1);
        lexer->setFont(font, -1);
    }
    jsonLexer->setColor(colors.key, QsciLexerJSON::Property);
    jsonLexer->setColor(colors.string, QsciLexerJSON::String);
    jsonLexer->setColor(colors.string, QsciLexerJSON::UnclosedString);
    jsonLexer->setColor(colors.number, QsciLexerJSON::Number);
    jsonLexer->setColor(colors.keyword, QsciLexerJSON::Keyword);
    jsonLexer->setColor(colors.keyword, QsciLexerJSON::EscapeSequence);
    jsonLexer->setColor(colors.comment, QsciLexerJSON::CommentLine);
    jsonLexer->setColor(colors.comment, QsciLexerJSON::CommentBlock);
    xmlLexer->setColor(colors.tag, QsciLexerHTML::Tag);
    xmlLexer->setColor(colors.tag, QsciLexerHTML::UnknownTag);
    xmlLexer->setColor(colors.tag, QsciLexerHTML::XMLTagEnd);
    xmlLexer->setColor(colors.attribute, QsciLexerHTML::Attribute);
    xmlLexer->setColor(colors.attribute, QsciLexerHTML::UnknownAttribute);
    xmlLexer->setColor(colors.string, QsciLexerHTML::HTMLDoubleQuotedString);
    xmlLexer->setColor(colors.string, QsciLexerHTML::HTMLSingleQuotedString);
    xmlLexer->setColor(colors.number, QsciLexerHTML::HTMLNumber);
    xmlLexer->setColor(colors.comment, QsciLexerHTML::HTMLComment);
    xmlLexer->setColor(colors.keyword, QsciLexerHTML::Entity);
    xmlLexer->setColor(colors.comment, QsciLexerHTML::XMLStart);
    xmlLexer->setColor(colors.comment, QsciLexerHTML::XMLEnd);
    xmlLexer->setColor(colors.comment, QsciLexerHTML::CDATA);

    editor->setFont(font);
    editor->setPaper(base);
    editor->setColor(text);
    editor->setMarginsFont(font);
    // A margin a shade off the text area, as Kate draws its line-number border.
    editor->setMarginsBackgroundColor(PaletteColors::isDark(pal) ? base.lighter(130) : base.darker(106));
    editor->setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    editor->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    editor->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    editor->setCaretForegroundColor(text);
}

void PayloadView::updateMarginWidth()
{
    const QString digits(QString::number(std::max(m_editor->lines(), 10)).size() + 1,
                         QLatin1Char('9'));
    m_editor->setMarginWidth(0, digits);
}
