package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.LocalDate;

@Entity
@DiscriminatorValue("VACCINE")
public class Vaccination extends Treatment {
    /** NOT NULL in Java terms, but a surgery row has no vaccine: subclass columns are nullable. */
    @Column(nullable = false, length = 60)
    private String vaccine;

    private LocalDate boosterDue;
}
