#!/usr/bin/env python3
"""Writes the demo estate under sample-data/clusters: three clusters of manifests as kubectl and
helm would write them (multi-document YAML, a kubectl List, a kind-less Pods.json), with a
believable mix of hardened, ordinary, legacy and node-level workloads. Deterministic: the same
seed gives the same files. Run it from anywhere: python3 sample-data/generate.py"""
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "clusters"

TEAMS = {
    "payments": {"payments-api": ["payment-gateway", "card-tokenizer", "refund-worker", "fraud-scorer", "payout-scheduler", "fx-rates", "dispute-service", "webhook-relay"],
                 "payments-ledger": ["ledger-writer", "ledger-reader", "reconciler", "statement-renderer", "audit-exporter"]},
    "checkout": {"checkout": ["checkout-web", "checkout-api", "promo-engine", "tax-calculator", "order-router", "address-validator"],
                 "cart": ["cart-api", "cart-cache", "pricing-service", "inventory-sync"]},
    "identity": {"identity": ["login-ui", "token-service", "user-directory", "mfa-service", "session-store", "password-reset"],
                 "auth-proxy": ["oauth2-proxy", "policy-agent", "jwks-publisher"]},
    "search": {"search": ["search-api", "indexer", "query-suggest", "ranking-model", "crawler", "synonyms-loader"]},
    "data": {"data-pipeline": ["event-ingest", "stream-enricher", "batch-loader", "schema-registry", "cdc-connector", "dq-checker"],
             "analytics": ["dashboards", "report-builder", "notebook-hub", "metrics-api"]},
    "ml": {"ml-serving": ["recommender", "feature-store", "model-gateway", "embedding-service", "drift-monitor"]},
    "platform": {"ingress": ["ingress-controller", "default-backend", "external-dns"],
                 "cert-manager": ["cert-manager", "cainjector", "cert-webhook"],
                 "monitoring": ["prometheus", "alertmanager", "grafana", "kube-state-metrics", "node-exporter", "blackbox-exporter"],
                 "logging": ["fluent-bit", "log-router", "loki"],
                 "security": ["falco", "image-scanner", "secrets-operator"]},
}
NODE_AGENTS = {"node-exporter", "fluent-bit", "falco"}
BATCH = {"payout-scheduler": "CronJob", "reconciler": "CronJob", "statement-renderer": "CronJob", "audit-exporter": "Job",
         "synonyms-loader": "CronJob", "batch-loader": "CronJob", "dq-checker": "CronJob", "crawler": "CronJob", "inventory-sync": "Job"}
STATEFUL = {"cart-cache", "session-store", "schema-registry", "prometheus", "alertmanager", "loki", "feature-store", "indexer"}
CLUSTERS = [
    # name, environment, share of namespaces present, probabilities of hardened / ordinary / legacy practice
    ("prod-eu1", "prod", 1.0, (0.55, 0.35, 0.10)),
    ("staging-eu1", "staging", 1.0, (0.35, 0.45, 0.20)),
    ("dev-eu1", "dev", 0.9, (0.15, 0.45, 0.40)),
]
PUBLIC_IMAGES = {"prometheus": "quay.io/prometheus/prometheus:v2.53.1", "alertmanager": "quay.io/prometheus/alertmanager:v0.27.0",
                 "grafana": "docker.io/grafana/grafana:11.1.0", "node-exporter": "quay.io/prometheus/node-exporter:v1.8.2",
                 "fluent-bit": "cr.fluentbit.io/fluent/fluent-bit:3.1.4", "loki": "docker.io/grafana/loki:3.1.0",
                 "falco": "docker.io/falcosecurity/falco:0.38.1", "cert-manager": "quay.io/jetstack/cert-manager-controller:v1.15.1",
                 "ingress-controller": "registry.k8s.io/ingress-nginx/controller:v1.11.1", "kube-state-metrics": "registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0"}


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    needs_quotes = (text == "" or text.strip() != text or text.lower() in ("true", "false", "yes", "no", "on", "off", "null", "~")
                    or any(c in text for c in ":#{}[],&*!|>'\"%@`") or text[0] in "-?" or text.replace(".", "", 1).isdigit())
    return json.dumps(text) if needs_quotes else text


def to_yaml(value, indent=0):
    pad = " " * indent
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{key}:")
                lines.append(to_yaml(item, indent + 2 if isinstance(item, dict) else indent))
            else:
                lines.append(f"{pad}{key}: {scalar(item) if not isinstance(item, (dict, list)) else ('{}' if isinstance(item, dict) else '[]')}")
    else:
        for item in value:
            if isinstance(item, dict) and item:
                body = to_yaml(item, indent + 2).split("\n")
                lines.append(f"{pad}- {body[0].strip()}")
                lines.extend(body[1:])
            else:
                lines.append(f"{pad}- {scalar(item)}")
    return "\n".join(lines)


