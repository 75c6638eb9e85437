package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

@Entity
@Table(name = "visits")
public class Visit extends BaseEntity {
    @Column(name = "visit_date", nullable = false)
    private LocalDate date;

    private LocalTime time;

    @Column(length = 1000)
    private String description;

    @ManyToOne
    @JoinColumn(name = "pet_id", nullable = false)
    private Pet pet;

    @Column(precision = 10, scale = 2)
    private BigDecimal fee;

    private BigDecimal discount;

    @Enumerated
    private VisitStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
}
