package com.example.petclinic.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

@Entity
@DiscriminatorValue("SURGERY")
public class Surgery extends Treatment {
    private int durationMinutes;

    @ManyToOne
    private Vet surgeon;
}
