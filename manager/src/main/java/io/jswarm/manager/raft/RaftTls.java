package io.jswarm.manager.raft;

import java.security.cert.X509Certificate;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;

/**
 * Mutual TLS for the Raft transport: this manager's key and certificate, and the cluster root CA
 * as the only trust anchor, so a peer without a certificate from this cluster cannot connect.
 */
public record RaftTls(javax.net.ssl.KeyManager keys, X509Certificate clusterCa) {

    void applyTo(Parameters parameters) {
        // Key manager, not key + certificate: a renewed certificate is used for new connections.
        javax.net.ssl.TrustManager trust = io.jswarm.manager.ca.NodeCredentials.trustOnly(clusterCa).getTrustManagers()[0];
        GrpcTlsConfig tls = new GrpcTlsConfig(keys, trust, true);
        GrpcConfigKeys.TLS.setConf(parameters, tls);
        GrpcConfigKeys.Server.setTlsConf(parameters, tls);
        GrpcConfigKeys.Client.setTlsConf(parameters, tls);
        GrpcConfigKeys.Admin.setTlsConf(parameters, tls);
    }
}
