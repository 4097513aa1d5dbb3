package io.partnerhub.certification.bank;

/**
 * Whose question bank and blueprint: a renewable certification's (its renewal assessment, C3) or an online
 * assessment's (C6). Stored as {@code certification:<id>} or {@code assessment:<id>}.
 */
public record BankKey(Owner owner, String ownerId) {

    public enum Owner {
        CERTIFICATION, ASSESSMENT
    }

    public static BankKey certification(String id) {
        return new BankKey(Owner.CERTIFICATION, id);
    }

    public static BankKey assessment(String id) {
        return new BankKey(Owner.ASSESSMENT, id);
    }

    public String value() {
        return owner.name().toLowerCase() + ":" + ownerId;
    }
}
