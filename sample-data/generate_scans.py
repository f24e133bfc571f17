#!/usr/bin/env python3
"""Writes the demo vulnerability scan reports (our own, realistic data) into sample-data/scans/.

Run from the repository root: python3 sample-data/generate_scans.py. Images are the demo estate's;
vulnerabilities are real CVEs of the packages these base images ship (versions as of mid-2024), with
their published severities and fixed versions. Shapes: Trivy schema 2 per image, one Trivy
Kubernetes report (Resources[]), Grype per image, and one scan of an image no workload runs.
Deterministic: the same script writes the same files.
"""
import hashlib
import json
from pathlib import Path

OUT = Path(__file__).parent / "scans"

# (id, package, installed, fixed or None, severity, cvss, status, title)
DEBIAN = [
    ("CVE-2024-45490", "libexpat1", "2.5.0-1", "2.5.0-1+deb12u1", "CRITICAL", 9.8, "fixed", "libexpat: Negative Length Parsing Vulnerability in libexpat"),
    ("CVE-2024-2961", "libc6", "2.36-9+deb12u4", "2.36-9+deb12u7", "HIGH", 8.8, "fixed", "glibc: Out of bounds write in iconv may lead to remote code execution"),
    ("CVE-2024-6387", "openssh-client", "1:9.2p1-2+deb12u2", "1:9.2p1-2+deb12u3", "HIGH", 8.1, "fixed", "openssh: regreSSHion - RCE in OpenSSH's server, on glibc-based Linux systems"),
    ("CVE-2023-50387", "libsystemd0", "252.22-1~deb12u1", None, "HIGH", 7.5, "will_not_fix", "bind9: KeyTrap - Extreme CPU consumption in DNSSEC validator"),
    ("CVE-2024-37371", "libkrb5-3", "1.20.1-2+deb12u1", "1.20.1-2+deb12u2", "CRITICAL", 9.1, "fixed", "krb5: GSS message token handling"),
    ("CVE-2024-5535", "libssl3", "3.0.13-1~deb12u1", "3.0.14-1~deb12u1", "MEDIUM", 5.9, "fixed", "openssl: SSL_select_next_proto buffer overread"),
    ("CVE-2023-45853", "zlib1g", "1:1.2.13.dfsg-1", None, "CRITICAL", 9.8, "will_not_fix", "zlib: integer overflow and resultant heap-based buffer overflow in zipOpenNewFileInZip4_6"),
    ("CVE-2024-28182", "libnghttp2-14", "1.52.0-1+deb12u1", "1.52.0-1+deb12u2", "MEDIUM", 5.3, "fixed", "nghttp2: CONTINUATION frames DoS"),
    ("CVE-2011-3374", "apt", "2.6.1", None, "LOW", 3.7, "affected", "It was found that apt-key in apt, all versions, do not correctly validate gpg keys"),
    ("CVE-2022-0563", "util-linux", "2.38.1-5+b1", None, "LOW", 5.5, "affected", "util-linux: partial disclosure of arbitrary files in chfn and chsh"),
]
ALPINE = [
    ("CVE-2024-6119", "libcrypto3", "3.3.1-r0", "3.3.2-r0", "HIGH", 7.5, "fixed", "openssl: Possible denial of service in X.509 name checks"),
    ("CVE-2024-5535", "libssl3", "3.3.1-r0", "3.3.1-r1", "MEDIUM", 5.9, "fixed", "openssl: SSL_select_next_proto buffer overread"),
    ("CVE-2024-45490", "libexpat", "2.6.2-r0", "2.6.3-r0", "CRITICAL", 9.8, "fixed", "libexpat: Negative Length Parsing Vulnerability in libexpat"),
    ("CVE-2024-9143", "libcrypto3", "3.3.1-r0", "3.3.2-r1", "LOW", 4.3, "fixed", "openssl: Low-level invalid GF(2^m) parameters lead to OOB memory access"),
]
GO = [
    ("CVE-2024-34156", "stdlib", "1.22.4", "1.22.7, 1.23.1", "HIGH", 7.5, "fixed", "encoding/gob: golang: Calling Decoder.Decode on a message which contains deeply nested structures can cause a panic due to stack exhaustion"),
    ("CVE-2024-24790", "stdlib", "1.22.4", "1.21.11, 1.22.4", "CRITICAL", 9.8, "fixed", "golang: net/netip: Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses"),
    ("CVE-2023-45288", "golang.org/x/net", "v0.21.0", "0.23.0", "MEDIUM", 5.3, "fixed", "golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS"),
    ("CVE-2024-45337", "golang.org/x/crypto", "v0.24.0", "0.31.0", "CRITICAL", 9.1, "fixed", "golang.org/x/crypto/ssh: Misuse of ServerConfig.PublicKeyCallback may cause authorization bypass"),
    ("CVE-2024-24791", "stdlib", "1.22.4", "1.21.12, 1.22.5", "MEDIUM", 7.5, "fixed", "net/http: Denial of service due to improper 100-continue handling in net/http"),
    ("CVE-2024-34158", "stdlib", "1.22.4", "1.22.7, 1.23.1", "HIGH", 7.5, "fixed", "go/build/constraint: golang: Calling Parse on a \"// +build\" build tag line with deeply nested expressions can cause a panic due to stack exhaustion"),
]
PYTHON = [
    ("CVE-2024-6345", "setuptools", "68.0.0", "70.0.0", "HIGH", 8.8, "fixed", "pypa/setuptools: Remote code execution via download functions in the package_index module"),
    ("CVE-2024-35195", "requests", "2.31.0", "2.32.0", "MEDIUM", 5.6, "fixed", "requests: subsequent requests to the same host ignore cert verification"),
    ("CVE-2024-5569", "zipp", "3.15.0", "3.19.1", "LOW", 3.3, "fixed", "zipp: Denial of Service vulnerability in jaraco/zipp"),
]
JAVA = [
    ("CVE-2024-38809", "org.springframework:spring-web", "6.1.6", "6.1.12", "MEDIUM", 5.3, "fixed", "spring-web: DoS via conditional HTTP request"),
    ("CVE-2024-22262", "org.springframework:spring-web", "6.1.6", "6.1.6", "HIGH", 8.1, "fixed", "springframework: URL Parsing with Host Validation"),
    ("CVE-2023-6378", "ch.qos.logback:logback-classic", "1.4.11", "1.4.12", "HIGH", 7.5, "fixed", "logback: serialization vulnerability in logback receiver"),
]

