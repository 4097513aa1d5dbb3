-- #23 e-mail notifications. One row per mail: the queue the scheduled sender drains (PENDING, RETRYING) and the
-- delivery log (SENT, FAILED). Once per cause: (cause_id, kind, recipient) is unique, so a redelivered event or a
-- retried request queues nothing new. The rendered bodies are dropped once the mail is sent (an invitation's carries
-- its code). The row id is the mail's Message-ID, the same on every attempt.
CREATE TABLE notification_mail (
    id                uuid         PRIMARY KEY,
    cause_id          varchar(200) NOT NULL,
    kind              varchar(40)  NOT NULL,
    recipient_user_id uuid         NOT NULL REFERENCES user_account (id),
    organization_id   uuid         REFERENCES organization (id),
    recipient_email   varchar(320) NOT NULL,
    subject           varchar(300) NOT NULL,
    text_body         text,
    html_body         text,
    unsubscribe_url   varchar(1000),
    status            varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'SENT', 'FAILED')),
    attempts          integer      NOT NULL DEFAULT 0,
    last_error        varchar(1000),
    next_attempt_at   timestamptz  NOT NULL,
    created_at        timestamptz  NOT NULL,
    sent_at           timestamptz,
    version           bigint       NOT NULL DEFAULT 0,
    CONSTRAINT notification_mail_once_per_cause UNIQUE (cause_id, kind, recipient_user_id)
);
CREATE INDEX notification_mail_due ON notification_mail (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX notification_mail_organization ON notification_mail (organization_id, created_at DESC);

-- a person's choice for one kind of mail; no row = the default (on). Security kinds cannot be turned off.
CREATE TABLE notification_preference (
    user_id    uuid        NOT NULL REFERENCES user_account (id),
    kind       varchar(40) NOT NULL,
    enabled    boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (user_id, kind)
);
