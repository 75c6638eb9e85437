package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "pets")
public class Pet extends NamedEntity {
    @Column(name = "birth_date")
    private LocalDate birthDate;

    @ManyToOne(optional = false)
    @JoinColumn(name = "type_id")
    private PetType type;

    /** Default join column: owner_id. */
    @ManyToOne
    private Owner owner;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Sex sex;

    @Lob
    private byte[] photo;

    @Lob
    private String history;

    private boolean neutered;

    /** A collection table by JPA's defaults: Pet_tags(Pet_id, tags), no key (a list may repeat). */
    @ElementCollection
    private List<String> tags;

    @OneToMany(mappedBy = "pet")
    private Set<Visit> visits = new LinkedHashSet<>();
}