PUBLIC = {
    # image: (os family, os version, base packages, language packages, user, built)
    "quay.io/prometheus/prometheus:v2.53.1": ("busybox", "1.36.1", [], GO[:4], "nobody", "2024-07-10T13:52:12Z"),
    "quay.io/prometheus/node-exporter:v1.8.2": ("busybox", "1.36.1", [], GO[1:3], "nobody", "2024-07-14T09:11:40Z"),
    "quay.io/prometheus/alertmanager:v0.27.0": ("busybox", "1.36.1", [], GO, "nobody", "2024-02-28T15:03:19Z"),
    "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0": ("debian", "12.6", [], GO[2:5], "65534", "2024-07-19T11:20:05Z"),
    "registry.k8s.io/ingress-nginx/controller:v1.11.1": ("alpine", "3.20.2", ALPINE, GO[:2], "www-data", "2024-07-16T21:41:33Z"),
    "quay.io/jetstack/cert-manager-controller:v1.15.1": ("debian", "12.6", [], GO[:3], "1000", "2024-06-25T16:12:48Z"),
}
GRYPE = {
    "docker.io/grafana/grafana:11.1.0": ("alpine", "3.19.1", ALPINE, GO[:3], "472", "2024-06-21T10:44:02Z"),
    "docker.io/grafana/loki:3.1.0": ("alpine", "3.20.1", ALPINE[:2], GO, "10001", "2024-07-02T08:15:27Z"),
    "docker.io/falcosecurity/falco:0.38.1": ("debian", "12.5", DEBIAN[:7], [], "", "2024-06-19T12:31:10Z"),
    "cr.fluentbit.io/fluent/fluent-bit:3.1.4": ("debian", "12.6", DEBIAN[:4], [], "", "2024-07-23T18:02:51Z"),
}
# Our own services, scanned in the pipeline with trivy k8s: (image, namespace, workload, language packages, user)
K8S = [
    ("registry.example.com/payments/dispute-service:2.2.2", "payments-api", "dispute-service", JAVA, "10001"),
    ("registry.example.com/payments/card-tokenizer:4.20.8", "payments-api", "card-tokenizer", JAVA[:1], "10001"),
    ("registry.example.com/search/search-api:4.25.1", "search", "search-api", PYTHON, ""),
    ("registry.example.com/search/ranking-model:4.29.5", "search", "ranking-model", PYTHON[:2], ""),
    ("registry.example.com/ml/embedding-service:latest", "ml", "embedding-service", PYTHON, ""),
]
NOT_RUNNING = ("registry.example.com/payments/dispute-service:2.1.0", JAVA, "10001", "2026-09-02T09:00:00Z")


def digest(name):
    return "sha256:" + hashlib.sha256(name.encode()).hexdigest()


def repository(reference):
    return reference.rsplit(":", 1)[0]


def trivy_vulnerability(entry):
    vid, package, installed, fixed, severity, cvss, status, title = entry
    vulnerability = {"VulnerabilityID": vid, "PkgName": package, "InstalledVersion": installed, "Status": status,
                     "Severity": severity, "Title": title, "PrimaryURL": "https://avd.aquasec.com/nvd/" + vid.lower(),
                     "CVSS": {"nvd": {"V3Score": cvss}}}
    if fixed:
        vulnerability["FixedVersion"] = fixed
    return vulnerability


def trivy_results(reference, family, version, packages, language):
    results = [{"Target": f"{reference} ({family} {version})", "Class": "os-pkgs", "Type": family,
                "Vulnerabilities": [trivy_vulnerability(entry) for entry in packages]}]
    if language:
        kind = "gobinary" if language[0] in GO else "python-pkg" if language[0] in PYTHON else "jar"
        target = {"gobinary": "bin/app", "python-pkg": "usr/local/lib/python3.12/site-packages", "jar": "app/app.jar"}[kind]
        results.append({"Target": target, "Class": "lang-pkgs", "Type": kind,
                        "Vulnerabilities": [trivy_vulnerability(entry) for entry in language]})
    return results


