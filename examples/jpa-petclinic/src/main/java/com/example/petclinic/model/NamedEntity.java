package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** An entity with a name; mapped superclasses chain. */
@MappedSuperclass
public abstract class NamedEntity extends BaseEntity {
    @Column(name = "name", length = 80, nullable = false)
    private String name;

    public String getName() {
        return name;
    }
}
