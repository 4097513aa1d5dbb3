package io.partnerhub.membership.notification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

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
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new ReceivedMail(message.getAllRecipients()[0].toString(), message.getSubject(),
                    header(message, "Message-ID"), header(message, "List-Unsubscribe"),
                    header(message, "List-Unsubscribe-Post"), text.toString(), html.toString());
        } catch (MessagingException | IOException e) {
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

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html);
            }
        }
    }
}
