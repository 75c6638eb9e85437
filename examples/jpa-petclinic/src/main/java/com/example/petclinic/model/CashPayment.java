package com.example.petclinic.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Default key join column: the parent's key column name, id. */
@Entity
@Table(name = "cash_payments")
public class CashPayment extends Payment {
    private BigDecimal tendered;
}
