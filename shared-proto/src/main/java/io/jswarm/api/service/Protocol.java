package io.jswarm.api.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Protocol {
    TCP, UDP, SCTP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
