package io.posture.api;

import org.springframework.data.domain.Page;

import java.util.List;

/** A page of a list as the API returns it: stable JSON, unlike Spring Data's own page type. */
record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    static <T> PageOf<T> of(Page<T> page) {
        return new PageOf<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
