package io.posture.benchmark.internal;

import io.posture.benchmark.Evidence;
import io.posture.shared.ImageFacts;
import io.posture.shared.ImageReference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.posture.benchmark.internal.PodView.text;

/**
 * Rules on the images containers run, from what registries and scan reports told Posture. What is
 * not known (an image never collected from its registry or never scanned) is undecided: the
 * control is UNKNOWN, lowering coverage, never a silent PASS.
 */
final class ImageRules {

    private ImageRules() {
    }

    static Map<String, Rule> rules() {
        return Map.of(
                "image.mutableTag", (pod, version) -> mutableTag(pod),
                "image.signed", (pod, version) -> eachImage(pod, "signed (a signature found in its registry)", (facts, at) ->
                        facts.signed() == null ? Verdict.unknown("no registry collection has looked for its signature")
                                : facts.signed() ? Verdict.PASS : Verdict.fail("no signature (referrers API or cosign .sig tag)")),
                "image.nonRootUser", (pod, version) -> eachImage(pod, "image config sets a non-root user", (facts, at) ->
                        facts.configUser() == null ? Verdict.unknown("image config not known (collect its registry or import a scan)")
                                : isRoot(facts.configUser()) ? Verdict.fail("config user " + (facts.configUser().isEmpty() ? "<unset> (root)" : facts.configUser()))
                                : Verdict.PASS),
                "image.fixableVulnerabilities", (pod, version) -> eachImage(pod, "no critical or high vulnerability with a fix", (facts, at) ->
                        facts.lastScanned() == null ? Verdict.unknown("never scanned")
                                : facts.fixableCriticalHigh().isEmpty() ? Verdict.PASS
                                : Verdict.fail(facts.fixableCriticalHigh().size() + " fixable critical/high: " + names(facts.fixableCriticalHigh()))),
                "image.knownExploited", (pod, version) -> eachImage(pod, "no vulnerability CISA lists as exploited", (facts, at) ->
                        facts.lastScanned() == null ? Verdict.unknown("never scanned")
                                : facts.knownExploited() == null ? Verdict.unknown("no CISA KEV catalogue imported")
                                : facts.knownExploited().isEmpty() ? Verdict.PASS
                                : Verdict.fail(facts.knownExploited().size() + " known exploited (CISA KEV): " + names(facts.knownExploited()))));
    }

    static Map<String, ParameterizedRule> parameterized() {
        return Map.of(
                "image.maxAgeDays", new ParameterizedRule(List.of("days"), parameters -> {
                    int days = ParameterizedRule.positiveInteger(parameters, "days");
                    return (pod, version) -> eachImage(pod, "built within " + days + " days", (facts, at) ->
                            facts.created() == null ? Verdict.unknown("creation date not known")
                                    : olderThan(facts.created(), at, days) ? Verdict.fail("built " + facts.created() + ", " + age(facts.created(), at) + " days ago")
                                    : Verdict.PASS);
                }),
                "image.scannedWithinDays", new ParameterizedRule(List.of("days"), parameters -> {
                    int days = ParameterizedRule.positiveInteger(parameters, "days");
                    return (pod, version) -> eachImage(pod, "scanned within " + days + " days", (facts, at) ->
                            facts.lastScanned() == null ? Verdict.fail("never scanned")
                                    : olderThan(facts.lastScanned(), at, days) ? Verdict.fail("last scanned " + facts.lastScanned() + ", " + age(facts.lastScanned(), at) + " days ago")
                                    : Verdict.PASS);
                }));
    }

    /** A reference without a digest can change under the same name; {@code :latest} or no tag most of all. */
    private static RuleResult mutableTag(PodView pod) {
        var violations = new ArrayList<Evidence>();
        for (var container : pod.allContainers()) {
            var image = ImageReference.parse(text(container.node().path("image")));
            if (image != null && image.digest() == null) {
                violations.add(new Evidence(container.field("image"), image.text() + " (tag " + (image.tag() == null ? "<none>, so latest" : image.tag()) + ", no digest)"));
            }
        }
        return PodSecurityRules.containerPass(pod, violations, "image", "pinned by digest");
    }

    private record Verdict(boolean failed, String observed) {
        static final Verdict PASS = new Verdict(false, null);

        static Verdict fail(String observed) {
            return new Verdict(true, observed);
        }

        static Verdict unknown(String why) {
            return new Verdict(false, why);
        }
    }

    private static RuleResult eachImage(PodView pod, String passValue, BiFunction<ImageFacts, Instant, Verdict> decide) {
        var violations = new ArrayList<Evidence>();
        var undecided = new ArrayList<Evidence>();
        var images = pod.images();
        for (var container : pod.allContainers()) {
            var reference = text(container.node().path("image"));
            if (reference == null) {
                continue;
            }
            var verdict = decide.apply(images.of(reference), images.asOf());
            if (verdict.failed()) {
                violations.add(new Evidence(container.field("image"), reference + ": " + verdict.observed()));
            } else if (verdict.observed() != null) {
                undecided.add(new Evidence(container.field("image"), reference + ": " + verdict.observed()));
            }
        }
        return PodSecurityRules.containerPass(pod, violations, "image", passValue).withUndecided(undecided);
    }

    private static boolean isRoot(String user) {
        var name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        return name.isBlank() || name.equals("root") || name.equals("0");
    }

    private static boolean olderThan(Instant instant, Instant at, int days) {
        return instant.isBefore(at.minus(Duration.ofDays(days)));
    }

    private static long age(Instant instant, Instant at) {
        return Duration.between(instant, at).toDays();
    }

    private static String names(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }
}
