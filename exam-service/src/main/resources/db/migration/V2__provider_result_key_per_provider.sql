-- E5: a provider result id is unique per provider, not globally: the idempotency key is (provider, provider_result_id).
-- The provider of an attempt is its registration's (the provider that delivered the exam and posts the result).
alter table exam_attempt add column provider varchar(32);
update exam_attempt a set provider = r.provider from exam_registration r where r.id = a.registration_id;
alter table exam_attempt alter column provider set not null;
alter table exam_attempt drop constraint exam_attempt_provider_result_id_key;
alter table exam_attempt add constraint exam_attempt_provider_result_key unique (provider, provider_result_id);
