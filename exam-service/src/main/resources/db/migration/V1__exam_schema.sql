-- exam-service schema (E1-E7). Flyway owns it; chassis owns outbox/inbox in db/chassis.

create table exam (
    code                 varchar(32)  primary key,
    title                varchar(200) not null,
    passing_score        integer      not null check (passing_score between 1 and 1000),
    beta                 boolean      not null default false,
    live_on              date,
    retires_on           date,
    -- set when exam.retired.v1 has been written to the outbox (the sweep does it on retires_on)
    retirement_published boolean      not null default false,
    created_at           timestamp with time zone not null,
    version              bigint       not null default 0,
    constraint beta_needs_live_on check (not beta or live_on is not null)
);

create table exam_skill_area (
    exam_code  varchar(32)  not null references exam (code),
    position   integer      not null,
    area       varchar(200) not null,
    weight_min integer      not null check (weight_min between 0 and 100),
    weight_max integer      not null check (weight_max between 0 and 100),
    primary key (exam_code, position)
);

create table exam_delivery_mode (
    exam_code     varchar(32) not null references exam (code),
    delivery_mode varchar(32) not null,
    primary key (exam_code, delivery_mode)
);

create table exam_provider (
    exam_code varchar(32) not null references exam (code),
    provider  varchar(32) not null,
    primary key (exam_code, provider)
);

create table exam_voucher (
    id              uuid         primary key,
    candidate_id    varchar(100) not null,
    exam_code       varchar(32)  not null references exam (code),
    expires_on      date         not null,
    used            boolean      not null default false,
    registration_id uuid,
    created_at      timestamp with time zone not null,
    version         bigint       not null default 0
);
create index exam_voucher_candidate on exam_voucher (candidate_id);

create table exam_registration (
    id                  uuid         primary key,
    candidate_id        varchar(100) not null,
    exam_code           varchar(32)  not null references exam (code),
    provider            varchar(32)  not null,
    delivery_mode       varchar(32)  not null,
    scheduled_at        timestamp with time zone not null,
    status              varchar(32)  not null,
    voucher_id          uuid references exam_voucher (id),
    system_check_passed boolean,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    version             bigint       not null default 0
);
create index exam_registration_candidate_exam on exam_registration (candidate_id, exam_code);

create table exam_attempt (
    id                 uuid         primary key,
    provider_result_id varchar(200) not null,
    registration_id    uuid         not null references exam_registration (id),
    candidate_id       varchar(100) not null,
    exam_code          varchar(32)  not null references exam (code),
    score              integer      not null check (score between 1 and 1000),
    taken_at           timestamp with time zone not null,
    status             varchar(16)  not null,
    passed             boolean,
    recorded_at        timestamp with time zone not null,
    released_at        timestamp with time zone,
    version            bigint       not null default 0,
    constraint exam_attempt_provider_result_id_key unique (provider_result_id),
    constraint exam_attempt_registration_id_key unique (registration_id)
);
create index exam_attempt_candidate_exam on exam_attempt (candidate_id, exam_code);
create index exam_attempt_withheld on exam_attempt (status) where status = 'WITHHELD';

-- certification holdings learned from certification-events (E3: passed + active certification blocks a retake)
create table candidate_certification_holding (
    holding_id       varchar(100) primary key,
    candidate_id     varchar(100) not null,
    certification_id varchar(100),
    status           varchar(16)  not null,
    earned_at        timestamp with time zone,
    expires_at       timestamp with time zone,
    updated_at       timestamp with time zone not null,
    version          bigint       not null default 0
);
create index candidate_certification_holding_candidate on candidate_certification_holding (candidate_id);

create table candidate_certification_holding_exam (
    holding_id varchar(100) not null references candidate_certification_holding (holding_id),
    exam_code  varchar(32)  not null,
    primary key (holding_id, exam_code)
);
