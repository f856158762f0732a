package io.jswarm.webui;

import io.jswarm.api.json.Json;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON answers of the dashboard's own routes, with the manager API's error shape {error, field}. */
final class Answers {
    private Answers() {}

    static void json(RoutingContext ctx, int status, Object value) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(Json.write(value));
    }

    static void error(RoutingContext ctx, int status, String field, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        json(ctx, status, body);
    }
}
