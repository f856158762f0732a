package io.jswarm.webui;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes an authorised /v1 request on to the manager API and streams the answer back unchanged,
 * so the dashboard sees exactly what the CLI sees. Only the body and its content type go
 * upstream: the browser's cookies and headers stay here.
 */
final class ApiForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(ApiForwarder.class);
    private static final long REQUEST_IDLE_MS = 30_000;

    private final Upstream upstream;

    ApiForwarder(Upstream upstream) {
        this.upstream = upstream;
    }

    void forward(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!ForwardedRoutes.allowed(ctx.request().method(), path)) {
            Answers.error(ctx, 404, null, "the dashboard does not offer " + ctx.request().method() + " " + path);
            return;
        }
        boolean streams = ForwardedRoutes.streams(path);
        upstream.open(ctx.request().method(), ctx.request().uri()).onComplete(opened -> {
            if (opened.failed()) {
                unreachable(ctx, opened.cause());
                return;
            }
            HttpClientRequest req = opened.result();
            if (!streams) {
                req.idleTimeout(REQUEST_IDLE_MS);
            }
            String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null) {
                req.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
            }
            // A browser that goes away (tab closed, reconnect) must not leave the stream open upstream.
            ctx.response().closeHandler(v -> req.reset());
            Buffer body = ctx.body() == null ? null : ctx.body().buffer();
            (body == null || body.length() == 0 ? req.send() : req.send(body)).onComplete(answered -> {
                if (answered.failed()) {
                    unreachable(ctx, answered.cause());
                } else {
                    relay(answered.result(), ctx.response());
                }
            });
        });
    }

    private static void relay(HttpClientResponse in, HttpServerResponse out) {
        if (out.closed()) {
            in.request().reset();
            return;
        }
        out.setStatusCode(in.statusCode());
        String contentType = in.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null) {
            out.putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        }
        out.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.putHeader(HttpHeaders.CONTENT_LENGTH, length);
        } else if (in.statusCode() != 204 && in.statusCode() != 304) {
            out.setChunked(true);
        }
        in.pipeTo(out);
    }

    private static void unreachable(RoutingContext ctx, Throwable cause) {
        LOG.debug("manager API unreachable for {}: {}", ctx.request().path(), cause.toString());
        if (!ctx.response().ended() && !ctx.response().headWritten()) {
            Answers.error(ctx, 502, null, "cannot reach the manager API: " + cause.getMessage());
        }
    }
}
