package io.posture.cli;

import io.posture.benchmark.ControlStatus;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A scan as JUnit XML, the test report GitLab, Jenkins and most CI systems show beside a pipeline:
 * a test suite per benchmark, a test case per control on a resource (a failure for FAIL; skipped
 * with the reason for an excepted, unknown, not applicable or not decidable result), and a suite
 * "inputs" with an error per file or object that could not be read. Valid against the JUnit schema
 * Jenkins' xUnit plugin publishes; no time or timestamp, so the same scan gives the same file.
 */
final class JunitReport {

    /** What XML 1.0 cannot hold, not even escaped (control characters, lone surrogates, U+FFFE/F). */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private JunitReport() {
    }

    static String of(List<BenchmarkScan> scans, List<String> problems) {
        var text = new StringWriter();
        try {
            var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "posture scan");
            long tests = problems.size() + scans.stream().mapToLong(scan -> scan.results().size()).sum();
            long failures = scans.stream().mapToLong(scan -> count(scan.results(), ControlStatus.FAIL)).sum();
            attributes(xml, tests, failures, problems.size());
            for (var scan : scans) {
                suite(xml, scan);
            }
            if (!problems.isEmpty()) {
                inputs(xml, problems);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write JUnit XML", e);
        }
        return text + "\n";
    }

    private static void suite(XMLStreamWriter xml, BenchmarkScan scan) throws XMLStreamException {
        var benchmark = scan.benchmark();
        var results = scan.results();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(benchmark.title() + (benchmark.edition() == null ? "" : " " + benchmark.edition())));
        xml.writeAttribute("id", benchmark.id());
        attributes(xml, results.size(), count(results, ControlStatus.FAIL), 0);
        xml.writeAttribute("skipped", Long.toString(results.stream().filter(result -> skipReason(result) != null).count()));
        for (var result : results) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", clean(result.file() == null ? "the files as one cluster" : result.file()));
            xml.writeAttribute("name", clean(benchmark.id() + "/" + result.control().id() + " " + result.control().title()
                    + " on " + result.resourceLabel()));
            if (result.status() == ControlStatus.FAIL) {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", result.control().severity().name());
                xml.writeAttribute("message", clean(result.control().title()));
                xml.writeCharacters(clean(failureText(result)));
                xml.writeEndElement();
            } else if (skipReason(result) != null) {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(skipReason(result)));
            }
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void inputs(XMLStreamWriter xml, List<String> problems) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "inputs");
        attributes(xml, problems.size(), 0, problems.size());
        for (var problem : problems) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "inputs");
            xml.writeAttribute("name", "read");
            xml.writeStartElement("error");
            xml.writeAttribute("message", clean(problem));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void attributes(XMLStreamWriter xml, long tests, long failures, long errors) throws XMLStreamException {
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
    }

    /** Where the object is, what was observed, and the fix. */
    private static String failureText(ScanResult result) {
        var text = new StringBuilder(result.file() == null ? "the files as one cluster" : result.file() + ":" + result.line());
        text.append('\n').append(result.control().severity()).append(' ').append(result.resourceLabel());
        result.evidence().forEach(evidence -> text.append('\n').append(evidence));
        if (result.control().remediation() != null) {
            text.append("\n\nHow to fix: ").append(result.control().remediation().strip());
        }
        return text.toString();
    }

    /** Why a result is neither a pass nor a failure; null for a pass. */
    private static String skipReason(ScanResult result) {
        return switch (result.status()) {
            case EXCEPTED -> "excepted: " + result.exception().reason() + " (reviewed by " + result.exception().reviewedBy()
                    + " on " + result.exception().reviewedOn() + ")";
            case UNKNOWN -> "unknown: " + (result.evidence().isEmpty() ? "could not be decided" : result.evidence().getFirst());
            case NOT_APPLICABLE -> "not applicable";
            case MANUAL -> "not decidable from files: a person attests it";
            default -> null;
        };
    }

    private static long count(List<ScanResult> results, ControlStatus status) {
        return results.stream().filter(result -> result.status() == status).count();
    }

    private static String clean(String text) {
        return NOT_XML.matcher(text).replaceAll("\uFFFD");
    }
}
