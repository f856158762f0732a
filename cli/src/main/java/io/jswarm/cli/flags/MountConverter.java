package io.jswarm.cli.flags;

import io.jswarm.api.task.Mount;
import io.jswarm.api.task.MountType;
import io.jswarm.api.units.ByteSizes;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --mount type=bind|volume|tmpfs,source=…,target=…[,readonly][,tmpfs-size=64M]}, docker's
 * syntax ({@code src}/{@code dst}/{@code destination}/{@code ro} accepted as aliases).
 */
public final class MountConverter implements ITypeConverter<Mount> {
    @Override
    public Mount convert(String value) {
        MountType type = MountType.VOLUME;
        String source = null;
        String target = null;
        boolean readOnly = false;
        Long tmpfsSize = null;
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            String k = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String v = eq < 0 ? null : part.substring(eq + 1).strip();
            switch (k) {
                case "type" -> type = switch (String.valueOf(v).toLowerCase(Locale.ROOT)) {
                    case "bind" -> MountType.BIND;
                    case "volume" -> MountType.VOLUME;
                    case "tmpfs" -> MountType.TMPFS;
                    default -> throw new TypeConversionException("type must be bind, volume or tmpfs, got \"" + v + "\"");
                };
                case "source", "src" -> source = v;
                case "target", "dst", "destination" -> target = v;
                case "readonly", "ro" -> readOnly = v == null || v.equals("1") || v.equalsIgnoreCase("true");
                case "tmpfs-size" -> {
                    try {
                        tmpfsSize = ByteSizes.parse(v);
                    } catch (RuntimeException e) {
                        throw new TypeConversionException("tmpfs-size: " + e.getMessage());
                    }
                }
                default -> throw new TypeConversionException("unknown key \"" + k + "\" (type, source, target, readonly, tmpfs-size)");
            }
        }
        if (target == null || target.isEmpty()) {
            throw new TypeConversionException("target=PATH is required");
        }
        return new Mount(type, source, target, readOnly, tmpfsSize);
    }
}
