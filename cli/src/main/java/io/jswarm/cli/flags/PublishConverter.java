package io.jswarm.cli.flags;

import io.jswarm.api.service.PortConfig;
import io.jswarm.api.service.Protocol;
import io.jswarm.api.service.PublishMode;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --publish}: docker's short form {@code [PUBLISHED:]TARGET[/PROTOCOL]} (ingress mode) or
 * the long form {@code published=8080,target=80[,protocol=udp][,mode=host]}. Only host mode is
 * accepted until the routing mesh exists; an ingress request is refused with that reason.
 */
public final class PublishConverter implements ITypeConverter<PortConfig> {
    public static final String INGRESS_REFUSED = "mode ingress (the default) needs the routing mesh, which is not "
            + "available in this build yet; publish in host mode: published=8080,target=80,mode=host";

    @Override
    public PortConfig convert(String value) {
        PortConfig p = value.contains("=") ? longForm(value) : shortForm(value);
        if (p.publishMode() == PublishMode.INGRESS) {
            throw new TypeConversionException(INGRESS_REFUSED);
        }
        return p;
    }

    private static PortConfig shortForm(String value) {
        String rest = value;
        Protocol protocol = Protocol.TCP;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            protocol = protocol(rest.substring(slash + 1));
            rest = rest.substring(0, slash);
        }
        int colon = rest.lastIndexOf(':');
        Integer published = colon < 0 ? null : port(rest.substring(0, colon), "published port");
        int target = port(rest.substring(colon + 1), "target port");
        return new PortConfig(null, protocol, target, published, PublishMode.INGRESS);
    }

    private static PortConfig longForm(String value) {
        Integer published = null;
        Integer target = null;
        Protocol protocol = Protocol.TCP;
        PublishMode mode = PublishMode.INGRESS;
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new TypeConversionException("expected key=value, got \"" + part + "\"");
            }
            String k = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).strip();
            switch (k) {
                case "published" -> published = port(v, "published");
                case "target" -> target = port(v, "target");
                case "protocol" -> protocol = protocol(v);
                case "mode" -> mode = switch (v.toLowerCase(Locale.ROOT)) {
                    case "host" -> PublishMode.HOST;
                    case "ingress" -> PublishMode.INGRESS;
                    default -> throw new TypeConversionException("mode must be host or ingress, got \"" + v + "\"");
                };
                default -> throw new TypeConversionException("unknown key \"" + k + "\" (published, target, protocol, mode)");
            }
        }
        if (target == null) {
            throw new TypeConversionException("target=PORT is required");
        }
        return new PortConfig(null, protocol, target, published, mode);
    }

    private static Protocol protocol(String text) {
        try {
            return Protocol.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("protocol must be tcp, udp or sctp, got \"" + text + "\"");
        }
    }

    private static int port(String text, String what) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new TypeConversionException(what + " must be a port number 1-65535, got \"" + text + "\"");
        }
    }
}
