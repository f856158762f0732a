package io.jswarm.manager.raft;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;

/**
 * Mutual TLS for the Raft transport: this manager's key and certificate, and the cluster root CA
 * as the only trust anchor, so a peer without a certificate from this cluster cannot connect.
 */
public record RaftTls(PrivateKey key, X509Certificate certificate, X509Certificate clusterCa) {

    void applyTo(Parameters parameters) {
        GrpcTlsConfig tls = new GrpcTlsConfig(key, certificate, List.of(clusterCa), true);
        GrpcConfigKeys.TLS.setConf(parameters, tls);
        GrpcConfigKeys.Server.setTlsConf(parameters, tls);
        GrpcConfigKeys.Client.setTlsConf(parameters, tls);
        GrpcConfigKeys.Admin.setTlsConf(parameters, tls);
    }
}
