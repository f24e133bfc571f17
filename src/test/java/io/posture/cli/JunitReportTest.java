package io.posture.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code scan --format junit} is valid against Jenkins' xUnit JUnit schema (a copy with its source
 * in {@code src/test/resources/junit}), a failure per failing control on a resource with its file
 * and line, skipped results with their reason, and unreadable input as errors.
 */
class JunitReportTest {

    private static Schema schema;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void loadSchema() throws SAXException {
        schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("src/test/resources/junit/junit-10.xsd").toFile());
    }

    @Test
    void aTestCasePerControlOnAResourceFailuresOnTheirLineExceptionsSkipped(@TempDir Path folder) throws Exception {
        var fixture = ReviewedScan.in(folder);
        var manifests = fixture.manifests();

        int exit = scan(fixture.arguments("junit"));

        assertThat(exit).isZero();
        var xml = out.toString(StandardCharsets.UTF_8);
        validate(xml);
        var document = parse(xml);
        var suites = elements(document.getDocumentElement(), "testsuite");
        assertThat(suites).extracting(suite -> suite.getAttribute("id")).containsExactly("pss-baseline", "cis-kubernetes");

        var capabilities = testCase(document, "pss-baseline/capabilities_baseline ");
        assertThat(capabilities.getAttribute("classname")).isEqualTo(manifests.resolve("all.yaml").toString());
        assertThat(capabilities.getAttribute("name")).endsWith("on Deployment shop/api");
        var failure = elements(capabilities, "failure").getFirst();
        assertThat(failure.getAttribute("type")).isEqualTo("HIGH");
        assertThat(failure.getTextContent()).as("the file and the line of the Deployment's document")
                .startsWith(manifests.resolve("all.yaml") + ":4").contains("NET_RAW").contains("How to fix:");
        assertThat(elements(testCase(document, "pss-baseline/privileged "), "skipped"))
                .as("CIS 5.2.2's exception explains the same problem under PSS").hasSize(1);

        var excepted = testCase(document, "cis-kubernetes/5.2.2 ");
        assertThat(elements(excepted, "failure")).isEmpty();
        assertThat(elements(excepted, "skipped").getFirst().getAttribute("message"))
                .contains("excepted").contains("a node agent").contains("dana");

        var baseline = suites.getFirst();
        long failing = elements(baseline, "testcase").stream().filter(test -> !elements(test, "failure").isEmpty()).count();
        assertThat(Long.parseLong(baseline.getAttribute("failures"))).isEqualTo(failing).isPositive();
        assertThat(Long.parseLong(baseline.getAttribute("tests"))).isEqualTo(elements(baseline, "testcase").size());
    }

    @Test
    void unreadableInputIsAnErrorAndHostileTextStaysValidXml(@TempDir Path folder) throws Exception {
        write(folder, "good.yaml", deployment("shop", "api", "shop/api:1", "{privileged: true}")
                .replace("- name: api", "- name: \"api-\\x01<&>\\\"\""));
        write(folder, "broken.yaml", "kind: [");

        int exit = scan(folder.toString(), "--benchmark", "pss-baseline", "--format", "junit");

        assertThat(exit).isEqualTo(ScanCommand.ERROR);
        var xml = out.toString(StandardCharsets.UTF_8);
        validate(xml);
        var document = parse(xml);
        var inputs = elements(document.getDocumentElement(), "testsuite").getLast();
        assertThat(inputs.getAttribute("name")).isEqualTo("inputs");
        assertThat(elements(elements(inputs, "testcase").getFirst(), "error").getFirst().getAttribute("message"))
                .contains("broken.yaml");
        assertThat(elements(testCase(document, "pss-baseline/privileged "), "failure").getFirst().getTextContent())
                .as("the container's name in the evidence: a control character becomes U+FFFD; markup is escaped, not lost")
                .contains("api-\uFFFD<&>\"");
        assertThat(document.getDocumentElement().getAttribute("errors")).isEqualTo("1");
    }

    @Test
    void theSchemaIsReallyApplied() {
        assertThatThrownBy(() -> validate("<testsuites><testsuite name=\"x\"/></testsuites>"))
                .as("tests, failures and errors are required").isInstanceOf(SAXException.class);
    }

    private static void validate(String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element testCase(Document document, String namePrefix) {
        var cases = document.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            var test = (Element) cases.item(i);
            if (test.getAttribute("name").startsWith(namePrefix)) {
                return test;
            }
        }
        throw new AssertionError("no test case " + namePrefix);
    }

    private static List<Element> elements(Element parent, String name) {
        var found = new ArrayList<Element>();
        for (var child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private int scan(String... args) {
        return CliRuns.run(out, err, "scan", args);
    }
}
