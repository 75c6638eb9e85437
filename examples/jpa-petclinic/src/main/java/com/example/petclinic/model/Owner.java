package com.example.petclinic.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "owners", indexes = @Index(name = "ix_owners_last_name", columnList = "last_name"))
public class Owner extends Person {
    @Embedded
    private Address address;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
        @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80)),
        @AttributeOverride(name = "zip", column = @Column(name = "billing_zip", length = 10)),
        @AttributeOverride(name = "country", column = @Column(name = "billing_country", length = 2, columnDefinition = "char(2)"))
    })
    private Address billingAddress;

    @Column(length = 20, nullable = false, unique = true)
    private String telephone;

    @Column(unique = true)
    private String email;

    /** A collection table with a key of both columns (a set). */
    @ElementCollection
    @CollectionTable(name = "owner_phones", joinColumns = @JoinColumn(name = "owner_id"))
    @Column(name = "phone", length = 20)
    private Set<String> otherPhones;

    @OneToMany(mappedBy = "owner")
    private List<Pet> pets = new ArrayList<>();

    @Transient
    private String displayName;

    private transient int cachedPetCount;
}
