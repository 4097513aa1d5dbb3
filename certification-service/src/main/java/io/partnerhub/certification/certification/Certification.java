package io.partnerhub.certification.certification;

import java.time.Instant;
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CertificationStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public RequiredExams requirements() {
        return new RequiredExams(requiredExams);
    }
}
