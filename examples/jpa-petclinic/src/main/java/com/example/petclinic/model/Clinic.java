package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToOne;
import java.util.Set;

/** Everything by JPA's defaults: table Clinic, column names as the fields, a default join table. */
@Entity
public class Clinic {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String displayName;

    private int openingYear;

    private Integer roomCount;

    @OneToOne
    private ClinicLicense license;

    /** Join table Clinic_vets with columns Clinic_id and staff_id. */
    @ManyToMany
    private Set<Vet> staff;
}
