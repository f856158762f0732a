package io.jswarm.manager.ca;

import io.jswarm.api.node.NodeRole;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Who a certificate says its holder is. The role is part of the signed identity (the OU), so a
 * worker cannot act as a manager without a certificate the cluster CA issued for that role.
 * Subject: {@code CN=<node id>, OU=jswarm-manager|jswarm-worker, O=<cluster id>}.
 */
public record NodeIdentity(String nodeId, NodeRole role, String clusterId) {
    public static final String OU_PREFIX = "jswarm-";

    public String subject() {
        return "CN=" + Rdn.escapeValue(nodeId) + ",OU=" + OU_PREFIX + role.name().toLowerCase(Locale.ROOT)
                + ",O=" + Rdn.escapeValue(clusterId);
    }

    /** Reads the identity of a certificate; fails if it is not a jswarm node certificate. */
    public static NodeIdentity of(X509Certificate cert) {
        String cn = null;
        String ou = null;
        String o = null;
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                String v = String.valueOf(rdn.getValue());
                switch (rdn.getType().toUpperCase(Locale.ROOT)) {
                    case "CN" -> cn = v;
                    case "OU" -> ou = v;
                    case "O" -> o = v;
                    default -> { }
                }
            }
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("certificate subject unreadable: " + e.getMessage(), e);
        }
        if (cn == null || ou == null || o == null || !ou.startsWith(OU_PREFIX)) {
            throw new IllegalArgumentException("not a jswarm node certificate: " + cert.getSubjectX500Principal());
        }
        NodeRole role;
        try {
            role = NodeRole.valueOf(ou.substring(OU_PREFIX.length()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown node role in certificate: " + ou, e);
        }
        return new NodeIdentity(cn, role, o);
    }
}
