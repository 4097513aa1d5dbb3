package io.partnerhub.membership.notification;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import io.partnerhub.devstack.MailServer;
import io.partnerhub.devstack.test.PartnerHubTestResource;

/** A mail the test SMTP server received, read with Jakarta Mail (independent of the sender's Vert.x mail client). */
record ReceivedMail(String to, String subject, String messageId, String listUnsubscribe, String listUnsubscribePost,
        String text, String html) {

    static List<ReceivedMail> all() {
        List<ReceivedMail> mails = new ArrayList<>();
        for (byte[] raw : PartnerHubTestResource.receivedMail()) {
            mails.add(parse(raw));
        }
        return mails;
    }

    /** The mails to this address (GreenMail is shared by the JVM's tests: each test uses addresses of its own). */
    static List<ReceivedMail> to(String address) {
        return all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    static ReceivedMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            MailServer.Bodies bodies = MailServer.bodies(message);
            return new ReceivedMail(message.getAllRecipients()[0].toString(), message.getSubject(),
                    header(message, "Message-ID"), header(message, "List-Unsubscribe"),
                    header(message, "List-Unsubscribe-Post"), bodies.text(), bodies.html());
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /** The URL of the List-Unsubscribe header, without the angle brackets. */
    String unsubscribeUrl() {
        return listUnsubscribe == null ? null : listUnsubscribe.replaceAll("^<|>$", "");
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, null);
        return value == null ? null : MimeUtility.unfold(value).trim();
    }
}
