package io.jswarm.api.service;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A virtual IP in front of the tasks, or DNS round robin over their addresses. */
public enum EndpointMode {
    VIP, DNSRR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