def security(practice, rng, app):
    """Pod and container security context for a practice level."""
    if practice == "hardened":
        pod = {"runAsNonRoot": True, "runAsUser": 10001, "fsGroup": 10001, "seccompProfile": {"type": "RuntimeDefault"}}
        container = {"allowPrivilegeEscalation": False, "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]}}
        if rng.random() < 0.15:
            container["capabilities"]["add"] = ["NET_BIND_SERVICE"]
        return pod, container
    if practice == "ordinary":
        pod = {"runAsNonRoot": True} if rng.random() < 0.6 else {}
        container = {"allowPrivilegeEscalation": False} if rng.random() < 0.5 else {}
        if rng.random() < 0.3:
            container["capabilities"] = {"drop": ["ALL"]}
        if rng.random() < 0.3:
            pod["seccompProfile"] = {"type": "RuntimeDefault"}
        return pod, container
    # legacy: root, extra capabilities, sometimes privileged
    pod = {}
    container = {}
    roll = rng.random()
    if roll < 0.25:
        container["privileged"] = True
    elif roll < 0.55:
        container["capabilities"] = {"add": rng.choice([["NET_ADMIN"], ["SYS_ADMIN"], ["NET_RAW", "SYS_PTRACE"], ["CAP_CHOWN"]])}
    if rng.random() < 0.4:
        container["runAsUser"] = 0
    if rng.random() < 0.1:
        pod["seccompProfile"] = {"type": "Unconfined"}
    return pod, container


def container_for(app, team, env, practice, rng):
    image = PUBLIC_IMAGES.get(app, f"registry.example.com/{team}/{app}:{rng.randint(1, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}")
    if practice == "legacy" and rng.random() < 0.3:
        image = image.rsplit(":", 1)[0] + ":latest"
    pod_sc, sc = security(practice, rng, app)
    port = rng.choice([8080, 8443, 9090, 3000, 5000])
    container = {"name": app, "image": image, "ports": [{"name": "http", "containerPort": port}]}
    env_vars = [{"name": "ENVIRONMENT", "value": env}, {"name": "LOG_LEVEL", "value": "info"}]
    if rng.random() < 0.3:
        env_vars.append({"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": f"{app}-db", "key": "password"}}})
    if practice == "legacy" and rng.random() < 0.3:
        env_vars.append({"name": "API_TOKEN", "value": "demo-not-a-real-token"})
    container["env"] = env_vars
    if practice != "legacy" or rng.random() < 0.4:
        container["resources"] = {"requests": {"cpu": rng.choice(["50m", "100m", "250m"]), "memory": rng.choice(["64Mi", "128Mi", "256Mi"])},
                                  "limits": {"memory": rng.choice(["256Mi", "512Mi", "1Gi"])}}
    if practice != "legacy":
        container["readinessProbe"] = {"httpGet": {"path": "/healthz", "port": port}, "periodSeconds": 10}
        container["livenessProbe"] = {"httpGet": {"path": "/livez", "port": port}, "periodSeconds": 20}
    if sc:
        container["securityContext"] = sc
    if practice == "legacy" and rng.random() < 0.15:
        container["ports"][0]["hostPort"] = port
    return container, pod_sc


def node_agent(app, team, env, rng):
    """Node-level agents legitimately need the host; they fail Baseline by design."""
    container, _ = container_for(app, team, env, "ordinary", rng)
    pod_spec = {"serviceAccountName": app, "containers": [container], "tolerations": [{"operator": "Exists"}]}
    if app == "node-exporter":
        pod_spec.update({"hostNetwork": True, "hostPID": True})
        pod_spec["volumes"] = [{"name": "proc", "hostPath": {"path": "/proc"}}, {"name": "sys", "hostPath": {"path": "/sys"}}]
        container["securityContext"] = {"runAsNonRoot": True, "runAsUser": 65534, "allowPrivilegeEscalation": False,
                                        "capabilities": {"drop": ["ALL"]}}
    elif app == "fluent-bit":
        pod_spec["volumes"] = [{"name": "varlog", "hostPath": {"path": "/var/log"}},
                               {"name": "config", "configMap": {"name": "fluent-bit"}}]
    else:  # falco
        container["securityContext"] = {"privileged": True}
        pod_spec["hostNetwork"] = True
        pod_spec["volumes"] = [{"name": "docker-socket", "hostPath": {"path": "/var/run/docker.sock"}},
                               {"name": "dev", "hostPath": {"path": "/dev"}}]
    container["volumeMounts"] = [{"name": v["name"], "mountPath": "/host/" + v["name"], "readOnly": True} for v in pod_spec["volumes"]]
    return pod_spec


