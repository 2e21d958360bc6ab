/* cds_json.c: reading an oncorules result (cds.h): fields that may be
 * absent, and the item a card names by id. */
#include <string.h>

#include <cjson/cJSON.h>

#include "cds.h"

const char *cds_str(const cJSON *o, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);

	return cJSON_IsString(v) ? v->valuestring : "";
}

const cJSON *cds_list(const cJSON *o, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(o, name);
}

const cJSON *cds_find(const cJSON *result, const char *name, const char *key,
		      const char *value)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cds_list(result, name))
		if (strcmp(cds_str(item, key), value) == 0)
			return item;
	return NULL;
}

const cJSON *cds_item(const cJSON *result, const char *name, const cJSON *id)
{
	return cJSON_IsString(id) ? cds_find(result, name, "id", id->valuestring) : NULL;
}
