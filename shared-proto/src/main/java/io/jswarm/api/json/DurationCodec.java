package io.jswarm.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.jswarm.api.units.Durations;
import io.jswarm.api.units.UnitFormatException;
import java.io.IOException;
import java.time.Duration;

/**
 * Durations in JSON are Go-style text ("10s", "1m30s"), as Docker users write them. An integer
 * is read as nanoseconds, as Docker's API sends them.
 */
final class DurationCodec {
    private DurationCodec() {}

    static final class Serializer extends StdSerializer<Duration> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Durations.format(value));
        }
    }

    static final class Deserializer extends StdDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Duration.ofNanos(p.getLongValue());
            }
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return Durations.parse(p.getText());
            } catch (UnitFormatException e) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, e.getMessage(), p.getText(), Duration.class);
            }
        }
    }
}
