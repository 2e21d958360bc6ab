/*
 * casefiles.h: the case files named on a command line. Each argument is a
 * file or a folder; a folder is searched recursively for *.json files
 * (hidden names skipped). Files of one folder come in sorted path order,
 * folders in argument order.
 */
#ifndef ONCO_CLI_CASEFILES_H
#define ONCO_CLI_CASEFILES_H

#include <stddef.h>

typedef struct cli_case_file {
	char *path;     /* as it is opened: "tests/cases/cervix/x.json" */
	char *relative; /* below the argument it was found under: "cervix/x.json";
			   the file name for an argument that is a file */
	char *folder;   /* the folder part of `path` ("." when none) */
	char *name;     /* the file name: "x.json" */
	char *group;    /* the folder part of `relative` ("cervix"); for a file
			   at the top, the name of the folder it is in ("cases",
			   "." for the current folder): the JUnit classname,
			   the same on every checkout */
} cli_case_file;

typedef struct cli_case_files {
	cli_case_file *items;
	size_t count;
} cli_case_files;

/*
 * Collects the case files of `paths`. Returns 0, or -1 after printing, for
 * each argument that cannot be read, "oncorules: PATH: reason" on stderr
 * (the files that could be found are still collected).
 */
int cli_case_files_collect(cli_case_files *out, char **paths, int count);

void cli_case_files_free(cli_case_files *files);

/* The case text of a file: the "input" of a regression case file
 * ({description, input, expect}), else the whole file (a plain case).
 * The caller frees it; NULL (errno set) when the file cannot be read. */
char *cli_case_input(const char *path);

#endif
