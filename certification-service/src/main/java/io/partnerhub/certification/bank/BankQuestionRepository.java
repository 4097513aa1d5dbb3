package io.partnerhub.certification.bank;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BankQuestionRepository implements PanacheRepositoryBase<BankQuestion, UUID> {

    /** The latest revision of a question of this bank, locked (a revision and a retirement of it serialise here). */
    public BankQuestion lockLatest(String bank, UUID questionId) {
        return find("bank = ?1 and questionId = ?2 and latest = true", bank, questionId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public List<BankQuestion> latestOf(String bank, int page, int size) {
        return find("bank = ?1 and latest = true", Sort.by("createdAt").and("questionId"), bank).page(Page.of(page, size)).list();
    }

    public long countLatestOf(String bank) {
        return count("bank = ?1 and latest = true", bank);
    }

    /** What may be drawn: the latest revision of every active question, by skill area. */
    public Map<String, List<BankQuestion>> activeBySkillArea(String bank) {
        return list("bank = ?1 and latest = true and active = true", Sort.by("questionId"), bank).stream()
                .collect(Collectors.groupingBy(q -> q.skillArea));
    }
}
