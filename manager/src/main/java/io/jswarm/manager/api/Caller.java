package io.jswarm.manager.api;

import io.jswarm.api.node.NodeRole;
import io.jswarm.manager.ca.NodeIdentity;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Who sent a request. On the local Unix socket the caller is the host's administrator (the
 * socket is root-only); on the cluster port it is whoever the verified client certificate names,
 * or an anonymous joiner. Authorization decisions read only this.
 */
public record Caller(boolean local, NodeIdentity node) {
    public static final String KEY = "jswarm.caller";

    public static Caller localAdmin() {
        return new Caller(true, null);
    }

    public static Caller of(RoutingContext ctx) {
        Caller c = ctx.get(KEY);
        if (c == null) {
            throw new IllegalStateException("caller not resolved for " + ctx.request().path());
        }
        return c;
    }

    /** Resolves the caller of a TLS request from its (already verified) client certificate. */
    public static Caller fromTls(RoutingContext ctx, String clusterId) {
        List<Certificate> certs;
        try {
            certs = ctx.request().connection().peerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            return new Caller(false, null);
        }
        if (certs == null || certs.isEmpty() || !(certs.get(0) instanceof X509Certificate cert)) {
            return new Caller(false, null);
        }
        NodeIdentity id = NodeIdentity.of(cert);
        if (!id.clusterId().equals(clusterId)) {
            return new Caller(false, null);
        }
        return new Caller(false, id);
    }

    /** Admits the local administrator and nodes with {@code role} (managers may do what workers may). */
    public void require(NodeRole role) {
        if (local) {
            return;
        }
        if (node == null) {
            throw new ApiException(401, null, "a client certificate from this cluster is required");
        }
        if (role == NodeRole.MANAGER && node.role() != NodeRole.MANAGER) {
            throw ApiException.forbidden("node " + node.nodeId() + " is a " + node.role().name().toLowerCase()
                    + "; this endpoint is for managers only");
        }
    }
}
