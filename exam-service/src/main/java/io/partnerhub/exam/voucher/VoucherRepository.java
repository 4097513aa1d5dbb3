package io.partnerhub.exam.voucher;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class VoucherRepository implements PanacheRepositoryBase<Voucher, UUID> {

    public List<Voucher> ofCandidate(String candidateId) {
        return list("candidateId", Sort.by("createdAt").and("id"), candidateId);
    }
}
