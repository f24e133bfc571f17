package io.posture.collect.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of the distribution API a registry in a test cannot vary: paging links and token challenges. */
class OciRegistryClientTest {

    @Test
    void followsTheNextLinkOfAPagedList() {
        assertThat(OciRegistryClient.nextLink("</v2/_catalog?last=shop%2Fapi&n=100>; rel=\"next\"")).isEqualTo("v2/_catalog?last=shop%2Fapi&n=100");
        assertThat(OciRegistryClient.nextLink("<https://registry.example.com/v2/_catalog?last=b&n=2>; rel=next"))
                .isEqualTo("https://registry.example.com/v2/_catalog?last=b&n=2");
        assertThat(OciRegistryClient.nextLink("</v2/_catalog?n=100>; rel=\"prev\"")).isNull();
    }

    @Test
    void readsABearerChallengeAsDockerHubAndHarborSendIt() {
        var challenge = "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"";

        assertThat(OciRegistryClient.challengeParameters(challenge))
                .containsEntry("realm", "https://auth.docker.io/token")
                .containsEntry("service", "registry.docker.io")
                .containsEntry("scope", "repository:library/nginx:pull");
    }

    @Test
    void namesTheRegistryAsImageReferencesDo() {
        assertThat(RegistryCollector.registryHost("https://registry-1.docker.io")).isEqualTo("docker.io");
        assertThat(RegistryCollector.registryHost("http://127.0.0.1:5000/")).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryCollector.registryHost("https://ghcr.io")).isEqualTo("ghcr.io");
    }
}
