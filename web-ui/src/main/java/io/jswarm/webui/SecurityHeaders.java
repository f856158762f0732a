package io.jswarm.webui;

import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer. The content security policy allows only this origin's own scripts,
 * styles and connections and no inline script, so even a string that slipped past escaping
 * could not run; the pages render every user string with textContent in the first place.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void add(RoutingContext ctx) {
        ctx.response().putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY");
        ctx.next();
    }
}
