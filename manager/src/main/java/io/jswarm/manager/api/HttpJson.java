package io.jswarm.manager.api;

import io.jswarm.api.json.Json;
import io.jswarm.api.json.JsonInputException;
import io.jswarm.api.validate.ValidationException;
import io.jswarm.manager.ca.InvalidTokenException;
import io.jswarm.manager.store.ConflictException;
import io.jswarm.manager.store.StoreJson;
import io.jswarm.manager.store.UnavailableException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading request bodies and writing answers, with every failure mapped to a status and an
 * {@link ErrorBody}: bad input 400 naming the field, conflicts 409, no quorum 503, anything
 * unexpected 500 with the details in the log rather than in the answer.
 */
public final class HttpJson {
    private static final Logger LOG = LoggerFactory.getLogger(HttpJson.class);

    private HttpJson() {}

    public static <T> T body(RoutingContext ctx, Class<T> type) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiException.badInput("", "request body must be a JSON object");
        }
        try {
            return Json.read(text, type);
        } catch (JsonInputException e) {
            throw ApiException.badInput(e.problem().path(), e.problem().message());
        }
    }

    public static void ok(RoutingContext ctx, int status, Object value) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                .end(write(value));
    }

    private static String write(Object value) {
        try {
            return StoreJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code handler} and answers with its result (200), or with the error it failed with. */
    public static void handle(RoutingContext ctx, Function<RoutingContext, Future<?>> handler) {
        Future<?> f;
        try {
            f = handler.apply(ctx);
        } catch (RuntimeException e) {
            fail(ctx, e);
            return;
        }
        f.onComplete(ar -> {
            if (ar.succeeded()) {
                ok(ctx, 200, ar.result() == null ? java.util.Map.of() : ar.result());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    public static void fail(RoutingContext ctx, Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        int status;
        String field = null;
        String message = e.getMessage();
        if (e instanceof ApiException a) {
            status = a.status();
            field = a.field();
        } else if (e instanceof JsonInputException j) {
            status = 400;
            field = j.problem().path();
            message = j.problem().message();
        } else if (e instanceof ValidationException v) {
            status = 400;
            if (!v.problems().isEmpty()) {
                field = v.problems().get(0).path();
                message = v.problems().get(0).message();
            }
        } else if (e instanceof InvalidTokenException) {
            status = 401;
            field = "token";
        } else if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof UnavailableException) {
            status = 503;
        } else {
            status = 500;
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), e);
            message = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (!ctx.response().ended()) {
            ok(ctx, status, new ErrorBody(message, field == null || field.isEmpty() ? null : field));
        }
    }
}