def metadata(reference, family, version, user, built, labels):
    return {"OS": {"Family": family, "Name": version}, "ImageID": digest("config:" + reference),
            "RepoTags": [reference], "RepoDigests": [repository(reference) + "@" + digest(reference)],
            "ImageConfig": {"architecture": "amd64", "created": built, "os": "linux",
                            "config": {"User": user, "Labels": labels}}}


def trivy_image(reference, family, version, packages, language, user, built):
    return {"SchemaVersion": 2, "CreatedAt": "2024-08-01T06:00:00Z", "ArtifactName": reference,
            "ArtifactType": "container_image", "Trivy": {"Version": "0.54.1"},
            "Metadata": metadata(reference, family, version, user, built,
                                 {"org.opencontainers.image.source": "https://github.com/" + repository(reference).split("/", 1)[1]}),
            "Results": trivy_results(reference, family, version, packages, language)}


GRYPE_STATE = {"fixed": "fixed", "will_not_fix": "wont-fix", "affected": "not-fixed"}


def grype_image(reference, family, version, packages, language, user, built):
    matches = []
    for entry in packages + language:
        vid, package, installed, fixed, severity, cvss, status, title = entry
        matches.append({
            "vulnerability": {"id": vid, "dataSource": "https://nvd.nist.gov/vuln/detail/" + vid, "namespace": family + ":distro:" + family + ":" + version,
                              "severity": severity.capitalize(), "description": title,
                              "cvss": [{"source": "nvd@nist.gov", "type": "Primary", "version": "3.1", "metrics": {"baseScore": cvss}}],
                              "fix": {"versions": [v.strip() for v in fixed.split(",")] if fixed else [], "state": GRYPE_STATE[status]}},
            "relatedVulnerabilities": [],
            "artifact": {"name": package, "version": installed, "type": "go-module" if entry in language else "deb" if family == "debian" else "apk",
                         "purl": "pkg:generic/" + package + "@" + installed}})
    return {"matches": matches,
            "source": {"type": "image", "target": {"userInput": reference, "imageID": digest("config:" + reference),
                                                   "manifestDigest": digest(reference), "tags": [reference],
                                                   "repoDigests": [repository(reference) + "@" + digest(reference)]}},
            "distro": {"name": family, "version": version},
            "descriptor": {"name": "grype", "version": "0.79.4", "db": {"built": "2024-08-01T01:26:54Z"}}}


def trivy_k8s():
    resources = []
    for reference, namespace, workload, language, user in K8S:
        resources.append({"Namespace": namespace, "Kind": "Deployment", "Name": workload,
                          "Metadata": [metadata(reference, "debian", "12.6", user, "2026-11-18T14:00:00Z", {"team": namespace})],
                          "Results": trivy_results(reference, "debian", "12.6", DEBIAN[:3] + DEBIAN[8:], language)})
    return {"ClusterName": "prod-eu1", "Resources": resources}


def trivy_repository():
    """trivy repo of a service's source: not an image, so an artifact; its secret is kept as where, not what."""
    secret = {"RuleID": "github-pat", "Category": "GitHub", "Severity": "CRITICAL", "Title": "GitHub Personal Access Token",
              "StartLine": 14, "EndLine": 14, "Match": "  GITHUB_TOKEN: ****************************************",
              "Code": {"Lines": [{"Number": 14, "Content": "  GITHUB_TOKEN: ****************************************",
                                  "IsCause": True}]}}
    return {"SchemaVersion": 2, "CreatedAt": "2026-11-20T09:30:00Z", "ArtifactName": "https://git.example.com/payments/dispute-service",
            "ArtifactType": "repository", "Trivy": {"Version": "0.57.1"},
            "Results": [{"Target": "pom.xml", "Class": "lang-pkgs", "Type": "pom",
                         "Vulnerabilities": [trivy_vulnerability(entry) for entry in JAVA]},
                        {"Target": ".github/workflows/release.yml", "Class": "secret", "Secrets": [secret]}]}


def write(path, report):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")


def name_of(reference):
    return reference.split("/")[-1].replace(":", "-")


def main():
    for reference, (family, version, packages, language, user, built) in PUBLIC.items():
        write(OUT / "trivy" / (name_of(reference) + ".json"), trivy_image(reference, family, version, packages, language, user, built))
    for reference, (family, version, packages, language, user, built) in GRYPE.items():
        write(OUT / "grype" / (name_of(reference) + ".json"), grype_image(reference, family, version, packages, language, user, built))
    write(OUT / "trivy" / "k8s-our-services.json", trivy_k8s())
    write(OUT / "trivy" / "repo-dispute-service.json", trivy_repository())
    reference, language, user, built = NOT_RUNNING
    write(OUT / "trivy" / (name_of(reference) + ".json"), trivy_image(reference, "debian", "12.5", DEBIAN[:6], language, user, built))


if __name__ == "__main__":
    main()
