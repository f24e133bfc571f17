package io.posture.benchmark;

/** A MITRE ATT&CK technique (Containers platform) a control guards against: {@code T1611}, or {@code T1552.007}. */
public record AttackTechnique(String id, String name) {

    /** The technique's page on attack.mitre.org (a sub-technique's id as a path: T1552/007). */
    public String url() {
        return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
