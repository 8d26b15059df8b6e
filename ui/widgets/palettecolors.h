#pragma once

#include <QColor>
#include <QPalette>

// Colours the widgets derive from the palette, so they read on light and dark themes alike.
namespace PaletteColors {

// The palette's base (text background) is dark.
bool isDark(const QPalette &palette);
// Text that reports an error.
QColor error(const QPalette &palette);

} // namespace PaletteColors
