package com.example.petclinic.model;

/** Stored by position (the default {@code EnumType.ORDINAL}). */
public enum VisitStatus {
    BOOKED, ARRIVED, DONE, CANCELLED
}
