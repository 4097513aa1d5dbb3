package io.partnerhub.certification.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.CertificationRule;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.RequiredExams;

@Entity
@Table(name = "certification")
public class Certification {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationLevel level;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_exams", nullable = false, columnDefinition = "jsonb")
    public List<List<String>> requiredExams;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> prerequisites;

    /** C5: RETIRING before this UTC date, RETIRED from it; null = no retirement announced. */
    @Column(name = "retires_on")
    public LocalDate retiresOn;

    /** The certification that replaces this one, if any. */
    public String successor;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public RequiredExams requirements() {
        return new RequiredExams(requiredExams);
    }

    public CertificationStatus statusOn(LocalDate today) {
        return CertificationStatus.of(retiresOn, today);
    }

    public CertificationRule rule(LocalDate today) {
        return new CertificationRule(id, level, requirements(), prerequisites, statusOn(today) == CertificationStatus.RETIRED);
    }
}
