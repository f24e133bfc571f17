package io.posture.collect;

public enum RunStatus {
    RUNNING, COMPLETE, PARTIAL, FAILED
}
