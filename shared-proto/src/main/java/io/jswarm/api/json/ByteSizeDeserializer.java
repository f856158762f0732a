package io.jswarm.api.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.jswarm.api.units.ByteSizes;
import io.jswarm.api.units.UnitFormatException;
import java.io.IOException;

/** A byte count given as a number or as Docker-style text ("512M"); always written as a number. */
public final class ByteSizeDeserializer extends StdDeserializer<Long> {
    private static final long serialVersionUID = 1L;

    public ByteSizeDeserializer() {
        super(Long.class);
    }

    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Long) ctxt.handleUnexpectedToken(Long.class, p);
        }
        try {
            return ByteSizes.parse(p.getText());
        } catch (UnitFormatException e) {
            throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Long.class);
        }
    }
}
