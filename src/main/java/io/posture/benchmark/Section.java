package io.posture.benchmark;

import java.util.List;

public record Section(String id, String title, List<Control> controls) {
}
