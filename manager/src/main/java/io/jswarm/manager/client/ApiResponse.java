package io.jswarm.manager.client;

import io.jswarm.api.json.Json;
import io.jswarm.manager.store.StoreJson;

/** An HTTP answer from a jswarm API: the status and the JSON body as text. */
public record ApiResponse(int status, String body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public <T> T as(Class<T> type) {
        try {
            return StoreJson.mapper().readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unexpected answer (" + status + "): " + body, e);
        }
    }

    /** The {@code error} of an error body, or the raw body. */
    public String error() {
        try {
            var node = Json.mapper().readTree(body);
            if (node.has("error")) {
                String field = node.has("field") ? node.get("field").asText() : null;
                return field == null || field.isEmpty() || node.get("error").asText().startsWith(field + ":")
                        ? node.get("error").asText() : field + ": " + node.get("error").asText();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        return "HTTP " + status + ": " + body;
    }
}
