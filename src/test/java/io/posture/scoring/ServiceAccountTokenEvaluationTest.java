package io.posture.scoring;

import io.posture.benchmark.ControlStatus;
import io.posture.collect.ManifestImporter;
import io.posture.collect.RunStatus;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.WorkloadKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.deploymentAs;
import static io.posture.support.Manifests.serviceAccount;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;

/** CIS 5.1.6 in the dashboard: a pod that leaves the token setting unset follows its ServiceAccount. */
@SpringBootTest
class ServiceAccountTokenEvaluationTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    ScoreQueries scores;

    @Test
    void aServiceAccountThatDisablesTheTokenPassesItsPodsThatLeaveItUnset(@TempDir Path folder) {
        write(folder, "sa.yaml", serviceAccount("shop", "api", false));
        write(folder, "api.yaml", deploymentAs("api", "shop", "api", "a:1", "{}"));
        write(folder, "web.yaml", deployment("shop", "web", "a:1", "{}"));
        assertThat(importer.importPath("token-cluster", "prod", folder).status()).isEqualTo(RunStatus.COMPLETE);

        assertThat(tokenControl("api")).isEqualTo(ControlStatus.PASS);
        assertThat(tokenControl("web")).isEqualTo(ControlStatus.FAIL);
    }

    private ControlStatus tokenControl(String workload) {
        var found = inventory.workload("token-cluster", "shop", WorkloadKind.Deployment, workload).orElseThrow();
        return scores.workloadResults(found.clusterId(), found.id(), "cis-kubernetes").stream()
                .filter(result -> result.controlId().equals("5.1.6")).findFirst().orElseThrow().status();
    }
}
