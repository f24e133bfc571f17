package io.posture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PostureApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("inventory", "collect", "benchmark", "scoring", "ui", "cli");
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
