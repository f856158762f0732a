package io.jswarm.manager.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jswarm.api.json.Json;

/**
 * The project mapper, minus "is" getters: model helpers such as {@code Node.isManager()} would
 * otherwise be written as properties that the strict reader then refuses. Rows are records, so
 * their components are all that is stored.
 */
public final class StoreJson {
    private StoreJson() {}

    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE);

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
