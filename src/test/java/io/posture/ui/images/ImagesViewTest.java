package io.posture.ui.images;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.inventory.ImageViews.ArtifactSummary;
import io.posture.inventory.ImageViews.CveOccurrence;
import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo estate's scans on the images pages: the worst running image first, and a CVE search. */
class ImagesViewTest extends DemoEstateViewTest {

    @Test
    @SuppressWarnings("unchecked")
    void viewersSeeRunningImagesWorstFirstAndFindWhereACveRuns() {
        navigate("images", ImagesView.class);

        Grid<ImageSummary> images = $(Grid.class).withClassName("images").single();
        var first = test(images).getRow(0);
        assertThat(first.workloads()).isPositive();
        assertThat(first.critical()).isGreaterThanOrEqualTo(test(images).getRow(1).critical());
        assertThat($(Button.class).withText("Import scan").exists()).as("viewers import nothing").isFalse();

        test($(TextField.class).withCaption("Where does a CVE run?").single()).setValue("cve-2024-45490");
        test($(Button.class).withText("Find").single()).click();

        assertThat($(H1.class).single().getText()).isEqualTo("CVE-2024-45490");
        Grid<CveOccurrence> occurrences = $(Grid.class).single();
        assertThat(test(occurrences).size()).isGreaterThan(5);
        assertThat(java.util.stream.IntStream.range(0, test(occurrences).size()).mapToObj(i -> test(occurrences).getRow(i)))
                .anySatisfy(occurrence -> assertThat(occurrence.workloads()).isZero())
                .allSatisfy(occurrence -> assertThat(occurrence.vulnerabilityId()).isEqualTo("CVE-2024-45490"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDemoRepositoryScanIsListedApartFromImagesWithItsSecretCounted() {
        navigate("images", ImagesView.class);

        Grid<ArtifactSummary> artifacts = $(Grid.class).withClassName("scanned-artifacts").single();
        assertThat(test(artifacts).size()).isEqualTo(1);
        var repository = test(artifacts).getRow(0);
        assertThat(repository.kind()).isEqualTo("repository");
        assertThat(repository.name()).isEqualTo("https://git.example.com/payments/dispute-service");
        assertThat(repository.secrets()).isEqualTo(1);
        assertThat(repository.high()).isEqualTo(2);
        Grid<ImageSummary> images = $(Grid.class).withClassName("images").single();
        for (int i = 0; i < test(images).size(); i++) {
            assertThat(test(images).getRow(i).repository()).as("not an image").doesNotContain("git.example.com");
        }
    }
}
