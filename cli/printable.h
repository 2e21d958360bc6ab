/*
 * printable.h: case data in text output. A case's strings (its id, keys in
 * JSON pointers, values quoted back in messages) may hold control
 * characters; printed raw they forge lines of the report or drive the
 * terminal (escape sequences). Every verb that prints text escapes them
 * here, one way: each byte below 0x20 and 0x7f as \xHH, as the validator's
 * messages already do, and each code point that reorders or breaks what a
 * terminal shows (C1 controls U+0080-U+009F, the bidirectional marks,
 * embeddings, overrides and isolates, U+2028 and U+2029) as \u{XXXX}.
 * Nothing upstream replaces such characters: the JSON keeps them (escaped
 * by the JSON writer) and every text view escapes them here.
 */
#ifndef ONCO_CLI_PRINTABLE_H
#define ONCO_CLI_PRINTABLE_H

#include <cjson/cJSON.h>

#include "strbuf.h"

/* How many bytes at `s` a text view must not show as they are (0: none),
 * and what they are: a control byte (*byte set), or a code point that
 * drives or reorders what is shown (*cp set; 2 or 3 bytes). */
size_t cli_unprintable_at(const char *s, unsigned long *cp, int *byte);

/* Appends `s` to `b` with its control characters escaped. The one
 * escaping function; the others below use it. */
void cli_printable_append(cli_buf *b, const char *s);

/* `s` escaped, as a new string (free() it); exits with status 3 when
 * memory runs out, like the rest of strbuf.h. */
char *cli_printable(const char *s);

/* Escapes every string value and key of a document (an item and what it
 * holds) in place, so that whatever prints from it prints no control
 * character; a string the item only refers to is replaced by an escaped
 * copy it owns. */
void cli_json_printable(cJSON *item);

#endif
