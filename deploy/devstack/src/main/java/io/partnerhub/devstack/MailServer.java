package io.partnerhub.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The local demo's and the tests' SMTP server: GreenMail in this JVM, on 127.0.0.1, without authentication,
 * accepting mail for any address (membership-service's notifications, #23). It can be stopped and started again on
 * the same port (a test's SMTP outage); what it received before a stop is kept, so {@link #received()} is everything
 * since the first start.
 */
public final class MailServer {

    private final int port;
    private final List<byte[]> beforeRestart = new CopyOnWriteArrayList<>();
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** Starts an SMTP server on {@code port} (0: a free one). */
    public static MailServer start(int port) {
        MailServer server = new MailServer(port == 0 ? Processes.freePort() : port);
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    /** Starts the server again on the same port; nothing happens when it runs. */
    public synchronized void startAgain() {
        if (greenMail != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(setup);
        server.start();
        greenMail = server;
    }

    /** Stops the server (connections are refused until {@link #startAgain()}), keeping what it received. */
    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        beforeRestart.addAll(raw(greenMail));
        greenMail.stop();
        greenMail = null;
    }

    /** Every message received since the first start, as RFC 5322 bytes, oldest first. */
    public synchronized List<byte[]> received() {
        List<byte[]> all = new ArrayList<>(beforeRestart);
        if (greenMail != null) {
            all.addAll(raw(greenMail));
        }
        return all;
    }

    /** The plain-text and HTML parts of a message (for the inbox page and the tests' checks). */
    public record Bodies(String text, String html) {
    }

    public static Bodies bodies(Part message) {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        try {
            collect(message, text, html);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
        return new Bodies(text.toString(), html.toString());
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        }
    }

    private static List<byte[]> raw(GreenMail server) {
        List<byte[]> messages = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                message.writeTo(bytes);
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("cannot read a received message", e);
            }
            messages.add(bytes.toByteArray());
        }
        return messages;
    }
}
