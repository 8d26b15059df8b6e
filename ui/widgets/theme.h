#pragma once

#include <QPalette>
#include <QString>

// The window's colours: the desktop's own palette, or a light or dark palette of ours on the
// Fusion style (which draws every control from the palette). Views take their colours from
// the palette (PaletteColors), the QScintilla editors and the charts included, so a switch
// re-colours the open window at once. The choice is kept in QSettings ("view/theme").
class Theme
{
public:
    enum class Mode { System, Light, Dark };

    static Mode saved();
    static void save(Mode mode);
    // Applies `mode` to the application (the first call remembers the system's style and
    // palette, so System can go back to them).
    static void apply(Mode mode);
    static Mode current();

    static QPalette darkPalette();
    static QPalette lightPalette();
    static QString settingsName(Mode mode);
};
