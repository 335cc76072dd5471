#ifndef STAGEHAND_CNCURSESW_SHIM_H
#define STAGEHAND_CNCURSESW_SHIM_H

// Without this, ncurses hides its wide-character API (SwiftPM drops pkg-config's flags).
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros and hidden functions Swift cannot import directly.
static inline attr_t stagehand_a_bold(void) { return A_BOLD; }
static inline attr_t stagehand_a_reverse(void) { return A_REVERSE; }
static inline attr_t stagehand_a_underline(void) { return A_UNDERLINE; }
static inline attr_t stagehand_a_dim(void) { return A_DIM; }
static inline attr_t stagehand_a_normal(void) { return A_NORMAL; }
static inline int stagehand_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int stagehand_key_f(int n) { return KEY_F(n); }
static inline int stagehand_wcwidth(wchar_t c) { return wcwidth(c); }
static inline const char *stagehand_codeset(void) { return nl_langinfo(CODESET); }
static inline mmask_t stagehand_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t stagehand_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t stagehand_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t stagehand_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t stagehand_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

// Globals Swift 6 rejects as shared mutable state; read them through functions.
static inline FILE *stagehand_stdin(void) { return stdin; }
static inline FILE *stagehand_stdout(void) { return stdout; }
static inline WINDOW *stagehand_stdscr(void) { return stdscr; }
static inline int stagehand_colors(void) { return COLORS; }
static inline int stagehand_color_pairs(void) { return COLOR_PAIRS; }

// A terminal without cursor addressing (TERM=dumb) cannot show a board at all.
// Asked of terminfo before ncurses starts, so that nothing is written to such a
// terminal but the sentence that says so. An unknown type answers yes: newterm
// then reports it.
static inline int stagehand_can_address_cursor(const char *term) {
    int error = 0;
    if (setupterm(term, -1, &error) != OK) return 1;
    char *address = tigetstr("cup");
    int can = address != NULL && address != (char *)-1;
    del_curterm(cur_term);
    return can;
}

#endif
