/* error.c: filling the caller-owned onco_error record. */
#include "onco_error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void onco_error_clear(onco_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof(*err));
}

int onco_error_set(onco_error *err, int code, const char *fmt, ...)
{
	va_list args;

	if (err == NULL)
		return code;
	onco_error_clear(err);
	err->code = code;
	va_start(args, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, args);
	va_end(args);
	return code;
}
