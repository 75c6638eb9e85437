package dev.retort.core.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.DialectNotFoundException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DialectRegistryTest {
    @Test
    void providers_are_looked_up_on_first_use_and_once() {
        AtomicInteger lookups = new AtomicInteger();
        DialectRegistry registry = new DialectRegistry(() -> {
            lookups.incrementAndGet();
            return List.of();
        });
        assertEquals(0, lookups.get(), "building the registry looks nothing up");
        assertEquals(java.util.Set.of(), registry.names());
        assertTrue(registry.exists(new ConnectionSettings("jdbc:nothing:x", null, null, null, null)));
        DialectNotFoundException e = assertThrows(DialectNotFoundException.class, () -> registry.forUrl("jdbc:nothing:x"));
        assertTrue(e.getMessage().contains("dialects on the classpath: none"), e.getMessage());
        assertEquals(1, lookups.get());
    }
}
