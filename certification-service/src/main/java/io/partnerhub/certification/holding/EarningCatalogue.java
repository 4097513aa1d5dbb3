package io.partnerhub.certification.holding;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.partnerhub.certification.certification.Certification;
import io.partnerhub.certification.certification.CertificationRepository;
import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.CertificationRule;
import io.partnerhub.certification.domain.CertificationStatus;
import io.partnerhub.certification.domain.RequiredExams;

/**
 * The catalogue as earning reads it, kept between events (issue #25 stage 4: reading and parsing every certification's
 * JSON columns on each exam.passed.v1 was most of the earn transaction's CPU). Each earn transaction reads the
 * catalogue's {@link #REVISION} with its other reads (the same round trip) and the entries are read again only when it
 * differs from the one they were read at. The revision is a digest of every certification's id and {@code @Version}
 * (a definition adds an id, a retirement announcement steps the version), so any instance sees a change another
 * instance committed at its next event. The revision is read before the entries it keys, so entries are never older
 * than their revision (a change committed in between only causes one more read).
 */
@ApplicationScoped
class EarningCatalogue {

    /** The SQL expression of the catalogue's revision (null when the catalogue is empty). */
    static final String REVISION = "md5(string_agg(id || ':' || version, ',' ORDER BY id)) FROM certification";

    /** What earning needs of one certification, its requirements parsed once. */
    record Entry(String id, CertificationLevel level, RequiredExams requiredExams, List<String> prerequisites, LocalDate retiresOn) {

        CertificationRule rule(LocalDate today) {
            return new CertificationRule(id, level, requiredExams, prerequisites,
                    CertificationStatus.of(retiresOn, today) == CertificationStatus.RETIRED);
        }
    }

    private record Kept(String revision, List<Entry> entries) {
    }

    private final CertificationRepository certifications;
    private volatile Kept kept = new Kept(null, List.of());

    EarningCatalogue(CertificationRepository certifications) {
        this.certifications = certifications;
    }

    /**
     * The catalogue's rules on {@code today}, as of {@code revision} (read in the caller's transaction just before):
     * the kept entries when they were read at that revision, else read now in the caller's transaction.
     */
    List<CertificationRule> rules(String revision, LocalDate today) {
        Kept current = kept;
        if (revision == null) {
            return List.of();
        }
        if (!revision.equals(current.revision())) {
            // read-only: no snapshot of each certification's JSON columns to compare at the flush
            List<Entry> entries = certifications.findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                    .sorted(Comparator.comparing((Certification c) -> c.id)).map(EarningCatalogue::entry).toList();
            current = new Kept(revision, entries);
            kept = current;
        }
        return current.entries().stream().map(entry -> entry.rule(today)).toList();
    }

    private static Entry entry(Certification certification) {
        return new Entry(certification.id, certification.level, certification.requirements(),
                List.copyOf(certification.prerequisites), certification.retiresOn);
    }
}
