package io.posture.collect.internal;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.security.CredentialVault;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Builds a read-only Fabric8 client for a connection, decrypting its credential only for that moment. */
@Component
public class KubernetesClients {

    private final CredentialVault vault;
    private final Duration requestTimeout;

    KubernetesClients(CredentialVault vault, @Value("${posture.collect.request-timeout:30s}") Duration requestTimeout) {
        this.vault = vault;
        this.requestTimeout = requestTimeout;
    }

    public KubernetesClient open(ClusterConnectionEntity connection) {
        var credential = connection.getKind() == ConnectionKind.IN_CLUSTER ? null : vault.decrypt(connection.getCredential());
        return open(connection.getKind(), connection.getServerUrl(), connection.getContextName(), credential);
    }

    /**
     * A client from a credential in the clear ({@link #tokenCredential} for a token), as "Test
     * connection" uses it before anything is saved: it needs no encryption key.
     */
    public KubernetesClient open(ConnectionKind kind, String serverUrl, String contextName, String credential) {
        var base = switch (kind) {
            case TOKEN -> {
                var parts = credential.split(CA_SEPARATOR, 2);
                var builder = new ConfigBuilder(Config.empty()).withMasterUrl(serverUrl).withOauthToken(parts[0]);
                if (parts.length == 2) {
                    builder.withCaCertData(Base64.getEncoder().encodeToString(parts[1].getBytes(StandardCharsets.UTF_8)));
                }
                yield builder.build();
            }
            // Parsed from memory: the decrypted kubeconfig never touches the disk.
            case KUBECONFIG -> Config.fromKubeconfig(contextName, credential, null);
            case IN_CLUSTER -> Config.autoConfigure(null);
        };
        var config = new ConfigBuilder(base)
                .withRequestTimeout((int) requestTimeout.toMillis())
                .withConnectionTimeout((int) requestTimeout.toMillis())
                // Posture retries with its own backoff so that each attempt is counted and reported.
                .withRequestRetryBackoffLimit(0)
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** The CA certificate of a TOKEN connection is kept with the token: "token\n---CA---\nPEM". */
    public static String tokenCredential(String token, String caCertificate) {
        return caCertificate == null || caCertificate.isBlank() ? token.trim() : token.trim() + CA_SEPARATOR + caCertificate.trim();
    }

    private static final String CA_SEPARATOR = "\n---CA---\n";
}
