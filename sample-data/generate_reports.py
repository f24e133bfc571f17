#!/usr/bin/env python3
"""Writes the demo kube-bench and docker-bench reports (our own, realistic data).

Run from the repository root: python3 sample-data/generate_reports.py. Check ids and titles come
from the CIS catalogues kube-bench and docker-bench-security implement; statuses are chosen so
that each demo cluster tells its own story (prod hardened, dev loose).
"""
import csv
import json
from pathlib import Path

ROOT = Path(__file__).parent

# The demo's own copies of the catalogue rows it needs, so the script runs without ../shared.
KUBE_CHECKS = ROOT / "kube-bench" / "checks-1.12.tsv"
DOCKER_CHECKS = ROOT / "docker-bench" / "checks-1.6.tsv"


def kube_checks():
    with open(KUBE_CHECKS) as source:
        return list(csv.DictReader(source, delimiter="\t"))


FILES = {"1": ("master", "Control Plane Security Configuration"), "2": ("etcd", "Etcd Node Configuration"),
         "3": ("controlplane", "Control Plane Configuration"), "4": ("node", "Worker Node Security Configuration")}

# what fails where: (cluster, check id) -> (actual value, expected)
FAILING = {
    "dev-eu1": {"1.2.1": ("--anonymous-auth=true", "'--anonymous-auth' is equal to 'false'"),
                "1.2.16": ("", "'--audit-log-path' is present"),
                "1.3.2": ("--profiling=true", "'--profiling' is equal to 'false'"),
                "4.2.1": ("authentication.anonymous.enabled: true", "'{.authentication.anonymous.enabled}' is equal to 'false'"),
                "4.2.6": ("", "'--make-iptables-util-chains' is present"),
                "4.1.1": ("permissions=644", "permissions has permissions 644, expected 600 or more restrictive"),
                "1.1.12": ("etcd:root", "'etcd:etcd'")},
    "staging-eu1": {"1.2.16": ("", "'--audit-log-path' is present"),
                    "4.2.10": ("", "'--rotate-certificates' is present OR '--rotate-certificates' is not present"),
                    "4.1.9": ("permissions=644", "permissions has permissions 644, expected 600 or more restrictive")},
    "prod-eu1": {"4.2.14": ("seccompDefault: false", "'{.seccompDefault}' is equal to 'true'")},
}
NODES = {"dev-eu1": ["dev-eu1-cp-1", "dev-eu1-worker-1"],
         "staging-eu1": ["staging-eu1-cp-1", "staging-eu1-worker-1", "staging-eu1-worker-2"],
         "prod-eu1": ["prod-eu1-cp-1", "prod-eu1-worker-1", "prod-eu1-worker-2", "prod-eu1-worker-3"]}


def kube_bench_report(cluster, node, checks):
    control_plane = "-cp-" in node
    sections = ["1", "2", "3", "4"] if control_plane else ["4"]
    controls = []
    for section in sections:
        node_type, text = FILES[section]
        groups = {}
        for check in checks:
            if check["section"] == section:
                groups.setdefault((check["group"], check["group_title"]), []).append(check)
        tests = []
        for (group, title), rows in groups.items():
            results = []
            for row in rows:
                manual = row["cis_assessment"] == "Manual"
                failing = FAILING[cluster].get(row["id"])
                status = "WARN" if manual else "FAIL" if failing else "PASS"
                actual, expected = failing if failing else ("", "")
                results.append({
                    "test_number": row["id"], "test_desc": row["title"], "audit": "", "AuditConfig": "",
                    "type": "manual" if manual else "", "remediation": remediation(row), "test_info": [remediation(row)],
                    "status": status, "actual_value": actual, "scored": not manual, "IsMultiple": False,
                    "expected_result": expected})
            tests.append({"section": group, "type": "", "pass": sum(r["status"] == "PASS" for r in results),
                          "fail": sum(r["status"] == "FAIL" for r in results),
                          "warn": sum(r["status"] == "WARN" for r in results), "info": 0, "desc": title,
                          "results": results})
        controls.append({"id": section, "version": "cis-1.12",
                         "detected_version": "1.31", "text": text, "node_type": node_type, "tests": tests,
                         "total_pass": sum(t["pass"] for t in tests), "total_fail": sum(t["fail"] for t in tests),
                         "total_warn": sum(t["warn"] for t in tests), "total_info": 0})
    totals = {key: sum(c[f"total_{key}"] for c in controls) for key in ("pass", "fail", "warn", "info")}
    totals = {f"total_{key}": value for key, value in totals.items()}
    # staging's reports use kube-bench's older bare-array shape
    return controls if cluster == "staging-eu1" else {"Controls": controls, "Totals": totals}


def remediation(row):
    if "permissions" in row["title"]:
        return "Run chmod 600 on the file named in the check on this node."
    if "ownership" in row["title"]:
        return "Run chown root:root on the file named in the check on this node."
    return "Edit the component's manifest or configuration file on this node and set the flag as the check states, then restart it."


DOCKER_FAILING = {
    "build-01": {"2.2": "", "2.9": "", "2.12": "", "2.14": "", "4.5": "", "5.4": "Container: buildkit (privileged)",
                 "5.11": "Containers without memory limit: runner-1 runner-2", "1.1.1": "", "3.16": "Wrong permissions for /var/run/docker.sock"},
    "registry-01": {"2.9": "", "2.13": "", "5.13": "Container: registry", "5.29": "Container: registry"},
}


def docker_bench_report(host, checks):
    tests, current = [], None
    for check_id, title in checks:
        if "." not in check_id:
            current = {"id": check_id, "desc": title, "results": []}
            tests.append(current)
            continue
        if check_id.count(".") == 1 and check_id.startswith("1."):
            continue
        manual = title.endswith("(Manual)")
        failing = check_id in DOCKER_FAILING[host]
        result = {"id": check_id, "desc": title, "result": "INFO" if manual else "WARN" if failing else "PASS",
                  "remediation": "Apply the CIS Docker Benchmark 1.6 remediation for " + check_id + " on this host.",
                  "remediation-impact": "None."}
        if failing and DOCKER_FAILING[host][check_id]:
            result["details"] = DOCKER_FAILING[host][check_id]
        current["results"].append(result)
    return {"dockerbenchsecurity": "1.6.0", "start": 1763888400, "tests": tests,
            "checks": sum(len(t["results"]) for t in tests),
            "score": sum(1 for t in tests for r in t["results"] if r["result"] == "PASS"), "end": 1763888460}


def docker_checks():
    rows = []
    with open(DOCKER_CHECKS) as source:
        for line in source:
            check_id, title = line.rstrip("\n").split("\t", 1)
            if check_id[0] in "123567" and "$desc" not in title:
                rows.append((check_id, title))
    return rows


if __name__ == "__main__":
    checks = kube_checks()
    for cluster, nodes in NODES.items():
        folder = ROOT / "kube-bench" / cluster
        folder.mkdir(parents=True, exist_ok=True)
        for node in nodes:
            (folder / f"{node}.json").write_text(json.dumps(kube_bench_report(cluster, node, checks), indent=1) + "\n")
    for host in DOCKER_FAILING:
        (ROOT / "docker-bench" / f"{host}.json").write_text(json.dumps(docker_bench_report(host, docker_checks()), indent=1) + "\n")
