#include "widgets/palettecolors.h"

namespace PaletteColors {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor error(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x12, 0x1d);
}

} // namespace PaletteColors
