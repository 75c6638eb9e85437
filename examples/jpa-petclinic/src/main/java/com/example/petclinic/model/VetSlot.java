package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A composite key declared with {@code @IdClass}. */
@Entity
@Table(name = "vet_slots")
@IdClass(VetSlotId.class)
public class VetSlot {
    @Id
    private Integer vetId;

    @Id
    private LocalDate day;

    private int capacity;
}
