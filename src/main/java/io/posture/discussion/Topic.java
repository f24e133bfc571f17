package io.posture.discussion;

/** What a comment is about: a finding or a remediation task, by id. */
public record Topic(Kind kind, long id) {

    public enum Kind { FINDING, TASK }

    public static Topic finding(long id) {
        return new Topic(Kind.FINDING, id);
    }

    public static Topic task(long id) {
        return new Topic(Kind.TASK, id);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id;
    }
}
