package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "types", uniqueConstraints = @UniqueConstraint(name = "uq_types_name", columnNames = "name"))
public class PetType extends NamedEntity {
}