def workload(app, namespace, team, env, practice, rng):
    labels = {"app.kubernetes.io/name": app, "app.kubernetes.io/part-of": team}
    if app in NODE_AGENTS:
        kind, pod_spec = "DaemonSet", node_agent(app, team, env, rng)
    else:
        kind = BATCH.get(app) or ("StatefulSet" if app in STATEFUL else "Deployment")
        container, pod_sc = container_for(app, team, env, practice, rng)
        pod_spec = {"serviceAccountName": app if rng.random() < 0.7 else "default", "containers": [container]}
        if pod_sc:
            pod_spec["securityContext"] = pod_sc
        if practice == "hardened" or rng.random() < 0.5:
            pod_spec["automountServiceAccountToken"] = False
        if rng.random() < 0.2:
            init, _ = container_for(app + "-migrate", team, env, practice, rng)
            init["name"] = "migrate"
            init.pop("ports", None)
            init.pop("readinessProbe", None)
            init.pop("livenessProbe", None)
            pod_spec["initContainers"] = [init]
        if practice == "legacy" and rng.random() < 0.25:
            pod_spec["volumes"] = [{"name": "host-data", "hostPath": {"path": "/var/lib/" + app}}]
            container["volumeMounts"] = [{"name": "host-data", "mountPath": "/data"}]
        elif rng.random() < 0.5:
            pod_spec["volumes"] = [{"name": "tmp", "emptyDir": {}}, {"name": "config", "configMap": {"name": app}}]
            container["volumeMounts"] = [{"name": "tmp", "mountPath": "/tmp"}, {"name": "config", "mountPath": "/etc/" + app}]
        if practice == "legacy" and rng.random() < 0.1:
            pod_spec["hostNetwork"] = True
        if kind in ("Job", "CronJob"):
            pod_spec["restartPolicy"] = "OnFailure"
    template = {"metadata": {"labels": dict(labels)}, "spec": pod_spec}
    if practice == "legacy" and rng.random() < 0.1:
        template["metadata"]["annotations"] = {"container.apparmor.security.beta.kubernetes.io/" + app: "unconfined"}
    meta = {"name": app, "namespace": namespace, "labels": labels}
    if kind == "CronJob":
        spec = {"schedule": rng.choice(["0 * * * *", "*/15 * * * *", "30 2 * * *"]), "concurrencyPolicy": "Forbid",
                "jobTemplate": {"spec": {"backoffLimit": 2, "template": template}}}
    elif kind == "Job":
        spec = {"backoffLimit": 3, "template": template}
    elif kind == "DaemonSet":
        spec = {"selector": {"matchLabels": {"app.kubernetes.io/name": app}}, "template": template}
    else:
        spec = {"replicas": rng.choice([1, 2, 3]) if env != "prod" else rng.choice([2, 3, 4, 6]),
                "selector": {"matchLabels": {"app.kubernetes.io/name": app}}, "template": template}
        if kind == "StatefulSet":
            spec["serviceName"] = app
    api = {"Deployment": "apps/v1", "StatefulSet": "apps/v1", "DaemonSet": "apps/v1", "Job": "batch/v1", "CronJob": "batch/v1"}[kind]
    return {"apiVersion": api, "kind": kind, "metadata": meta, "spec": spec}


