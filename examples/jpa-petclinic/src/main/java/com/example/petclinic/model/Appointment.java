package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** A UUID key, date-times of every kind, the remaining Java numeric types and an optimistic-lock version. */
@Entity
@Table(name = "appointments")
public class Appointment {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @ManyToOne(optional = false)
    private Pet pet;

    @ManyToOne
    @JoinColumns({
        @JoinColumn(name = "slot_vet_id", referencedColumnName = "vetId"),
        @JoinColumn(name = "slot_day", referencedColumnName = "day")
    })
    private VetSlot slot;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;

    @Column(name = "reminder_at")
    private ZonedDateTime reminderAt;

    private boolean urgent;

    @Column(name = "weight_kg")
    private double weightKg;

    private Float temperature;

    private short priority;

    @Column(name = "sequence_no")
    private long sequenceNo;

    @Column(columnDefinition = "text")
    private String notes;

    @Version
    private Integer version;
}
