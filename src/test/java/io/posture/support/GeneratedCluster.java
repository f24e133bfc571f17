package io.posture.support;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kubernetes API served by Fabric8's mock server, whose objects are generated page by page as
 * they are asked for: nothing is held in memory, so a benchmark measures the collector's heap, not
 * the cluster's. Lists honour {@code limit} and {@code continue} like a real API server. A kind can
 * be held back ({@link #hold}) to keep a collection running while a test looks at it.
 */
public final class GeneratedCluster extends Dispatcher implements AutoCloseable {

    /** List kinds by the resource name in the path, for every kind the collector reads. */
    private static final Map<String, String> LIST_KINDS = Map.ofEntries(
            Map.entry("namespaces", "v1/NamespaceList"), Map.entry("nodes", "v1/NodeList"),
            Map.entry("pods", "v1/PodList"), Map.entry("deployments", "apps/v1/DeploymentList"),
            Map.entry("statefulsets", "apps/v1/StatefulSetList"), Map.entry("daemonsets", "apps/v1/DaemonSetList"),
            Map.entry("replicasets", "apps/v1/ReplicaSetList"), Map.entry("jobs", "batch/v1/JobList"),
            Map.entry("cronjobs", "batch/v1/CronJobList"), Map.entry("serviceaccounts", "v1/ServiceAccountList"),
            Map.entry("roles", "rbac.authorization.k8s.io/v1/RoleList"),
            Map.entry("rolebindings", "rbac.authorization.k8s.io/v1/RoleBindingList"),
            Map.entry("clusterroles", "rbac.authorization.k8s.io/v1/ClusterRoleList"),
            Map.entry("clusterrolebindings", "rbac.authorization.k8s.io/v1/ClusterRoleBindingList"),
            Map.entry("networkpolicies", "networking.k8s.io/v1/NetworkPolicyList"), Map.entry("services", "v1/ServiceList"),
            Map.entry("ingresses", "networking.k8s.io/v1/IngressList"),
            Map.entry("validatingwebhookconfigurations", "admissionregistration.k8s.io/v1/ValidatingWebhookConfigurationList"),
            Map.entry("mutatingwebhookconfigurations", "admissionregistration.k8s.io/v1/MutatingWebhookConfigurationList"),
            Map.entry("secrets", "meta.k8s.io/v1/PartialObjectMetadataList"),
            Map.entry("configmaps", "meta.k8s.io/v1/PartialObjectMetadataList"));

    private final JsonMapper json = JsonMapper.builder().build();
    private final int pods;
    private final int namespaces;
    private final int nodes;
    private final Map<String, CountDownLatch> held = new HashMap<>();
    private final AtomicInteger largestAnswer = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();
    private final KubernetesMockServer server;

    public GeneratedCluster(int pods, int namespaces, int nodes) {
        this.pods = pods;
        this.namespaces = namespaces;
        this.nodes = nodes;
        this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), this, false);
        server.init();
    }

    /** Answers for the resource (e.g. "cronjobs") wait until {@link #release} is called. */
    public synchronized GeneratedCluster hold(String resource) {
        held.put(resource, new CountDownLatch(1));
        return this;
    }

    public synchronized void release(String resource) {
        var latch = held.remove(resource);
        if (latch != null) {
            latch.countDown();
        }
    }

    public String url() {
        return server.url("/").replaceAll("/$", "");
    }

    /** The most items one list answer held: proves the pages were honoured. */
    public int largestAnswer() {
        return largestAnswer.get();
    }

    public int listRequests() {
        return listRequests.get();
    }

    @Override
    public void close() {
        held.values().forEach(CountDownLatch::countDown);
        server.destroy();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        var uri = URI.create(request.getPath());
        var path = uri.getPath();
        if (path.equals("/version")) {
            return answer("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.4\"}");
        }
        var resource = path.substring(path.lastIndexOf('/') + 1);
        var listKind = LIST_KINDS.get(resource);
        if (listKind == null) {
            return new MockResponse().setResponseCode(404).setBody("{\"kind\":\"Status\",\"code\":404}");
        }
        awaitRelease(resource);
        listRequests.incrementAndGet();
        var query = query(uri.getRawQuery());
        int offset = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
        int total = switch (resource) {
            case "pods" -> pods;
            case "namespaces" -> namespaces;
            case "nodes" -> nodes;
            default -> 0;
        };
        int end = query.containsKey("limit") ? Math.min(total, offset + Integer.parseInt(query.get("limit"))) : total;
        var list = json.createObjectNode();
        list.put("apiVersion", listKind.substring(0, listKind.lastIndexOf('/')));
        list.put("kind", listKind.substring(listKind.lastIndexOf('/') + 1));
        var metadata = list.putObject("metadata");
        metadata.put("resourceVersion", "1");
        if (end < total) {
            metadata.put("continue", String.valueOf(end));
            metadata.put("remainingItemCount", total - end);
        }
        var items = list.putArray("items");
        for (int i = offset; i < end; i++) {
            items.add(switch (resource) {
                case "pods" -> pod(i);
                case "namespaces" -> namespace(i);
                default -> node(i);
            });
        }
        largestAnswer.accumulateAndGet(end - offset, Math::max);
        return answer(json.writeValueAsString(list));
    }

    private void awaitRelease(String resource) {
        CountDownLatch latch;
        synchronized (this) {
            latch = held.get(resource);
        }
        if (latch != null) {
            try {
                latch.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ObjectNode namespace(int n) {
        var namespace = json.createObjectNode();
        var metadata = namespace.putObject("metadata");
        metadata.put("name", "ns-" + n);
        metadata.putObject("labels").put("team", "team-" + n % 12).put("pod-security.kubernetes.io/enforce", "baseline");
        return namespace;
    }

    private ObjectNode node(int n) {
        var node = json.createObjectNode();
        node.putObject("metadata").put("name", "node-" + n).putObject("labels").put("kubernetes.io/os", "linux");
        var status = node.putObject("status");
        status.putObject("nodeInfo").put("kubeletVersion", "v1.31.4").put("osImage", "Ubuntu 24.04.1 LTS")
                .put("kernelVersion", "6.8.0-51-generic").put("containerRuntimeVersion", "containerd://1.7.24")
                .put("architecture", "amd64");
        status.putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        return node;
    }

    /** A standalone pod with two containers, one of them privileged for every fourth pod, and its running digests. */
    private ObjectNode pod(int p) {
        var pod = json.createObjectNode();
        var metadata = pod.putObject("metadata");
        metadata.put("name", "pod-" + p).put("namespace", "ns-" + p % namespaces);
        metadata.putObject("labels").put("app", "app-" + p);
        var spec = pod.putObject("spec");
        var containers = spec.putArray("containers");
        var app = containers.addObject().put("name", "app").put("image", "registry.example.com/app-" + p + ":1.0." + p);
        app.putObject("securityContext").put("privileged", p % 4 == 0).put("runAsNonRoot", p % 3 == 0);
        app.putArray("ports").addObject().put("containerPort", 8080);
        app.putArray("env").addObject().put("name", "PASSWORD").put("value", "literal-" + p);
        containers.addObject().put("name", "sidecar").put("image", "registry.example.com/proxy:2");
        var statuses = pod.putObject("status").putArray("containerStatuses");
        statuses.addObject().put("name", "app").put("image", "registry.example.com/app-" + p + ":1.0." + p)
                .put("imageID", "registry.example.com/app-" + p + "@sha256:" + "%064x".formatted(p));
        statuses.addObject().put("name", "sidecar").put("image", "registry.example.com/proxy:2")
                .put("imageID", "registry.example.com/proxy@sha256:" + "b".repeat(64));
        return pod;
    }

    private static Map<String, String> query(String rawQuery) {
        var parameters = new HashMap<String, String>();
        if (rawQuery != null) {
            for (var pair : rawQuery.split("&")) {
                var separator = pair.indexOf('=');
                if (separator > 0) {
                    parameters.put(pair.substring(0, separator), URLDecoder.decode(pair.substring(separator + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static MockResponse answer(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }
}
