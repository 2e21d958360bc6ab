/*
 * textview.h: what the text views of a result share (summary.c, the cards
 * on one screen; detail.c, every explanation): reading the result
 * document, wrapping at 100 columns, short names of options. The document
 * has been made printable (printable.h) before any of it is written.
 */
#ifndef ONCO_CLI_TEXTVIEW_H
#define ONCO_CLI_TEXTVIEW_H

#include <cjson/cJSON.h>

#include "strbuf.h"

#define CLI_TEXT_WIDTH 100

/* A string member of `o`, or NULL / `otherwise`. */
const char *cli_str(const cJSON *o, const char *key);
const char *cli_str_or(const cJSON *o, const char *key, const char *otherwise);

/* A space the wrapper never breaks at ("[CR-7, SA-1]" stays on one line);
 * written as a space. Case data cannot hold it: it is escaped first. */
#define CLI_NBSP '\x1f'

/* Appends `text` after `first` (the first line's lead), wrapped at
 * CLI_TEXT_WIDTH at spaces; continuation lines are indented by `indent`
 * spaces. A word longer than a line is written whole. Ends with a newline. */
void cli_wrap(cli_buf *out, const char *first, size_t indent, const char *text);

/* The item of list `key` of the document whose "id" is `id`, or NULL. */
const cJSON *cli_item(const cJSON *doc, const char *key, const char *id);

/* A recommendation or possible option by id, or NULL. */
const cJSON *cli_option(const cJSON *doc, const char *id);

/* A symbol as words: hyphens between lowercase letters become spaces. */
void cli_words(cli_buf *b, const char *symbol);

/* A short name for an option or an exclusion: its procedure (with the
 * concurrent drugs of a chemoradiation), its drugs ("cisplatin +
 * paclitaxel", "one of letrozole, anastrozole"), or its modality; a
 * radiation option aimed outside the pelvis adds its target ("external beam
 * radiation to the brain"). Two options never share a name only because
 * one of them is given with drugs. */
void cli_short_name(cli_buf *b, const cJSON *item);

/* "[CR-7, SA-1]": the labels of an item's evidence, each once. */
void cli_refs(cli_buf *b, const cJSON *item);

/* Appends to `labels` ("CR-7, SA-1") the labels of an item's evidence it
 * does not hold yet: the labels of several items, each once. */
void cli_labels_add(cli_buf *labels, const cJSON *item);

/* The title of a source document (status card "documents"), or the file
 * name when the rule base gives none. */
const char *cli_document_title(const cJSON *doc, const char *source);

/* Warnings shown above the cards (critical, serious): they can change
 * what is safe today. */
int cli_is_urgent(const cJSON *warning);

/* A history status in words: "progressed on", "not tolerated", ... */
const char *cli_history_words(const char *status);

/* Whether an option's summary already names every one of its choices. */
int cli_summary_names_choices(const cJSON *option);

/* The entry of missing_information for `field`, or NULL. */
const cJSON *cli_missing_entry(const cJSON *doc, const char *field);

/* Whether `name` is one of the ", "-separated names of `list`. */
int cli_has_name(const char *list, const char *name);

/* What the `if` entry `entry` of a possible option says of a field the
 * case records without deciding the condition ("HER2 unknown, recorded as
 * unknown"), or NULL: the field is not recorded. */
const char *cli_if_undecided(const cJSON *entry, const char *field);

/* Whether a history mark between `first` and `mark` has the same status
 * and drug (the drug was in two prior treatments): a view names it once. */
int cli_history_named_before(const cJSON *first, const cJSON *mark);

/* Writes the text view of a result or error document (summary.c): the
 * cards on one screen; with `detail`, every explanation after them.
 * Returns 0, or -1 when the text is not a JSON document. */
int cli_text_view(cli_buf *out, const char *result_json, int detail);

/* detail.c: every explanation of the result, card by card: because-lines
 * with pointers, history, what a possible option waits for, quotes with
 * their documents, rules. */
void cli_detail(cli_buf *out, const cJSON *doc);

/* source.c: a result read from a FHIR bundle. annotate writes the
 * resources and bundle pointers beside each case pointer of the parsed
 * result's "because" lines; print writes the SOURCE RECORD section (its
 * conflicts, and with `all` what was not understood). Both do nothing for
 * a result without "source". */
void cli_source_annotate(cJSON *doc);
void cli_source_print(cli_buf *out, const cJSON *doc, int all);

#endif
