package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A composite key declared with {@code @EmbeddedId}. */
@Entity
@Table(name = "prescriptions")
public class Prescription {
    @EmbeddedId
    private PrescriptionId id;

    @Column(nullable = false, length = 100)
    private String drug;

    @Column(precision = 8, scale = 3)
    private BigDecimal dose;
}
