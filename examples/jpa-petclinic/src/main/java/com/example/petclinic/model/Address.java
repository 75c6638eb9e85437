package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, embedded twice in {@link Owner} (once with overridden column names). */
@Embeddable
public class Address {
    private String street;

    @Column(length = 80)
    private String city;

    @Column(name = "zip_code", length = 10)
    private String zip;

    @Column(length = 2, columnDefinition = "char(2)")
    private String country;
}
