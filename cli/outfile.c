/* outfile.c: a whole output file, written complete or not at all (see
 * outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "printable.h"

/* "cannot write NAME: what", the name escaped (printable.h). */
static cli_outfile_error fail(cli_outfile_error kind, char *why, size_t why_size,
			      const char *path, const char *what)
{
	char *shown = cli_printable(path);

	snprintf(why, why_size, "cannot write %s: %s", shown, what);
	free(shown);
	return kind;
}

/* What stands at `path`: nothing, or a regular file (whose permissions a
 * replacement keeps). */
static cli_outfile_error check_target(const char *path, mode_t *mode, char *why,
				      size_t why_size)
{
	struct stat st;

	*mode = 0644;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? CLI_OUTFILE_OK
				       : fail(CLI_OUTFILE_PLACE, why, why_size, path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fail(CLI_OUTFILE_PLACE, why, why_size, path,
			    S_ISLNK(st.st_mode)	  ? "it is a symbolic link, not replaced"
			    : S_ISDIR(st.st_mode) ? "it is a folder"
						  : "it is not a regular file, not replaced");
	*mode = st.st_mode & 0777;
	return CLI_OUTFILE_OK;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

cli_outfile_error cli_outfile_write(const char *path, const char *data, size_t n,
				    cli_outfile_sync sync, char *why, size_t why_size)
{
	char *dir_copy = cli_xstrdup(path), *base_copy = cli_xstrdup(path), *tmp;
	cli_outfile_error rc;
	size_t tmp_size;
	mode_t mode;
	int fd, error;

	rc = check_target(path, &mode, why, why_size);
	if (rc != CLI_OUTFILE_OK)
		goto done;
	tmp_size = strlen(path) * 2 + 16;
	tmp = cli_xrealloc(NULL, tmp_size);
	snprintf(tmp, tmp_size, "%s/.%s.XXXXXX", dirname(dir_copy), basename(base_copy));
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = fail(CLI_OUTFILE_PLACE, why, why_size, path, strerror(errno));
		free(tmp);
		goto done;
	}
	error = 0;
	errno = 0;
	if (fchmod(fd, mode) != 0 || write_all(fd, data, n) != 0 ||
	    (sync == CLI_OUTFILE_SYNC && fsync(fd) != 0))
		error = errno ? errno : EIO;
	if (close(fd) != 0 && error == 0)
		error = errno;
	/* Checked again just before: what stands at the name now is replaced. */
	if (error == 0 && check_target(path, &mode, why, why_size) != CLI_OUTFILE_OK) {
		unlink(tmp);
		free(tmp);
		rc = CLI_OUTFILE_PLACE;
		goto done;
	}
	if (error == 0 && rename(tmp, path) != 0)
		error = errno;
	if (error != 0) {
		unlink(tmp);
		rc = fail(CLI_OUTFILE_WRITE, why, why_size, path, strerror(error));
	}
	free(tmp);
done:
	free(dir_copy);
	free(base_copy);
	return rc;
}