def write_cluster(name, env, share, odds, rng):
    folder = ROOT / name
    folder.mkdir(parents=True)
    namespaces, rbac = [], []
    bare_pods = []
    workloads = 0
    for team, spaces in TEAMS.items():
        for namespace, apps in spaces.items():
            if team != "platform" and rng.random() > share:
                continue
            enforce = "restricted" if env == "prod" and team in ("payments", "identity") else "baseline"
            namespaces.append({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace, "labels": {
                "team": team, "environment": env, "kubernetes.io/metadata.name": namespace,
                "pod-security.kubernetes.io/enforce": enforce if team != "platform" else "privileged",
                "pod-security.kubernetes.io/warn": "restricted"}}})
            ns_folder = folder / namespace
            ns_folder.mkdir()
            team_odds = odds if team not in ("payments", "identity") else (min(odds[0] + 0.2, 0.9), odds[1], max(odds[2] - 0.1, 0.02))
            for app in apps:
                practice = rng.choices(["hardened", "ordinary", "legacy"], weights=team_odds)[0]
                docs = [workload(app, namespace, team, env, practice, rng)]
                workloads += 1
                docs.append({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": app, "namespace": namespace},
                             "automountServiceAccountToken": practice != "hardened"})
                if docs[0]["kind"] in ("Deployment", "StatefulSet"):
                    docs.append({"apiVersion": "v1", "kind": "Service", "metadata": {"name": app, "namespace": namespace},
                                 "spec": {"selector": {"app.kubernetes.io/name": app}, "ports": [{"port": 80, "targetPort": "http"}]}})
                # A second instance for canaries and per-tenant copies, to reach a realistic size.
                if rng.random() < (0.8 if env != "dev" else 0.6) and docs[0]["kind"] == "Deployment":
                    copy = workload(app, namespace, team, env, rng.choices(["hardened", "ordinary", "legacy"], weights=team_odds)[0], rng)
                    copy["metadata"]["name"] = app + rng.choice(["-canary", "-eu", "-batch", "-internal", "-v2"])
                    docs.append(copy)
                    workloads += 1
                (ns_folder / f"{app}.yaml").write_text("".join("---\n" + to_yaml(doc) + "\n" for doc in docs))
            if rng.random() < 0.6:
                policy = {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                          "metadata": {"name": "default-deny", "namespace": namespace},
                          "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}}
                (ns_folder / "network-policy.yaml").write_text(to_yaml(policy) + "\n")
            rbac.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                         "metadata": {"name": f"{team}-deployer", "namespace": namespace},
                         "rules": [{"apiGroups": ["apps"], "resources": ["deployments"], "verbs": ["get", "list", "update", "patch"]}]})
            rbac.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                         "metadata": {"name": f"{team}-deployer", "namespace": namespace},
                         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": f"{team}-deployer"},
                         "subjects": [{"kind": "Group", "name": f"{team}-engineers"}]})
            if env == "dev" and team != "platform" and rng.random() < 0.5:
                debug = workload("debug-" + apps[0], namespace, team, env, "legacy", rng)["spec"]["template"]
                bare_pods.append({"metadata": {"name": f"debug-{apps[0]}-{rng.randint(1000, 9999)}", "namespace": namespace,
                                               "labels": {"run": "debug"}}, "spec": debug["spec"]})
                workloads += 1
    (folder / "namespaces.yaml").write_text("".join("---\n" + to_yaml(ns) + "\n" for ns in namespaces))
    rbac.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "ops-admins"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
                 "subjects": [{"kind": "Group", "name": "platform-oncall"}]})
    (folder / "rbac.json").write_text(json.dumps({"apiVersion": "v1", "kind": "List", "items": rbac}, indent=2) + "\n")
    if env == "prod":
        # kinds no control looks at: the cluster page lists them as not evaluated instead of dropping them
        extras = [{"apiVersion": "cert-manager.io/v1", "kind": "ClusterIssuer", "metadata": {"name": "letsencrypt"},
                   "spec": {"acme": {"server": "https://acme-v02.api.letsencrypt.org/directory",
                                     "privateKeySecretRef": {"name": "letsencrypt-account"}, "solvers": [{"http01": {"ingress": {}}}]}}},
                  {"apiVersion": "cert-manager.io/v1", "kind": "Certificate", "metadata": {"name": "storefront", "namespace": "ingress"},
                   "spec": {"secretName": "storefront-tls", "dnsNames": ["shop.example.com"],
                            "issuerRef": {"kind": "ClusterIssuer", "name": "letsencrypt"}}},
                  {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "fast-ssd"},
                   "provisioner": "ebs.csi.aws.com", "parameters": {"type": "gp3"}, "reclaimPolicy": "Delete"},
                  {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "ingress", "namespace": "ingress"},
                   "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app.kubernetes.io/name": "ingress-controller"}}}}]
        (folder / "cluster-extras.yaml").write_text("".join("---\n" + to_yaml(doc) + "\n" for doc in extras))
    if bare_pods:
        # kind-less array, as some cluster dumps write it: the kind comes from the file name
        (folder / "debug").mkdir()
        (folder / "debug" / "Pods.json").write_text(json.dumps(bare_pods, indent=2) + "\n")
    return workloads


def main():
    if ROOT.exists():
        shutil.rmtree(ROOT)
    rng = random.Random(20261123)
    total = 0
    for name, env, share, odds in CLUSTERS:
        count = write_cluster(name, env, share, odds, rng)
        print(f"{name}: {count} workloads")
        total += count
    print(f"total: {total} workloads")


if __name__ == "__main__":
    main()
