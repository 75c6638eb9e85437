package com.example.petclinic.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** The {@code @IdClass} of {@link VetSlot}. */
public class VetSlotId implements Serializable {
    private static final long serialVersionUID = 1L;
    private Integer vetId;
    private LocalDate day;

    @Override
    public boolean equals(Object o) {
        return o instanceof VetSlotId other && Objects.equals(vetId, other.vetId) && Objects.equals(day, other.day);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vetId, day);
    }
}
