/*
 * main.c: oncorules-serve, the CDS Hooks service (docs/service.md).
 *
 * The service is a program of its own so that only it loads
 * libmicrohttpd and OpenSSL (with GnuTLS and their dependencies): loading
 * and relocating them took a fifth of the instructions of every other
 * command's start (docs/performance.md). Users run `oncorules serve
 * [options]`, which runs this program, installed next to `oncorules`,
 * with the same options (cli/serve_exec.c).
 */
#include "serve.h"

int main(int argc, char **argv)
{
	int status = cli_process_start("oncorules serve");

	return status != CLI_EXIT_OK ? status : cli_finish(serve_main(argc, argv));
}
