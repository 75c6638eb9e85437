package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.Set;

@Entity
@Table(name = "specialties")
public class Specialty extends NamedEntity {
    /** The inverse side: no column. */
    @ManyToMany(mappedBy = "specialties")
    private Set<Vet> vets;
}
