package com.example.petclinic.model;

/** Stored by name ({@code @Enumerated(EnumType.STRING)}). */
public enum Sex {
    FEMALE, MALE, UNKNOWN
}
