package io.posture.remediation;

import io.posture.benchmark.Severity;
import io.posture.collect.ManifestImporter;
import io.posture.support.MutableClock;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;
import java.time.Duration;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.namespace;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@SpringBootTest
@Import(MutableClockConfiguration.class)
class RemediationMetricsTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    RemediationMetrics metrics;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void breachesFollowTheSlaAndMeanTimeToRemediateComesFromTheHistory(@TempDir Path folder) {
        write(folder, "ns.yaml", namespace("payments", "payments"));
        var file = write(folder, "api.yaml", deployment("payments", "api", "a:1", "{privileged: true}"));
        importer.importPath("metrics-1", "prod", folder);
        long breachesBefore = metrics.slaBreaches();

        clock.advance(Duration.ofDays(8));
        assertThat(metrics.slaBreaches()).isGreaterThan(breachesBefore);

        clock.advance(Duration.ofDays(2));
        write(folder, "api.yaml", deployment("payments", "api", "a:1", "{}"));
        importer.importPath("metrics-1", "prod", file);

        assertThat(metrics.meanTimeToRemediate()).filteredOn(row -> row.severity() == Severity.CRITICAL && row.team().equals("payments"))
                .singleElement().satisfies(row -> {
                    assertThat(row.resolved()).isEqualTo(1);
                    assertThat(row.meanDays()).isCloseTo(10.0, within(0.01));
                });
    }
}
