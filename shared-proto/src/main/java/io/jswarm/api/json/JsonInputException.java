package io.jswarm.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jswarm.api.validate.Problem;

/**
 * Input JSON that could not be read, reduced to one {@link Problem} that names the field path
 * and says what was wrong, in words rather than Jackson's class names.
 */
public final class JsonInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public JsonInputException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static JsonInputException from(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            return new JsonInputException(new Problem("", "malformed JSON" + where + ": " + e.getOriginalMessage()));
        }
        String path = path(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field \"" + u.getPropertyName() + "\"";
        } else if (e instanceof InvalidTypeIdException t) {
            message = "unknown type \"" + t.getTypeId() + "\"";
        } else if (e instanceof InvalidFormatException f) {
            // Jackson's own wording names Java types; ours (units) is already meant for users.
            message = f.getOriginalMessage().startsWith("Cannot")
                    ? "expected " + simpleType(f.getTargetType()) + ", got " + quoted(f.getValue())
                    : f.getOriginalMessage();
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? m.getOriginalMessage() : "expected " + simpleType(m.getTargetType());
        } else {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            message = cause.getMessage() == null ? e.getOriginalMessage() : cause.getMessage();
        }
        return new JsonInputException(new Problem(path, message));
    }

    private static String quoted(Object v) {
        return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder("one of");
            for (Object c : type.getEnumConstants()) {
                names.append(' ').append(c.toString().toLowerCase(java.util.Locale.ROOT));
            }
            return names.toString();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    /** Jackson's reference chain as a field path: {@code endpoint.ports[0].publishedPort}. */
    static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.toString();
    }
}
