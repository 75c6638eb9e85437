package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One table for the whole hierarchy, told apart by the default discriminator column DTYPE. */
@Entity
@Table(name = "treatments")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Treatment extends BaseEntity {
    @ManyToOne(optional = false)
    private Visit visit;

    private String notes;
}
