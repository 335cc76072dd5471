#ifndef STAGEHAND_CNCURSESW_SHIM_H
#define STAGEHAND_CNCURSESW_SHIM_H

// Without this, ncurses hides its wide-character API (SwiftPM drops pkg-config's flags).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and hidden functions Swift cannot import directly.
static inline int stagehand_a_bold(void) { return (int)A_BOLD; }
static inline int stagehand_a_reverse(void) { return (int)A_REVERSE; }
static inline int stagehand_a_underline(void) { return (int)A_UNDERLINE; }
static inline int stagehand_a_dim(void) { return (int)A_DIM; }
static inline int stagehand_a_normal(void) { return (int)A_NORMAL; }
static inline int stagehand_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int stagehand_key_f(int n) { return KEY_F(n); }
static inline int stagehand_wcwidth(wchar_t c) { return wcwidth(c); }
static inline const char *stagehand_codeset(void) { return nl_langinfo(CODESET); }
static inline unsigned long stagehand_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline unsigned long stagehand_button1_released(void) { return BUTTON1_RELEASED; }
static inline unsigned long stagehand_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline unsigned long stagehand_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline unsigned long stagehand_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline unsigned long stagehand_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline unsigned long stagehand_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

#endif
