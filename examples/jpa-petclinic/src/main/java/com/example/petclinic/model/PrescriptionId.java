package com.example.petclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The {@code @EmbeddedId} of {@link Prescription}. */
@Embeddable
public class PrescriptionId implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "visit_id")
    private Integer visitId;

    @Column(name = "line_no")
    private short lineNo;

    @Override
    public boolean equals(Object o) {
        return o instanceof PrescriptionId other && Objects.equals(visitId, other.visitId) && lineNo == other.lineNo;
    }

    @Override
    public int hashCode() {
        return Objects.hash(visitId, lineNo);
    }
}
