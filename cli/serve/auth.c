/*
 * auth.c: the bearer-token check of every call (CDS Hooks 2.0, "Trusting
 * CDS Clients": "this is for every single CDS Service call, whether that
 * be a Discovery call, a single CDS Service invocation, or multiple
 * exchanges"). The answer to a refused token says only that a valid token
 * is needed; why it was refused goes to the access log.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jwt.h"
#include "replay.h"
#include "serve.h"

void serve_auth_check(serve_server *srv, serve_request *req)
{
	serve_token_policy policy;
	serve_token_claims claims;
	serve_token_status st;
	char audience[1024];

	req->auth_checked = 1;
	if (srv->cfg.insecure_no_auth) {
		req->auth_ok = 1;
		return;
	}
	/* aud is "the URL of the CDS Service endpoint being invoked". */
	snprintf(audience, sizeof(audience), "%s%s", srv->base_url, req->log_path);
	policy.now = (long long)time(NULL);
	policy.clock_skew = srv->cfg.clock_skew;
	policy.max_lifetime = srv->cfg.max_token_lifetime;
	policy.audience = audience;
	st = serve_token_verify(srv->keys, req->authorization, &policy, &claims);
	if (st == SERVE_TOKEN_OK)
		st = serve_replay_check(srv->replay, claims.issuer, claims.jti,
					claims.exp + srv->cfg.clock_skew, policy.now);
	req->log.reason = st == SERVE_TOKEN_OK ? NULL : serve_token_status_name(st);
	if (st == SERVE_TOKEN_OK) {
		req->auth_ok = 1;
		snprintf(req->log.issuer, sizeof(req->log.issuer), "%s", claims.issuer);
		return;
	}
	req->auth_ok = 0;
	if (st == SERVE_TOKEN_CACHE_FULL || st == SERVE_TOKEN_NOMEM) {
		/* Replay protection cannot be kept: refuse, do not wave the
		 * token through. */
		serve_respond_error(req, 503, "transient",
				    "the service cannot check tokens now; try again");
		req->response.retry_after = 1;
		return;
	}
	serve_respond_error(req, 401, "login",
			    "a valid bearer token is required");
}
