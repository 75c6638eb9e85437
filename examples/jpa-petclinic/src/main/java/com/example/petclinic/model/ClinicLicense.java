package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.util.Date;

/** A natural key (no generated id) and legacy java.util.Date columns (hence the deprecated @Temporal). */
@SuppressWarnings("deprecation")
@Entity
@Table(name = "clinic_licenses")
public class ClinicLicense {
    @Id
    @Column(length = 20)
    private String number;

    @Temporal(TemporalType.DATE)
    @Column(nullable = false)
    private Date issuedOn;

    @Temporal(TemporalType.TIMESTAMP)
    private Date lastChecked;

    @OneToOne(mappedBy = "license")
    private Clinic clinic;
}
