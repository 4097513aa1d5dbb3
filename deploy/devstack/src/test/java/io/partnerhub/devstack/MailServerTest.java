package io.partnerhub.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

/** The demo SMTP server keeps what it received across a stop and start on the same port; the inbox page lists it. */
class MailServerTest {

    private static void send(int port, String to, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "2000");
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("notifications@partnerhub.local"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText("Hello <you>", "UTF-8");
        Transport.send(message);
    }

    @Test
    void keepsTheMailAcrossARestartAndShowsItOnTheInboxPage() throws Exception {
        MailServer mail = MailServer.start(0);
        MailInbox inbox = MailInbox.start(mail, 0);
        try {
            send(mail.port(), "ada@contoso.example", "Before the outage");
            mail.stop();
            assertThrows(MessagingException.class, () -> send(mail.port(), "ada@contoso.example", "Refused"));
            mail.startAgain();
            send(mail.port(), "grace@contoso.example", "After <the> outage");
            assertEquals(2, mail.received().size());

            HttpClient http = HttpClient.newHttpClient();
            String list = http.send(HttpRequest.newBuilder(URI.create(inbox.url())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            assertTrue(list.contains("Before the outage") && list.contains("After &lt;the&gt; outage"), list);
            assertTrue(list.indexOf("After") < list.indexOf("Before"), "newest first");
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(inbox.url() + "messages/0")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("Hello &lt;you&gt;"), first.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(inbox.url() + "messages/7")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            inbox.stop();
            mail.stop();
        }
    }
}
